import HFCore

/// Blocking versions of the client's calls, for command-line tools, scripts and other code that
/// is not `async`: `client.sync`.
///
/// Each call runs the async API on a detached task and waits for it. Waiting is refused — at once,
/// with a ``HFError/Category/validation`` error whose recovery suggestion points to the async API,
/// and before anything is sent — where it could deadlock: inside any Swift concurrency task (its
/// thread belongs to the small cooperative pool the work itself needs) and on the main thread (the
/// main actor's, which anything `@MainActor` in the work waits for). Call it from a thread of your
/// own, a `DispatchQueue`, or an `OperationQueue`.
///
/// ```swift
/// let client = HFClient()
/// let answer = try client.sync.chat("What is deep learning?", model: .llama3_8BInstruct)
///
/// let stream = try client.sync.chatStream("Count to 10", model: .llama3_8BInstruct)
/// while let chunk = try stream.next() { print(chunk.text ?? "", terminator: "") }
/// ```
public struct SyncClient: Sendable {
    /// The client whose async API the blocking calls wait for.
    public let client: HFClient
    /// Whether calls made on the main thread (outside any task) are allowed.
    public let allowsMainThread: Bool

    /// Blocking calls on `client`. Pass `allowsMainThread: true` only from a command-line tool
    /// whose main thread runs no run loop and whose middleware, token provider and logger are not
    /// `@MainActor`: the work then never needs the thread that waits for it.
    ///
    /// ```swift
    /// // main.swift of a command-line tool without `async` code
    /// let sync = SyncClient(client: HFClient(), allowsMainThread: true)
    /// print(try sync.chat("Hello", model: .llama3_8BInstruct))
    /// ```
    public init(client: HFClient, allowsMainThread: Bool = false) {
        self.client = client
        self.allowsMainThread = allowsMainThread
    }

    /// Waits for any async work on the client: the one bridge every blocking call goes through,
    /// for calls this type does not wrap.
    ///
    /// ```swift
    /// let mappings = try client.sync.run("providerMappings") { try await $0.providerMappings(for: .llama3_8BInstruct) }
    /// ```
    public func run<Value: Sendable>(_ operation: String = "run", _ work: @escaping @Sendable (HFClient) async throws -> Value) throws(HFError) -> Value {
        let client = self.client
        return try BlockingBridge.wait(operation, allowsMainThread: allowsMainThread) { try await work(client) }
    }

    /// A blocking iterator over an async sequence the client returned: elements one at a time,
    /// then the error that ended it. Refused here already where its `next()` would be.
    func iterate<Base: AsyncSequence & Sendable>(_ operation: String, _ sequence: Base) throws(HFError) -> BlockingIterator<Base.Element> where Base.Element: Sendable {
        try BlockingContext.check(operation, allowsMainThread: allowsMainThread)
        return BlockingIterator(sequence, operation: operation, allowsMainThread: allowsMainThread)
    }
}

extension HFClient {
    /// Blocking versions of the calls, for code that is not `async`; refused inside a task and on
    /// the main thread (see ``SyncClient``).
    ///
    /// ```swift
    /// let vector = try client.sync.embed("Hello", model: .allMiniLML6v2)
    /// ```
    public var sync: SyncClient { SyncClient(client: self) }
}
