import ArgumentParser
import HFFull

/// `hf text-to-image`: an image made from a prompt, written to a file.
///
/// ```sh
/// hf text-to-image "An astronaut riding a horse on the moon." -m black-forest-labs/FLUX.1-dev --provider together -o astronaut.png
/// ```
struct TextToImage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Make an image from a prompt and write it to a file.")

    @Argument(help: "The prompt; read from standard input when absent or \"-\".")
    var prompt: String?

    @Option(name: .shortAndLong, help: "The file to write the image to.")
    var output: String

    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let prompt = try PromptInput.text(prompt, name: "prompt")
        let image = try await common.client().multimodal.textToImage(prompt, model: task.modelID, via: task.destination)
        try MediaFile.write(image, to: output, json: common.json)
    }
}
