/// The model of a call, in each form an adapter may need.
package struct TaskModel: Sendable, Hashable {
    /// The id as the caller wrote it, suffix included (the router's chat route takes it so).
    package var asGiven: String
    /// The Hub repository id, without suffix.
    package var hubID: String
    /// The id the provider knows the model by: the Hub mapping's `providerId`, the Hub id for
    /// hf-inference, or the name given to a server of the caller's.
    package var providerID: String

    package init(asGiven: String, hubID: String, providerID: String) {
        self.asGiven = asGiven
        self.hubID = hubID
        self.providerID = providerID
    }
}
