import ArgumentParser
import HFFull

/// `hf transcribe`: the text spoken in an audio file (speech recognition).
///
/// ```sh
/// hf transcribe sample.flac -m openai/whisper-large-v3 --provider fal-ai
/// ```
struct Transcribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the text spoken in an audio file.",
        discussion: "With --json: {text, chunks}."
    )

    @OptionGroup var input: InputFile
    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let heard = try await common.client().multimodal.transcribe(input.media, model: task.modelID, via: task.destination)
        if common.json {
            try JSONOutput.print(heard)
        } else {
            Console.line(heard.text)
        }
    }
}
