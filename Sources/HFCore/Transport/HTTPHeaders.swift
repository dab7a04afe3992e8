/// HTTP header fields in order, with case-insensitive names.
///
/// `Authorization` is deliberately not stored here for requests: see ``HTTPRequest/authorization``.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One header line.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    public init() {
        fields = []
    }

    public init(_ fields: some Sequence<(String, String)>) {
        self.fields = fields.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value for `name`, compared case-insensitively. Setting replaces every value for
    /// `name` with one (or removes them all when `nil`).
    public subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            guard let newValue else {
                fields.removeAll { Self.same($0.name, name) }
                return
            }
            guard let index = fields.firstIndex(where: { Self.same($0.name, name) }) else {
                fields.append(Field(name: name, value: newValue))
                return
            }
            fields[index].value = newValue
            fields = fields.enumerated().filter { $0.offset <= index || !Self.same($0.element.name, name) }.map(\.element)
        }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    /// Adds a field, keeping any existing ones with the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// `true` when a field named `name` exists.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.same($0.name, name) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// One `name: value` per line; values of credential-bearing headers are redacted.
    public var description: String {
        fields.map { "\($0.name): \(Self.isSensitive($0.name) ? Secret.redactedPlaceholder : $0.value)" }
            .joined(separator: "\n")
    }

    /// Headers whose values are credentials and must never be printed.
    static func isSensitive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "authorization" || lowered == "proxy-authorization" || lowered == "cookie"
            || lowered == "set-cookie" || lowered == "x-api-key"
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.lowercased() == rhs.lowercased()
    }
}

extension HTTPHeaders: CustomReflectable {
    /// `dump` and debuggers see the redacted form.
    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: description.split(separator: "\n").map(String.init), displayStyle: .collection)
    }
}
