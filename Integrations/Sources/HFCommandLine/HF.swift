import ArgumentParser
import Foundation
import HFFull

/// `hf`: try Hugging Face models from a shell.
///
/// ```sh
/// swift run --package-path Integrations hf chat "What is deep learning?"
/// echo "Hi" | hf chat --model meta-llama/Llama-3.1-8B-Instruct --provider together --max-tokens 50
/// hf models providers meta-llama/Llama-3.3-70B-Instruct --json
/// ```
@main
struct HF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hf",
        abstract: "Try Hugging Face models from a shell: chat, embeddings, similarity, the Hub, vision and audio tasks.",
        discussion: """
        The token is found as the library finds it: HF_TOKEN, HUGGINGFACE_API_KEY, \
        HUGGING_FACE_HUB_TOKEN, the file at HF_TOKEN_PATH, $HF_HOME/token, \
        ~/.cache/huggingface/token (where `huggingface-cli login` writes). A failure prints the \
        library's description of the error, which ends with what to do next.

        Exit status:
        \(ExitStatus.table)
        """,
        subcommands: [
            Chat.self, Embed.self, SimilarityCommand.self, Models.self,
            TextToImage.self, TextToSpeech.self, Transcribe.self, ClassifyImage.self, DetectObjects.self, Caption.self,
        ]
    )

    /// Runs the command line; an ``HFError`` exits with its category's status (``ExitStatus``)
    /// after printing its description, which carries the recovery suggestion.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as HFError {
            Console.err("hf: \(error)")
            Self.exit(withError: ExitCode(ExitStatus.code(for: error)))
        } catch {
            Self.exit(withError: error)
        }
    }
}
