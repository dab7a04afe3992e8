import Foundation

/// Encodes `Encodable` values to JSON with keys in the order the value encodes them.
///
/// Foundation's `JSONEncoder` on Linux writes keys in hash order, which changes from run to run.
/// Request types here declare `model` first so it leads the body, as the router expects (it picks a
/// provider from the first bytes of a body that may carry megabytes of base64 images). `nil`
/// optionals are omitted, as synthesized `Encodable` conformances do with `encodeIfPresent`.
///
/// ```swift
/// let body = try JSONValueEncoder().encode(request)   // Data, `model` first
/// ```
package struct JSONValueEncoder: Sendable {
    package init() {}

    /// Encodes `value` to a ``JSONValue`` tree.
    package func encodeToValue(_ value: some Encodable) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let root = EncodingNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.value
    }

    /// Encodes `value` to compact JSON bytes; a NaN or infinity anywhere, even inside a
    /// ``JSONValue``, fails, as JSON cannot carry it.
    package func encode(_ value: some Encodable) throws -> Data {
        try JSONWriter.write(try encodeToValue(value))
    }
}

/// One value under construction. A class so that containers handed out earlier can keep adding to
/// it. Primitive members and elements are stored as values; only nested containers and other
/// `Encodable` values get a node of their own.
private final class EncodingNode {
    enum Content {
        case unset
        case value(JSONValue)
        case array
        case object
    }

    enum Slot {
        case value(JSONValue)
        case node(EncodingNode)
    }

    var content: Content = .unset
    /// The member names of an object, in order; `slots` holds their values.
    var keys: [String] = []
    /// An array's elements, or an object's member values.
    var slots: [Slot] = []

    var value: JSONValue {
        switch content {
        case .unset:
            // A value that opened no container, e.g. an empty custom `encode(to:)`; JSONEncoder writes {}.
            return .object(JSONObject())
        case .value(let value):
            return value
        case .array:
            return .array(slots.map(\.value))
        case .object:
            return .object(JSONObject(uniqueKeys: keys, values: slots.map(\.value)))
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object
        keys.removeAll()
        slots.removeAll()
    }

    func makeArray() {
        if case .array = content { return }
        content = .array
        keys.removeAll()
        slots.removeAll()
    }

    /// Sets member `key`; a key set again keeps its place and takes the new value.
    func set(_ slot: Slot, forKey key: String) {
        makeObject()
        if let index = keys.firstIndex(of: key) {
            slots[index] = slot
        } else {
            keys.append(key)
            slots.append(slot)
        }
    }

    /// The node of member `key`, made if the member is new or holds a plain value.
    func child(forKey key: String) -> EncodingNode {
        makeObject()
        if let index = keys.firstIndex(of: key) {
            if case .node(let node) = slots[index] { return node }
            let node = EncodingNode()
            slots[index] = .node(node)
            return node
        }
        let node = EncodingNode()
        keys.append(key)
        slots.append(.node(node))
        return node
    }

    func append(_ slot: Slot) {
        makeArray()
        slots.append(slot)
    }

    func appendChild() -> EncodingNode {
        let node = EncodingNode()
        append(.node(node))
        return node
    }

    var count: Int {
        switch content {
        case .array, .object: return slots.count
        default: return 0
        }
    }
}

extension EncodingNode.Slot {
    var value: JSONValue {
        switch self {
        case .value(let value): return value
        case .node(let node): return node.value
        }
    }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

/// Turns leaf values into JSON, the same way for every container kind.
private enum Leaf {
    /// The JSON of `value` when it is written without a container of its own: strings, the
    /// common numbers, Booleans, ``JSONValue``, `Decimal`, `URL` and `Data`; `nil` for any other
    /// type. Recognised by type identity, a comparison of type metadata, with no runtime cast:
    /// a struct such as a message goes on to encode itself at no cost.
    static func json<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONValue? {
        if let string = identical(value, as: String.self) { return .string(string) }
        if let integer = identical(value, as: Int.self) { return .integer(Int64(integer)) }
        if let double = identical(value, as: Double.self) { return try number(double, codingPath: codingPath()) }
        if let flag = identical(value, as: Bool.self) { return .bool(flag) }
        if let json = identical(value, as: JSONValue.self) { return json }
        if let float = identical(value, as: Float.self) {
            // Through the shortest decimal text, so 0.1 as Float is written "0.1", as JSONEncoder does.
            return try number(Double(float.description) ?? Double(float), codingPath: codingPath())
        }
        if let decimal = identical(value, as: Decimal.self) {
            return try number(NSDecimalNumber(decimal: decimal).doubleValue, codingPath: codingPath())
        }
        if let url = identical(value, as: URL.self) { return .string(url.absoluteString) }
        if let data = identical(value, as: Data.self) { return .string(data.base64EncodedString()) }
        return nil
    }

    /// Any other integer or floating-point type (`Int8`, `UInt64`, `Float16`…): these reach a
    /// single-value container from their own `encode(to:)`.
    static func otherNumber<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue? {
        switch value {
        case let integer as any BinaryInteger:
            if let signed = Int64(exactly: integer) { return .integer(signed) }
            if let unsigned = UInt64(exactly: integer) { return .unsigned(unsigned) }
            throw EncodingError.invalidValue(
                integer, EncodingError.Context(codingPath: codingPath, debugDescription: "\(integer) does not fit in 64 bits")
            )
        case let floating as any BinaryFloatingPoint:
            return try number(Double(floating), codingPath: codingPath)
        default:
            return nil
        }
    }

    /// `value` as a `U`, when `T` is `U`.
    private static func identical<T, U>(_ value: T, as type: U.Type) -> U? {
        T.self == U.self ? unsafeBitCast(value, to: U.self) : nil
    }

    /// `value` as a member or element: its JSON, or a node it encodes itself into.
    static func slot<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> EncodingNode.Slot {
        if let json = try json(value, codingPath: codingPath()) { return .value(json) }
        let node = EncodingNode()
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath()))
        return .node(node)
    }

    static func number(_ double: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard double.isFinite else {
            throw EncodingError.invalidValue(
                double,
                EncodingError.Context(codingPath: codingPath, debugDescription: "JSON cannot carry \(double)")
            )
        }
        return .double(double)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.set(.value(.null), forKey: key.stringValue)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(try Leaf.slot(value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws {
        node.append(.value(.null))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        node.append(try Leaf.slot(value, codingPath: codingPath + [AnyCodingKey(index: index)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        let child = node.appendChild()
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [AnyCodingKey(index: index)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        let child = node.appendChild()
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [AnyCodingKey(index: index)])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let json = try Leaf.json(value, codingPath: codingPath) ?? Leaf.otherNumber(value, codingPath: codingPath) {
            node.content = .value(json)
        } else {
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
    }
}
