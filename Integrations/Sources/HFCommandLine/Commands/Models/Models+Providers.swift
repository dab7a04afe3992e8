import ArgumentParser
import HFFull

extension Models {
    /// `hf models providers`: whether a model can be served now, and by whom.
    ///
    /// ```sh
    /// hf models providers meta-llama/Llama-3.3-70B-Instruct
    /// ```
    struct Providers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Whether a model is served now, and each provider's status, task and model id.",
            discussion: "With --json: {model, state, task, providers: [{provider, status, task, providerModelID}]}."
        )

        @Argument(help: "The model id.")
        var model: String

        @OptionGroup var common: CommonOptions

        struct Output: Encodable {
            struct Mapping: Encodable {
                let provider: String
                let status: String
                let task: String
                let providerModelID: String
            }

            let model: String
            let state: String
            let task: String?
            let providers: [Mapping]
        }

        func run() async throws {
            let availability = try await common.client().models.availability(of: ModelID(rawValue: model))
            let output = Output(
                model: availability.model,
                state: "\(availability.state)",
                task: availability.pipelineTag?.rawValue,
                providers: availability.providers.map { mapping in
                    Output.Mapping(provider: mapping.provider.rawValue, status: mapping.status.rawValue, task: mapping.task.rawValue, providerModelID: mapping.providerModelID)
                }
            )
            if common.json {
                try JSONOutput.print(output)
                return
            }
            Console.line("\(output.model): \(output.state)")
            for mapping in output.providers {
                Console.line([mapping.provider, mapping.status, mapping.task, mapping.providerModelID].joined(separator: "\t"))
            }
        }
    }
}
