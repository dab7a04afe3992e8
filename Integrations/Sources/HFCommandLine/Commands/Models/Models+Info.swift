import ArgumentParser
import Foundation
import HFFull

extension Models {
    /// `hf models info`: one model's card data from the Hub.
    ///
    /// ```sh
    /// hf models info google-bert/bert-base-uncased
    /// ```
    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One model: task, library, downloads, likes, gating, inference status.",
            discussion: "With --json: the Hub's object as it came."
        )

        @Argument(help: "The model id (renamed repositories are followed).")
        var model: String

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let info = try await common.client().models.info(ModelID(rawValue: model))
            if common.json {
                try JSONOutput.print(JSONValue.object(info.json))
                return
            }
            let rows: [(String, String?)] = [
                ("id", info.id),
                ("task", info.pipelineTag?.rawValue),
                ("library", info.libraryName),
                ("downloads", info.downloads.map(String.init)),
                ("likes", info.likes.map(String.init)),
                ("gated", info.gated?.rawValue),
                ("inference", info.inference?.rawValue),
                ("private", info.isPrivate.map(String.init)),
                ("last modified", info.lastModified.map { $0.formatted(.iso8601) }),
                ("tags", info.tags.map { $0.joined(separator: ", ") }),
            ]
            for case let (name, value?) in rows {
                Console.line(name + ": " + value)
            }
        }
    }
}
