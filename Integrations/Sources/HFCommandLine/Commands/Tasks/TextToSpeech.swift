import ArgumentParser
import HFFull

/// `hf text-to-speech`: speech read from a text, written to an audio file.
///
/// ```sh
/// hf text-to-speech "Hello world" -m espnet/kan-bayashi_ljspeech_vits -o hello.flac
/// ```
struct TextToSpeech: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read a text aloud and write the audio to a file.")

    @OptionGroup var generation: GenerationOptions
    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let multimodal = common.client().multimodal
        try await generation.write(json: common.json) { text in
            try await multimodal.textToSpeech(text, model: task.modelID, via: task.destination)
        }
    }
}
