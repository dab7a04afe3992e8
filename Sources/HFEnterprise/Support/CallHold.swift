/// The primitives a call holds on the current task (a breaker's permit, a limiter's tokens), so
/// the operations the call starts inside itself (the Hub look-up of a provider's model id) pass
/// through them rather than being counted, or charged, a second time.
enum CallHold {
    @TaskLocal private static var held: Set<ObjectIdentifier> = []

    /// `true` when the current task's call already holds `owner`.
    static func isHeld(_ owner: AnyObject) -> Bool {
        held.contains(ObjectIdentifier(owner))
    }

    /// Runs `body` holding `owner`.
    static func holding<Result>(_ owner: AnyObject, _ body: () async throws -> Result) async rethrows -> Result {
        try await $held.withValue(held.union([ObjectIdentifier(owner)])) { try await body() }
    }
}
