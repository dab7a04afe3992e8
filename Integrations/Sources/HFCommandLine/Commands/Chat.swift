import ArgumentParser
import HFFull

/// `hf chat`: one question, the answer streamed to the terminal token by token.
///
/// ```sh
/// hf chat "What is deep learning?" --system "Be brief." --max-tokens 100
/// echo "Count to 10" | hf chat --model meta-llama/Llama-3.3-70B-Instruct --provider together
/// hf chat "Hi" --base-url http://localhost:8080 --model local    # a llama.cpp or vLLM server
/// ```
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a model; the answer streams to the terminal token by token.",
        discussion: "With --json the whole answer is printed at the end as one object: text, finish reason, token usage and model."
    )

    @Argument(help: "The prompt; read from standard input when absent or \"-\".")
    var prompt: String?

    @Option(name: .shortAndLong, help: "The model: a Hub id, optionally with \":provider\", \":fastest\" or \":cheapest\".")
    var model = ModelID.llama3_8BInstruct.rawValue

    @Option(help: "A system message sent before the prompt.")
    var system: String?

    @Option(help: "Send the call to this provider (e.g. together, hf-inference) instead of letting the router pick.")
    var provider: String?

    @Option(help: "The most tokens to generate.")
    var maxTokens: Int?

    @Option(help: "Sampling temperature, 0 to 2.")
    var temperature: Double?

    @Flag(help: "Wait for the whole answer instead of streaming it.")
    var noStream = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let text = try PromptInput.text(prompt, name: "prompt")
        var request = ChatCompletionRequest(
            model: ModelID(rawValue: model),
            messages: (system.map { [ChatMessage.system($0)] } ?? []) + [.user(text)]
        )
        request.maxTokens = maxTokens
        request.temperature = temperature
        let target = provider.map { ChatTarget.provider(Provider(rawValue: $0)) } ?? .router
        let client = common.client()

        var answer = ChatAnswer()
        if noStream {
            answer.add(try await client.inference.chat(request, via: target))
            if !common.json { Console.out(answer.text) }
        } else {
            for try await chunk in try client.inference.chatStream(request, via: target) {
                answer.add(chunk)
                if !common.json, let piece = chunk.text { Console.out(piece) }
            }
        }
        if common.json {
            try JSONOutput.print(answer)
            return
        }
        if answer.text.last?.isNewline != true { Console.out("\n") }
        if answer.finishReason == FinishReason.length.rawValue {
            Console.err("hf: the answer stopped at the token limit (--max-tokens, or the model's own)")
        }
    }
}
