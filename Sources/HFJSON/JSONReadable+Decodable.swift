extension JSONReadable {
    /// Decodes the value from any `Decoder` through the type's own reader, so a type read by hand
    /// is described once: its `Decodable` conformance is `try self.init(bridging: decoder)`. The
    /// value is taken from the decoder as JSON, written out and read back; for decoders other than
    /// the package's own, such as a caller's `JSONDecoder` reading a stored reply.
    package init(bridging decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            self = try Self(json: JSONWriter.write(value))
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)", underlyingError: error))
        }
    }
}
