/// HTTP header fields in order, with case-insensitive names.
///
/// `Authorization` is deliberately not stored here for requests: see ``HTTPRequest/authorization``.
///
/// ```swift
/// var headers: HTTPHeaders = ["Accept": "application/json"]
/// headers["x-trace"] = "42"
/// print(headers["X-Trace"] ?? "")   // "42": names are case-insensitive
/// ```
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One header line.
    public struct Field: Sendable, Hashable {
        /// The header's name, as written.
        public var name: String
        /// The header's value.
        public var value: String

        /// Creates a field: `HTTPHeaders.Field(name: "Accept", value: "text/event-stream")`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// No headers.
    public init() {
        fields = []
    }

    /// Headers from name-value pairs, in order.
    ///
    /// ```swift
    /// let headers = HTTPHeaders([("Accept", "application/json"), ("X-Trace", "42")])
    /// ```
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

    /// How many fields there are, repeated names counted each time.
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// One `name: value` per line; values of credential-bearing headers are redacted.
    public var description: String {
        fields.map { "\($0.name): \(Self.isSensitive($0.name) ? Secret.redactedPlaceholder : $0.value)" }
            .joined(separator: "\n")
    }

    /// The first field that cannot go on the wire as it is, with the reason: a name that is not an
    /// RFC 9110 token, or a value with a line break, NUL or other control character, which would
    /// let the value end the header and start another (header injection).
    package func firstInvalidField() -> (name: String, reason: String)? {
        for field in fields {
            if field.name.isEmpty || !field.name.utf8.allSatisfy(Self.isTokenByte) {
                return (field.name, "is not a valid header name")
            }
            if let bad = field.value.utf8.first(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                return (field.name, "has a control character (0x\(String(bad, radix: 16))) in its value; line breaks would let it inject header lines")
            }
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Headers whose values are credentials and must never be printed.
    package static func isSensitive(_ name: String) -> Bool {
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
