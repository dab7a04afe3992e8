import Foundation

/// Decodes `Decodable` values from JSON read by the package's one tokenizer: the bytes are parsed
/// into a ``JSONValue`` (keys in order) and the value is decoded from that tree, with no second
/// parse and no `JSONDecoder`. The counterpart of ``JSONValueEncoder``, for replies that are not
/// hot enough to deserve a hand-written ``JSONReadable`` reader.
///
/// The rules are `JSONDecoder`'s: a missing member or `null` decodes as `nil` for optionals, a
/// whole number written with a zero fraction (`3.0`) decodes as an integer, `Data` is base64 and
/// `URL` a string, except one: a `Float` is the parsed `Double` narrowed (rounded twice, where
/// `JSONDecoder` rounds the text once; the embeddings decoder reads floats exactly). Failures are
/// `DecodingError`s with the coding path.
///
/// ```swift
/// let scores = try JSONValueDecoder().decode([Double].self, from: JSONParser.parse(response.body))
/// ```
package struct JSONValueDecoder: Sendable {
    package init() {}

    /// Decodes `type` from a value parsed by `JSONParser`.
    package func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try TreeDecoder(value: value, codingPath: []).decodeValue(type)
    }
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([JSONValue].self) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    /// `type` from this value: a leaf read directly, anything else through its own `init(from:)`.
    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if let leaf = try leaf(type) { return leaf }
        return try Value(from: self)
    }

    private func leaf<Value: Decodable>(_ type: Value.Type) throws -> Value? {
        switch type {
        case is String.Type: return try string() as? Value
        case is Bool.Type: return try bool() as? Value
        case let integerType as any FixedWidthInteger.Type: return try integer(integerType) as? Value
        case let floatingType as any BinaryFloatingPoint.Type: return try floating(floatingType) as? Value
        case is JSONValue.Type: return value as? Value
        case is URL.Type:
            guard let url = URL(string: try string()) else { throw corrupted("not a valid URL") }
            return url as? Value
        case is Data.Type:
            guard let data = Data(base64Encoded: try string()) else { throw corrupted("not valid base64") }
            return data as? Value
        default: return nil
        }
    }

    func string() throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self) }
        return string
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self) }
        return flag
    }

    func number() throws -> Double {
        guard let number = value.doubleValue else { throw mismatch(Double.self) }
        return number
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        let exact: Integer?
        switch value {
        case .integer(let integer): exact = Integer(exactly: integer)
        case .unsigned(let integer): exact = Integer(exactly: integer)
        case .double(let double): exact = Integer(exactly: double)
        default: throw mismatch(type)
        }
        guard let exact else { throw corrupted("the number \(value) does not fit in \(Integer.self)") }
        return exact
    }

    /// Any floating-point type, from the number read as a `Double`; one that does not fit is refused.
    func floating<Floating: BinaryFloatingPoint>(_ type: Floating.Type) throws -> Floating {
        let value = Floating(try number())
        guard value.isFinite else { throw corrupted("the number \(self.value) does not fit in \(Floating.self)") }
        return value
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        if case .null = value {
            return .valueNotFound(expected, DecodingError.Context(codingPath: codingPath, debugDescription: "found null"))
        }
        return .typeMismatch(expected, DecodingError.Context(codingPath: codingPath, debugDescription: "found \(value.kindName)"))
    }

    func corrupted(_ reason: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: reason))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool {
        object[key.stringValue] != nil
    }

    private func member(_ key: Key) throws -> TreeDecoder {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return TreeDecoder(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try member(key).value.isNull
    }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try member(key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: object["super"] ?? .null, codingPath: codingPath + [AnyCodingKey("super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next(_ expected: Any.Type) throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(expected, DecodingError.Context(codingPath: codingPath + [AnyCodingKey(index: currentIndex)], debugDescription: "the array has only \(elements.count) elements"))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(value: elements[currentIndex], codingPath: codingPath + [AnyCodingKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next(type).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: JSONValue].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([JSONValue].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try next(JSONValue.self)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        decoder.value.isNull
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try decoder.decodeValue(type)
    }
}

extension JSONValue {
    /// The kind of value, for messages: "a string", "an object", …
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a Boolean"
        case .integer, .unsigned, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
