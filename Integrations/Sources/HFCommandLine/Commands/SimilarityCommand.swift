import ArgumentParser
import Foundation
import HFFull

/// `hf similarity`: how close each sentence is to a source sentence.
///
/// ```sh
/// hf similarity "Machine learning is so easy." "Deep learning is so straightforward." "This is so difficult."
/// ```
struct SimilarityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Score sentences against a source sentence (cosine similarity, in the order given).",
        discussion: "With --json: {model, source, scores: [{sentence, score}]}."
    )

    @Argument(help: "The source sentence.")
    var source: String

    @Argument(help: "The sentences to compare with it.")
    var sentences: [String]

    @Option(name: .shortAndLong, help: "A sentence-similarity model on hf-inference.")
    var model = ModelID.allMiniLML6v2.rawValue

    @OptionGroup var common: CommonOptions

    struct Output: Encodable {
        struct Score: Encodable {
            let sentence: String
            let score: Double
        }

        let model: String
        let source: String
        let scores: [Score]
    }

    func run() async throws {
        let scores = try await common.client().embeddings.similarity(source: source, sentences: sentences, model: ModelID(rawValue: model))
        let pairs = zip(sentences, scores).map { Output.Score(sentence: $0, score: $1) }
        if common.json {
            try JSONOutput.print(Output(model: model, source: source, scores: pairs))
        } else {
            for pair in pairs { Console.line(String(format: "%.4f", pair.score) + "  " + pair.sentence) }
        }
    }
}
