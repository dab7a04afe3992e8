/// One response the server can give, as listed by ``ReplayServer/rules``.
public struct ReplayRule: Sendable {
    /// Position in ``ReplayServer/rules``; what ``ReplayServer/serve(_:at:plan:)`` returned.
    public let index: Int
    /// The requests this rule answers (ignored in ``MatchingMode/inOrder``).
    public let route: Route
    /// The recorded exchange whose response is served.
    public let interaction: RecordedInteraction
    /// This rule's plan, or `nil` to use ``ReplayServer/defaultPlan``.
    public let plan: ResponsePlan?
    /// How many requests this rule has answered.
    public let timesServed: Int
}
