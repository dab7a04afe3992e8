/// A JSON object that remembers the order of its keys.
///
/// Lookups scan linearly: the objects on this wire have a handful of keys, where a scan beats
/// hashing. Setting an existing key replaces its value in place; a new key goes to the end.
///
/// ```swift
/// var object: JSONObject = ["model": "gpt2", "stream": false]
/// object["max_tokens"] = 20   // appended after "stream"
/// print(object.keys)           // ["model", "stream", "max_tokens"]
/// ```
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    private var keyStorage: [String]
    private var valueStorage: [JSONValue]

    /// An empty object.
    public init() {
        keyStorage = []
        valueStorage = []
    }

    /// An object with these members, in this order; a repeated key keeps its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// An object of `keys` (no two alike) and their `values`, in order.
    init(uniqueKeys keys: [String], values: [JSONValue]) {
        keyStorage = keys
        valueStorage = values
    }

    /// The keys, in order.
    public var keys: [String] { keyStorage }

    /// The number of members.
    public var count: Int { keyStorage.count }

    /// `true` when the object has no members.
    public var isEmpty: Bool { keyStorage.isEmpty }

    /// The value for `key`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = keyStorage.firstIndex(of: key) else { return nil }
            return valueStorage[index]
        }
        set {
            if let index = keyStorage.firstIndex(of: key) {
                if let newValue {
                    valueStorage[index] = newValue
                } else {
                    keyStorage.remove(at: index)
                    valueStorage.remove(at: index)
                }
            } else if let newValue {
                keyStorage.append(key)
                valueStorage.append(newValue)
            }
        }
    }

    public func makeIterator() -> some IteratorProtocol<Element> {
        zip(keyStorage, valueStorage).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object with these members, in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
