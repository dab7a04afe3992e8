import HFCore

/// A JSON value that does not have the shape a type expects, with the path to it.
package struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var expected: String

    package init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }

    /// The same error seen from the enclosing value, whose member `component` held it.
    func inside(_ component: String) -> JSONShapeError {
        let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
        return JSONShapeError(path: component + separator + path, expected: expected)
    }

    package var description: String { "expected \(expected) at \(path.isEmpty ? "the top level" : path)" }
}

/// Typed reads from a JSON object for hand-written decoders: a missing key and `null` read as
/// `nil`, a value of another type throws, as Foundation's `decodeIfPresent` does. Paths are built
/// only when something fails, so a successful read allocates nothing for them.
package struct JSONFields {
    package let object: JSONObject

    package init(_ value: JSONValue) throws(JSONShapeError) {
        guard case .object(let object) = value else { throw JSONShapeError(path: "", expected: "an object") }
        self.object = object
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    package func string(_ key: String) throws(JSONShapeError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw JSONShapeError(path: key, expected: "a string") }
        return text
    }

    package func int(_ key: String) throws(JSONShapeError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let number = value.intValue else { throw JSONShapeError(path: key, expected: "an integer") }
        return number
    }

    package func uint64(_ key: String) throws(JSONShapeError) -> UInt64? {
        guard let value = present(key) else { return nil }
        guard let number = value.uint64Value else { throw JSONShapeError(path: key, expected: "a whole number from 0 to 2^64 - 1") }
        return number
    }

    package func double(_ key: String) throws(JSONShapeError) -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = value.doubleValue else { throw JSONShapeError(path: key, expected: "a number") }
        return number
    }

    package func bool(_ key: String) throws(JSONShapeError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw JSONShapeError(path: key, expected: "a Boolean") }
        return flag
    }

    /// Any value; `null` and absence read as `nil`.
    package func value(_ key: String) -> JSONValue? {
        present(key)
    }

    /// The value `key` read by `read`, failures reported under `key`.
    package func nested<Value>(_ key: String, _ read: (JSONValue) throws(JSONShapeError) -> Value) throws(JSONShapeError) -> Value? {
        guard let value = present(key) else { return nil }
        do {
            return try read(value)
        } catch {
            throw error.inside(key)
        }
    }

    /// The array `key`, each element read by `read`.
    package func array<Element>(_ key: String, _ read: (JSONValue) throws(JSONShapeError) -> Element) throws(JSONShapeError) -> [Element]? {
        guard let value = present(key) else { return nil }
        guard case .array(let items) = value else { throw JSONShapeError(path: key, expected: "an array") }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for index in items.indices {
            do {
                result.append(try read(items[index]))
            } catch {
                throw error.inside("[\(index)]").inside(key)
            }
        }
        return result
    }
}
