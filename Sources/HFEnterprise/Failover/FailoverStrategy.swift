/// The order in which a ``FailoverPool`` offers its healthy endpoints to a call.
///
/// ```swift
/// let pool = FailoverPool(providers: [.together, .fireworksAI, .hfInference], strategy: .roundRobin)
/// ```
///
/// Whatever the strategy, an endpoint in its cool-down is skipped, and a call moves on to the next
/// healthy endpoint in the same order when one fails.
public struct FailoverStrategy: Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        case priority
        case roundRobin
        case random(any RandomNumberGenerator & Sendable)
        case sticky
    }

    let kind: Kind

    /// The first healthy endpoint in the pool's order: the others are spares.
    public static let priority = FailoverStrategy(kind: .priority)

    /// Each call starts after the endpoint the previous call started with, so healthy endpoints
    /// share the calls evenly.
    public static let roundRobin = FailoverStrategy(kind: .roundRobin)

    /// Keeps the endpoint that last answered until it fails, then the next healthy one in the
    /// pool's order (which is kept in turn): fewer provider switches, warm caches and connections.
    public static let sticky = FailoverStrategy(kind: .sticky)

    /// A healthy endpoint drawn at random, uniformly, with the system's generator.
    public static var random: FailoverStrategy { .random(using: SystemRandomNumberGenerator()) }

    /// A healthy endpoint drawn at random, uniformly, with `generator` (a seeded one makes the
    /// draws repeatable in tests).
    public static func random(using generator: some RandomNumberGenerator & Sendable) -> FailoverStrategy {
        FailoverStrategy(kind: .random(generator))
    }

    public var description: String {
        switch kind {
        case .priority: return "priority"
        case .roundRobin: return "roundRobin"
        case .random: return "random"
        case .sticky: return "sticky"
        }
    }
}
