// Typed reads for hand-written decoders (`JSONReadable`): `null` reads as `nil` and a value of
// another type throws a `JSONShapeError`, as Foundation's `decodeIfPresent` does. Paths are built
// only when something fails, so a successful read allocates nothing for them.

extension JSONReader {
    /// A string, or `nil` for `null`; another type throws a shape error.
    @inlinable
    @_spi(JSONReader) public mutating func decodeString() throws(JSONDecodingError) -> String? {
        switch try nextKind() {
        case .string: return try syntax { reader throws(Failure) in try reader.readString() }
        case .null: return try consumeNull()
        default: throw .expected("a string")
        }
    }

    /// A whole number that fits in `Int` (`3`, or `3.0`, as ``JSONValue/intValue`` reads it), or
    /// `nil` for `null`.
    @inlinable
    @_spi(JSONReader) public mutating func decodeInt() throws(JSONDecodingError) -> Int? {
        try decodeNumber(as: \.intValue, "an integer")
    }

    /// A whole number from 0 to `UInt64.max`, or `nil` for `null`.
    @inlinable
    @_spi(JSONReader) public mutating func decodeUInt64() throws(JSONDecodingError) -> UInt64? {
        try decodeNumber(as: \.uint64Value, "a whole number from 0 to 2^64 - 1")
    }

    /// Any number as a `Double`, or `nil` for `null`.
    @inlinable
    @_spi(JSONReader) public mutating func decodeDouble() throws(JSONDecodingError) -> Double? {
        try decodeNumber(as: \.doubleValue, "a number")
    }

    /// A number converted by `convert` (one of ``JSONValue``'s accessors), or `nil` for `null`.
    @inlinable
    mutating func decodeNumber<Number>(as convert: (JSONValue) -> Number?, _ expected: String) throws(JSONDecodingError) -> Number? {
        switch try nextKind() {
        case .number:
            guard let number = convert(try syntax { reader throws(Failure) in try reader.readNumber() }) else { throw .expected(expected) }
            return number
        case .null: return try consumeNull()
        default: throw .expected(expected)
        }
    }

    /// A Boolean, or `nil` for `null`.
    @_spi(JSONReader) public mutating func decodeBool() throws(JSONDecodingError) -> Bool? {
        switch try nextKind() {
        case .bool: return try syntax { reader throws(Failure) in try reader.readBool() }
        case .null: return try consumeNull()
        default: throw .expected("a Boolean")
        }
    }

    /// Any value as a ``JSONValue``, or `nil` for `null`: for members whose shape varies.
    @_spi(JSONReader) public mutating func decodeValue() throws(JSONDecodingError) -> JSONValue? {
        if try decodeNull() { return nil }
        return try syntax { reader throws(Failure) in try reader.readValue() }
    }

    /// A `Value`, or `nil` for `null`.
    ///
    /// ```swift
    /// case "usage": usage = try reader.decode(TokenUsage.self)
    /// ```
    @inlinable
    @_spi(JSONReader) public mutating func decode<Value: JSONReadable>(_ type: Value.Type) throws(JSONDecodingError) -> Value? {
        if try decodeNull() { return nil }
        return try Value(reading: &self)
    }

    /// An array whose elements `element` reads, or `nil` for `null`; a failing element is reported
    /// under its index.
    ///
    /// ```swift
    /// case "scores": scores = try reader.decodeArray { reader throws(JSONDecodingError) in try reader.decodeDouble() }
    /// ```
    @inlinable
    @_spi(JSONReader) public mutating func decodeArray<Element>(
        _ element: (inout JSONReader) throws(JSONDecodingError) -> Element
    ) throws(JSONDecodingError) -> [Element]? {
        switch try nextKind() {
        case .array: try syntax { reader throws(Failure) in try reader.beginArray() }
        case .null: return try consumeNull()
        default: throw .expected("an array")
        }
        var elements: [Element] = []
        while try syntax({ reader throws(Failure) in try reader.nextElement() }) {
            do {
                elements.append(try element(&self))
            } catch {
                throw error.inside("[\(elements.count)]")
            }
        }
        return elements
    }

    /// An array of `Value`, or `nil` for `null`.
    ///
    /// ```swift
    /// case "choices": choices = try reader.decodeArray(of: Choice.self)
    /// ```
    @inlinable
    @_spi(JSONReader) public mutating func decodeArray<Value: JSONReadable>(of type: Value.Type) throws(JSONDecodingError) -> [Value]? {
        try decodeArray { reader throws(JSONDecodingError) in try Value(reading: &reader) }
    }

    /// Reads an object member by member: `member` reads the value of each member it knows and
    /// returns `true`, or returns `false` and the value is skipped. A failing member is reported
    /// under its name. Another type than an object (`null` included) throws a shape error.
    ///
    /// ```swift
    /// var name: String?, size: Int?
    /// try reader.decodeMembers { reader, key throws(JSONDecodingError) in
    ///     switch key {
    ///     case "name": name = try reader.decodeString()
    ///     case "size": size = try reader.decodeInt()
    ///     default: return false
    ///     }
    ///     return true
    /// }
    /// ```
    @inlinable
    @_spi(JSONReader) public mutating func decodeMembers(_ member: (inout JSONReader, JSONKey) throws(JSONDecodingError) -> Bool) throws(JSONDecodingError) {
        guard try nextKind() == .object else { throw .expected("an object") }
        try syntax { reader throws(Failure) in try reader.beginObject() }
        while let key = try syntax({ reader throws(Failure) in try reader.nextKey() }) {
            do {
                if try !member(&self, key) {
                    try syntax { reader throws(Failure) in try reader.skipValue() }
                }
            } catch {
                throw error.inside(key.string)
            }
        }
    }

    /// `true` when the next value is `null`, which is then consumed; otherwise reads nothing.
    @inlinable
    @_spi(JSONReader) public mutating func decodeNull() throws(JSONDecodingError) -> Bool {
        try syntax { reader throws(Failure) in try reader.readNull() }
    }

    /// Runs a read that throws ``JSONSyntaxError`` (such as ``skipValue()``), its failure
    /// reported as ``JSONDecodingError/syntax(_:)``.
    @inlinable
    @_spi(JSONReader) public mutating func syntax<Result>(_ read: (inout JSONReader) throws(Failure) -> Result) throws(JSONDecodingError) -> Result {
        do {
            return try read(&self)
        } catch {
            throw .syntax(error)
        }
    }

    /// Consumes the `null` at the reader; `nil` as any optional.
    @inlinable
    mutating func consumeNull<Value>() throws(JSONDecodingError) -> Value? {
        _ = try decodeNull()
        return nil
    }

    @inlinable
    mutating func nextKind() throws(JSONDecodingError) -> Kind {
        try syntax { reader throws(Failure) in try reader.peekKind() }
    }
}

extension Optional {
    /// The value of a member that must be there: `nil` (missing or `null`) fails, naming `key`.
    ///
    /// ```swift
    /// self.init(choices: try choices.required("choices", "an array"))
    /// ```
    @_spi(JSONReader) public func required(_ key: String, _ expected: String) throws(JSONDecodingError) -> Wrapped {
        guard let self else { throw .shape(JSONShapeError(path: key, expected: expected)) }
        return self
    }
}
