import Foundation
import HFCore

/// A client configuration that can change while the program runs: validated before it takes
/// effect, versioned so a bad change can be rolled back, and watched by whoever needs to know.
///
/// Requests already under way keep the configuration they started with: an ``HFClient``'s
/// configuration never changes, so ``DynamicClient`` hands each call the client of the current
/// version.
///
/// ```swift
/// let store = ConfigurationStore(HFConfiguration())
/// Task { for await version in store.changes() { print("now at version \(version.number)") } }
/// try await store.update(note: "slower backend") { $0.requestTimeout = .seconds(600) }
/// try await store.rollback()                      // back to version 1
/// ```
public actor ConfigurationStore {
    /// One configuration the store has held.
    ///
    /// ```swift
    /// let version = try await store.update(note: "slow backend") { $0.requestTimeout = .seconds(600) }
    /// print(version.number, version.note ?? "")   // 2 slow backend
    /// ```
    public struct Version: Sendable, Identifiable {
        /// 1 for the first, counting up with every change (a rollback is a change too).
        public let number: Int
        /// The configuration itself.
        public let configuration: HFConfiguration
        /// When it took effect.
        public let since: ContinuousClock.Instant
        /// Why it was made, as the caller said.
        public let note: String?

        /// The version's number.
        public var id: Int { number }
    }

    private let validator: (@Sendable (HFConfiguration) throws -> Void)?
    private let historyLimit: Int
    private let clock: any HFClock
    private var history: [Version]
    private let watchers: Broadcast<Version>

    /// - Parameters:
    ///   - initial: version 1; it is validated like every later one.
    ///   - history: how many versions are kept for ``rollback(to:)`` (at least 2).
    ///   - validate: your own checks, run after the built-in ones; throw to refuse a change.
    public init(
        _ initial: HFConfiguration, history: Int = 20, clock: any HFClock = .system,
        validate: (@Sendable (HFConfiguration) throws -> Void)? = nil
    ) throws(HFError) {
        validator = validate
        historyLimit = max(2, history)
        self.clock = clock
        watchers = Broadcast(buffer: historyLimit)
        try Self.check(initial, validator: validate)
        self.history = [Version(number: 1, configuration: initial, since: clock.now, note: "initial")]
    }

    /// The configuration in effect.
    public var current: Version {
        history[history.count - 1]
    }

    /// The versions kept, oldest first.
    public var versions: [Version] {
        history
    }

    /// Applies `change` to a copy of the current configuration and makes it current, if it
    /// passes validation; otherwise nothing changes and the error says why.
    @discardableResult
    public func update(note: String? = nil, _ change: (inout HFConfiguration) throws -> Void) throws(HFError) -> Version {
        var configuration = current.configuration
        do {
            try change(&configuration)
        } catch {
            throw Self.refused("the change failed: \(error)")
        }
        return try install(configuration, note: note)
    }

    /// Makes `configuration` current, if it passes validation.
    @discardableResult
    public func replace(with configuration: HFConfiguration, note: String? = nil) throws(HFError) -> Version {
        try install(configuration, note: note)
    }

    /// Makes version `number` current again, as a new version; `nil` for the one before the
    /// current one.
    @discardableResult
    public func rollback(to number: Int? = nil) throws(HFError) -> Version {
        let target = number ?? (history.count >= 2 ? history[history.count - 2].number : 0)
        guard let version = history.first(where: { $0.number == target }) else {
            throw .validation(field: "version", "version \(target) is not among those kept (\(history.map(\.number)))")
        }
        return try install(version.configuration, note: "rollback to version \(target)")
    }

    /// Every version that becomes current from now on, in order (a slow reader keeps the newest
    /// `history` of them); it ends when the store is released.
    public nonisolated func changes() -> AsyncStream<Version> {
        watchers.subscribe()
    }

    private func install(_ configuration: HFConfiguration, note: String?) throws(HFError) -> Version {
        try Self.check(configuration, validator: validator)
        let version = Version(number: current.number + 1, configuration: configuration, since: clock.now, note: note)
        history.append(version)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        watchers.yield(version)
        return version
    }

    /// The checks every version passes: URLs that can be called, positive limits, headers that
    /// can be sent, then the caller's own.
    private static func check(_ configuration: HFConfiguration, validator: (@Sendable (HFConfiguration) throws -> Void)?) throws(HFError) {
        let urls = [("routerBaseURL", configuration.routerBaseURL), ("hubBaseURL", configuration.hubBaseURL)]
            + configuration.providerBaseURLs.map { ("providerBaseURLs[\($0.key)]", $0.value) }
        for (field, url) in urls {
            guard let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
                throw .validation(field: field, "\(url.absoluteString.prefix(120)) is not an http(s) URL with a host")
            }
        }
        for (field, duration) in [("requestTimeout", configuration.requestTimeout), ("streamIdleTimeout", configuration.streamIdleTimeout)] where duration <= .zero {
            throw .validation(field: field, "must be longer than zero")
        }
        guard configuration.providerMappingTimeToLive >= .zero else {
            throw .validation(field: "providerMappingTimeToLive", "must not be negative")
        }
        for (field, size) in [("maximumResponseSize", configuration.maximumResponseSize), ("maximumUploadSize", configuration.maximumUploadSize)] where size <= 0 {
            throw .validation(field: field, "must be at least 1 byte")
        }
        if let (field, _) = configuration.invalidCountLimit {
            throw .validation(field: field, "must be at least 1")
        }
        if let (name, reason) = configuration.extraHeaders.firstInvalidField() {
            throw .validation(field: "extraHeaders", "the header \"\(name.prefix(64))\" \(reason)")
        }
        for (field, value) in [("userAgent", configuration.userAgent), ("billTo", configuration.billTo ?? "")] {
            if let (_, reason) = HTTPHeaders([(field, value)]).firstInvalidField() {
                throw .validation(field: field, reason)
            }
        }
        do {
            try validator?(configuration)
        } catch let error as HFError {
            throw error
        } catch {
            throw refused("\(error)")
        }
    }

    private static func refused(_ reason: String) -> HFError {
        HFError(category: .validation, message: "The configuration change was refused: \(reason)", recoverySuggestion: "Fix the change; the configuration in effect is unchanged.")
    }
}
