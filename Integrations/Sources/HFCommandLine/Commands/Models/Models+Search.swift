import ArgumentParser
import HFFull

extension Models {
    /// `hf models search`: models matching a query, most downloaded first.
    ///
    /// ```sh
    /// hf models search llama --task text-generation --provider together --limit 10
    /// ```
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Models matching a query: id, downloads, likes and task, one per line.",
            discussion: "With --json: the Hub's objects, as a list."
        )

        @Argument(help: "Words the model id contains.")
        var query: String?

        @Option(help: "Only models of this author or organisation.")
        var author: String?

        @Option(help: "Only models for this task (a pipeline tag such as text-generation).")
        var task: String?

        @Option(help: "Only models this provider serves.")
        var provider: String?

        @Option(help: "How many models to list.")
        var limit = 20

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let query = ModelQuery(
                search: query, author: author, pipelineTag: task.map(InferenceTask.init(rawValue:)),
                inferenceProviders: provider.map { [Provider(rawValue: $0)] } ?? [],
                sort: .downloads, direction: .descending, limit: limit
            )
            var models: [ModelInfo] = []
            for try await model in try common.client().models.list(query) {
                models.append(model)
            }
            if common.json {
                try JSONOutput.print(models.map { JSONValue.object($0.json) })
            } else {
                for model in models {
                    let columns = [model.id, model.downloads.map { "\($0) downloads" }, model.likes.map { "\($0) likes" }, model.pipelineTag?.rawValue]
                    Console.line(columns.compactMap { $0 }.joined(separator: "\t"))
                }
            }
        }
    }
}
