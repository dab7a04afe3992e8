import Foundation

/// Everything this package knows about how one provider serves tasks: its own API host, for
/// direct calls with the provider's key, and one ``TaskAdapter`` per task it serves.
package struct ProviderAdapters: Sendable {
    package let provider: Provider
    /// The provider's own API host; `nil` when calls always go through the router.
    package let directBaseURL: URL?
    package let adapters: [InferenceTask: TaskAdapter]

    package init(_ provider: Provider, directBaseURL: String?, _ adapters: [TaskAdapter]) {
        self.provider = provider
        self.directBaseURL = directBaseURL.flatMap(URL.init(string:))
        self.adapters = Dictionary(adapters.map { ($0.task, $0) }) { first, _ in first }
    }
}
