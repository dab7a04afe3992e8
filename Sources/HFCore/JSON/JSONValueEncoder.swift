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
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// Encodes `value` to a ``JSONValue`` tree.
    public func encodeToValue(_ value: some Encodable) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let root = EncodingNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return try root.value(codingPath: [])
    }

    /// Encodes `value` to compact JSON bytes.
    public func encode(_ value: some Encodable) throws -> Data {
        JSONWriter.write(try encodeToValue(value))
    }
}

/// One value under construction. A class so that containers handed out earlier can keep adding to it.
private final class EncodingNode {
    enum Content {
        case unset
        case value(JSONValue)
        case array([EncodingNode])
        case object(keys: [String], nodes: [EncodingNode])
    }

    var content: Content = .unset

    func value(codingPath: [any CodingKey]) throws -> JSONValue {
        switch content {
        case .unset:
            // A value that opened no container, e.g. an empty custom `encode(to:)`; JSONEncoder writes {}.
            return .object(JSONObject())
        case .value(let value):
            return value
        case .array(let nodes):
            return .array(try nodes.map { try $0.value(codingPath: codingPath) })
        case .object(let keys, let nodes):
            var object = JSONObject()
            for (key, node) in zip(keys, nodes) {
                object[key] = try node.value(codingPath: codingPath)
            }
            return .object(object)
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object(keys: [], nodes: [])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func child(forKey key: String) -> EncodingNode {
        makeObject()
        guard case .object(var keys, var nodes) = content else { preconditionFailure("object expected") }
        if let index = keys.firstIndex(of: key) { return nodes[index] }
        let node = EncodingNode()
        keys.append(key)
        nodes.append(node)
        content = .object(keys: keys, nodes: nodes)
        return node
    }

    func appendChild() -> EncodingNode {
        makeArray()
        guard case .array(var nodes) = content else { preconditionFailure("array expected") }
        let node = EncodingNode()
        nodes.append(node)
        content = .array(nodes)
        return node
    }

    var count: Int {
        switch content {
        case .array(let nodes): return nodes.count
        case .object(let keys, _): return keys.count
        default: return 0
        }
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
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
    static func encode(_ value: some Encodable, into node: EncodingNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let json as JSONValue: node.content = .value(json)
        case let string as String: node.content = .value(.string(string))
        case let flag as Bool: node.content = .value(.bool(flag))
        case let double as Double: node.content = .value(try number(double, codingPath: codingPath))
        case let float as Float:
            // Through the shortest decimal text, so 0.1 as Float is written "0.1", as JSONEncoder does.
            node.content = .value(try number(Double(float.description) ?? Double(float), codingPath: codingPath))
        case let integer as any BinaryInteger:
            if let signed = Int64(exactly: integer) {
                node.content = .value(.integer(signed))
            } else if let unsigned = UInt64(exactly: integer) {
                node.content = .value(.unsigned(unsigned))
            } else {
                throw EncodingError.invalidValue(
                    integer, EncodingError.Context(codingPath: codingPath, debugDescription: "\(integer) does not fit in 64 bits")
                )
            }
        case let floating as any BinaryFloatingPoint:
            node.content = .value(try number(Double(floating), codingPath: codingPath))
        case let decimal as Decimal:
            node.content = .value(try number(NSDecimalNumber(decimal: decimal).doubleValue, codingPath: codingPath))
        case let url as URL: node.content = .value(.string(url.absoluteString))
        case let data as Data: node.content = .value(.string(data.base64EncodedString()))
        default:
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
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
        node.child(forKey: key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Leaf.encode(value, into: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
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
        node.appendChild().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try Leaf.encode(value, into: node.appendChild(), codingPath: codingPath + [IndexKey(index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        let child = node.appendChild()
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [IndexKey(index)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        let child = node.appendChild()
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [IndexKey(index)])
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
        try Leaf.encode(value, into: node, codingPath: codingPath)
    }
}
