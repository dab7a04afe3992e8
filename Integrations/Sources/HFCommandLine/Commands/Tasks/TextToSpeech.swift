import ArgumentParser
import HFFull

/// `hf text-to-speech`: speech read from a text, written to an audio file.
///
/// ```sh
/// hf text-to-speech "Hello world" -m espnet/kan-bayashi_ljspeech_vits -o hello.flac
/// ```
struct TextToSpeech: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read a text aloud and write the audio to a file.")

    @Argument(help: "The text; read from standard input when absent or \"-\".")
    var text: String?

    @Option(name: .shortAndLong, help: "The file to write the audio to.")
    var output: String

    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let text = try PromptInput.text(text, name: "text")
        let speech = try await common.client().multimodal.textToSpeech(text, model: task.modelID, via: task.destination)
        try MediaFile.write(speech, to: output, json: common.json)
    }
}
