import ArgumentParser

/// `hf models`: the Hub's model API.
///
/// ```sh
/// hf models search bert --task fill-mask --limit 5
/// hf models info google-bert/bert-base-uncased
/// hf models providers meta-llama/Llama-3.3-70B-Instruct
/// ```
struct Models: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the Hub, show a model, and which providers serve it.",
        subcommands: [Search.self, Info.self, Providers.self]
    )
}
