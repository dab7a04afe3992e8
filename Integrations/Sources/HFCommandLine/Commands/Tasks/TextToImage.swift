import ArgumentParser
import HFFull

/// `hf text-to-image`: an image made from a prompt, written to a file.
///
/// ```sh
/// hf text-to-image "An astronaut riding a horse on the moon." -m black-forest-labs/FLUX.1-dev --provider together -o astronaut.png
/// ```
struct TextToImage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Make an image from a prompt and write it to a file.")

    @OptionGroup var generation: GenerationOptions
    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let multimodal = common.client().multimodal
        try await generation.write(json: common.json) { prompt in
            try await multimodal.textToImage(prompt, model: task.modelID, via: task.destination)
        }
    }
}
