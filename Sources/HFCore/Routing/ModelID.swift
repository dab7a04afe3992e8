import Foundation

/// A model id as the router and the Hub read it: `namespace/name`, optionally with a suffix that
/// pins a provider (`:together`) or picks a routing policy (`:fastest`, `:cheapest`, `:preferred`).
///
/// String literals are accepted as they are and checked when a call uses them, so a malformed id
/// fails with a ``HFError/Category/validation`` error before anything is sent.
///
/// ```swift
/// let model: ModelID = "meta-llama/Llama-3.1-8B-Instruct:cerebras"
/// model.repository   // "meta-llama/Llama-3.1-8B-Instruct"
/// model.provider     // .cerebras
/// ```
public struct ModelID: OpenStringValue {
    /// The id as written, suffix included.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A model id for `repository`, pinned to `provider`.
    public init(_ repository: String, provider: Provider) {
        self.init(rawValue: "\(repository):\(provider.rawValue)")
    }

    /// A model id for `repository`, routed by `policy`.
    public init(_ repository: String, policy: RoutingPolicy) {
        self.init(rawValue: "\(repository):\(policy.rawValue)")
    }

    /// Parses and checks `text`, throwing a validation error naming what is wrong.
    public init(validating text: String) throws(HFError) {
        self.init(rawValue: text)
        try validate()
    }

    /// The Hub repository id, without the suffix.
    public var repository: String {
        guard let colon = rawValue.lastIndex(of: ":") else { return rawValue }
        return String(rawValue[..<colon])
    }

    /// The text after `:`, if any.
    public var suffix: String? {
        guard let colon = rawValue.lastIndex(of: ":") else { return nil }
        return String(rawValue[rawValue.index(after: colon)...])
    }

    /// The provider the suffix pins, if it names one rather than a policy.
    public var provider: Provider? {
        guard let suffix, RoutingPolicy(rawValue: suffix).isKnownPolicy == false else { return nil }
        return Provider(rawValue: suffix)
    }

    /// The routing policy the suffix names, if any.
    public var policy: RoutingPolicy? {
        guard let suffix else { return nil }
        let policy = RoutingPolicy(rawValue: suffix)
        return policy.isKnownPolicy ? policy : nil
    }

    /// The same repository pinned to `provider`, replacing any suffix.
    public func routed(to provider: Provider) -> ModelID {
        ModelID(repository, provider: provider)
    }

    /// The same repository with routing policy `policy`, replacing any suffix.
    public func routed(by policy: RoutingPolicy) -> ModelID {
        ModelID(repository, policy: policy)
    }

    /// The same repository without a suffix.
    public var withoutSuffix: ModelID {
        ModelID(rawValue: repository)
    }

    /// Checks the id's form: one or more `/`-separated segments of letters, digits, `-`, `_` and
    /// `.` (not `.` or `..` alone), at most 256 characters, and an optional suffix of lower-case
    /// letters, digits and `-`. URLs are refused: set a base URL in the configuration instead.
    public func validate(field: String = "model") throws(HFError) {
        if rawValue.isEmpty {
            throw .validation(field: field, "the model id is empty; pass an id like \"meta-llama/Llama-3.1-8B-Instruct\"")
        }
        if rawValue.hasPrefix("http://") || rawValue.hasPrefix("https://") {
            throw .validation(field: field, "\"\(rawValue)\" is a URL, not a model id; to call your own endpoint, set a provider or router base URL in HFConfiguration and pass the model name")
        }
        if rawValue.count > 256 {
            throw .validation(field: field, "the model id is \(rawValue.count) characters long; at most 256 are allowed")
        }
        if rawValue.filter({ $0 == ":" }).count > 1 {
            throw .validation(field: field, "\"\(rawValue)\" has more than one ':'; use \"namespace/name\" or \"namespace/name:provider\"")
        }
        let segments = repository.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty {
                throw .validation(field: field, "\"\(rawValue)\" has an empty path segment; use \"namespace/name\"")
            }
            if segment == "." || segment == ".." {
                throw .validation(field: field, "\"\(rawValue)\" has a '\(segment)' segment")
            }
            if let bad = segment.first(where: { !Self.isRepositoryCharacter($0) }) {
                throw .validation(field: field, "\"\(rawValue)\" contains '\(bad)'; model ids use letters, digits, '-', '_', '.' and '/'")
            }
        }
        if let suffix {
            if suffix.isEmpty {
                throw .validation(field: field, "\"\(rawValue)\" ends with ':' but names no provider or policy (\"fastest\", \"cheapest\", \"preferred\")")
            }
            if let bad = suffix.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-")) }) {
                throw .validation(field: field, "the suffix \":\(suffix)\" contains '\(bad)'; providers and policies are lower-case names such as \"together\" or \"fastest\"")
            }
        }
    }

    private static func isRepositoryCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_" || character == ".")
    }
}

extension RoutingPolicy {
    var isKnownPolicy: Bool { RoutingPolicy.all.contains(self) }
}
