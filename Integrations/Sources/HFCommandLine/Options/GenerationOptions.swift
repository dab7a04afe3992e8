import ArgumentParser
import Foundation
import HFFull

/// The options of the tasks that make a file from a text (an image, speech): the text, and the
/// file to write.
///
/// ```swift
/// try await generation.write(json: common.json) { text in
///     try await client.multimodal.textToImage(text, model: task.modelID, via: task.destination)
/// }
/// ```
struct GenerationOptions: ParsableArguments {
    @Argument(help: "The prompt or text; read from standard input when absent or \"-\".")
    var text: String?

    @Option(name: .shortAndLong, help: "The file to write the result to.")
    var output: String

    /// What `--json` prints for the written file.
    struct Written: Encodable {
        let file: String
        let contentType: String
        let bytes: Int
    }

    /// Makes the file from the text with `make`, writes it to ``output`` and says so: a line, or
    /// ``Written`` as JSON.
    func write(json: Bool, _ make: (String) async throws -> MediaOutput) async throws {
        let result = try await make(try PromptInput.text(text, name: "text"))
        try result.write(to: URL(fileURLWithPath: output))
        let written = Written(file: output, contentType: result.contentType, bytes: result.data.count)
        if json {
            try JSONOutput.print(written)
        } else {
            Console.line("wrote \(written.bytes) bytes (\(written.contentType)) to \(output)")
        }
    }
}
