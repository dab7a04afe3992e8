/// What happened inside one attempt of a call, told to the operation-level middleware that wraps
/// it: whether the answer came from the response cache (no service was asked), and whether a
/// dependency failed (the Hub look-up of the provider's model id) rather than the service itself.
///
/// Each middleware that needs to know binds a fresh trace around its `next` (one per attempt);
/// a mark reaches that trace and every trace bound outside it, so middleware in any order sees it.
final class OperationTrace: Sendable {
    @TaskLocal static var current: OperationTrace?

    private struct Marks {
        var servedFromCache = false
        var dependencyFailed = false
    }

    private let parent: OperationTrace?
    private let marks = LockedState(Marks())

    private init(parent: OperationTrace?) {
        self.parent = parent
    }

    /// Runs `body` with a fresh trace bound, and hands it the trace to read afterwards.
    static func tracing<Result>(_ body: (OperationTrace) async throws -> Result) async rethrows -> Result {
        let trace = OperationTrace(parent: current)
        return try await $current.withValue(trace) { try await body(trace) }
    }

    /// `true` when the answer came from the cache.
    var servedFromCache: Bool { marks.withLock { $0.servedFromCache } }

    /// `true` when a dependency of the call failed, not the service it called.
    var dependencyFailed: Bool { marks.withLock { $0.dependencyFailed } }

    /// Marks the current traces: the answer came from the cache.
    static func markServedFromCache() {
        var trace = current
        while let marked = trace {
            marked.marks.withLock { $0.servedFromCache = true }
            trace = marked.parent
        }
    }

    /// Passes a nested operation on, marking the current traces when it is a Hub look-up that
    /// failed: the call's dependency failed, not the provider.
    static func passDependency<Result: Sendable>(
        _ context: HFRequestContext, _ next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        do {
            return try await next(context)
        } catch {
            if context.operation == .providerMapping {
                var trace = current
                while let marked = trace {
                    marked.marks.withLock { $0.dependencyFailed = true }
                    trace = marked.parent
                }
            }
            throw error
        }
    }
}
