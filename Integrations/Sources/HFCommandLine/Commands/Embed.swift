import ArgumentParser
import HFFull

/// `hf embed`: one vector per text.
///
/// ```sh
/// hf embed "Hi, who are you?" "What is deep learning?"
/// cat sentences.txt | hf embed --json      # one text per line
/// ```
struct Embed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed texts: one line of numbers per text.",
        discussion: "Without arguments, each line of standard input is one text. With --json: {model, dimension, embeddings}."
    )

    @Argument(help: "The texts; read from standard input, one per line, when none is given.")
    var texts: [String] = []

    @Option(name: .shortAndLong, help: "A feature-extraction model on hf-inference.")
    var model = ModelID.allMiniLML6v2.rawValue

    @OptionGroup var common: CommonOptions

    struct Output: Encodable {
        let model: String
        let dimension: Int
        let embeddings: [[Float]]
    }

    func run() async throws {
        let inputs = texts.isEmpty ? try PromptInput.text(nil, name: "texts").split(whereSeparator: \.isNewline).map(String.init) : texts
        let embeddings = try await common.client().embeddings.embed(inputs, model: ModelID(rawValue: model))
        let rows = embeddings.map { Array($0) }
        if common.json {
            try JSONOutput.print(Output(model: model, dimension: embeddings.dimension, embeddings: rows))
        } else {
            for row in rows { Console.line(row.map { "\($0)" }.joined(separator: " ")) }
        }
    }
}
