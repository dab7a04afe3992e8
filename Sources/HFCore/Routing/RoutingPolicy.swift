/// How the router picks a provider when the model id names none: the `:fastest`, `:cheapest` or
/// `:preferred` suffix of a model id. Without a suffix the router uses ``fastest``.
///
/// ```swift
/// let cheapest = try await client.inference.chat("Hi", model: "meta-llama/Meta-Llama-3-8B-Instruct:cheapest")
/// ```
public struct RoutingPolicy: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Highest throughput (tokens per second); the router's default.
    public static let fastest = RoutingPolicy(rawValue: "fastest")
    /// Lowest price per output token.
    public static let cheapest = RoutingPolicy(rawValue: "cheapest")
    /// The first available provider in the account's order at hf.co/settings/inference-providers.
    public static let preferred = RoutingPolicy(rawValue: "preferred")

    /// The policies the router knows; any other suffix names a provider.
    public static let all: [RoutingPolicy] = [.fastest, .cheapest, .preferred]
}
