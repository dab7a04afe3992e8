import ArgumentParser
import Foundation
import HFFull

/// The options every command takes: where to send calls, how long and how often to try, and how
/// to print the result. They map onto ``HFConfiguration``; the token is found as the library finds
/// it (`HF_TOKEN`, …, `~/.cache/huggingface/token`), never from the command line, where other users
/// of the machine could read it.
///
/// ```swift
/// struct Embed: AsyncParsableCommand {
///     @OptionGroup var common: CommonOptions
///     func run() async throws { let client = try common.client() }
/// }
/// ```
struct CommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The inference router, or any OpenAI-compatible or TGI server (a local llama.cpp or vLLM).",
        discussion: "Chat goes to {base-url}/v1/chat/completions, provider routes to {base-url}/{provider}/….",
        valueName: "url"
    ))
    var baseURL: String?

    @Option(help: ArgumentHelp("The Hub API, for model information and provider mappings (default: HF_ENDPOINT, else https://huggingface.co).", valueName: "url"))
    var hubURL: String?

    @Flag(help: "Allow plain http:// to hosts other than this machine (the token then travels in clear).")
    var allowInsecureHTTP = false

    @Option(help: "Attempts for a call that fails for a passing reason (a loading model, 429, 5xx, network).")
    var attempts = 3

    @Option(help: ArgumentHelp("Seconds to wait for an answer, or for a stream to start.", valueName: "seconds"))
    var timeout: Int?

    @Flag(help: "Print the result as JSON on standard output.")
    var json = false

    @Flag(help: "Log each request (method, route, status, duration; never the token) on standard error.")
    var verbose = false

    func validate() throws {
        for (name, value) in [("--base-url", baseURL), ("--hub-url", hubURL)] {
            guard let value else { continue }
            guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
                throw ValidationError("\(name) must be an absolute http(s) URL, got \"\(value)\"")
            }
        }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        if let timeout, timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// The configuration these options describe, over the environment's defaults.
    var configuration: HFConfiguration {
        var configuration = HFConfiguration()
        if let baseURL = baseURL.flatMap(URL.init(string:)) { configuration.routerBaseURL = baseURL }
        if let hubURL = hubURL.flatMap(URL.init(string:)) { configuration.hubBaseURL = hubURL }
        configuration.allowsInsecureHTTP = allowInsecureHTTP
        if let timeout { configuration.requestTimeout = .seconds(timeout) }
        if verbose { configuration.logger = .standardError(minimumLevel: .debug) }
        return configuration
    }

    /// A client for these options: failed calls are tried again under a retry policy, and long
    /// waits are shown on standard error when it is a terminal.
    func client() -> HFClient {
        let policy = RetryPolicy(maxAttempts: attempts)
        var middleware: [any HFMiddleware] = [RetryMiddleware(policy: policy)]
        if Console.errorIsTerminal { middleware.append(WaitProgress(policy: policy)) }
        return HFClient(configuration: configuration, middleware: middleware)
    }
}
