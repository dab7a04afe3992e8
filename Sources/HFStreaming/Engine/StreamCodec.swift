import Foundation
import HFCore
@_spi(JSONReader) import HFJSON

/// How an ``InferenceStream`` reads its events: one element per event's JSON, the text each adds,
/// and which element ends the answer.
package struct StreamCodec<Element: Sendable>: Sendable {
    /// Decodes one event from its data, refusing an event that reports an error.
    package var decode: @Sendable (UnsafeRawBufferPointer) throws(JSONDecodingError) -> Element
    /// The text an element adds to the answer, if any.
    package var text: @Sendable (Element) -> String?
    /// `true` for an element that closes the answer (a finish reason, final details): the stream
    /// may end after it without `[DONE]`, as older text-generation servers do.
    package var isFinal: @Sendable (Element) -> Bool
    /// The elements standing for a whole, non-streamed reply, from a server that answered a
    /// streaming request with one JSON body.
    package var wholeReply: @Sendable (Data) throws -> [Element]

    package init(
        decode: @escaping @Sendable (UnsafeRawBufferPointer) throws(JSONDecodingError) -> Element,
        text: @escaping @Sendable (Element) -> String?,
        isFinal: @escaping @Sendable (Element) -> Bool,
        wholeReply: @escaping @Sendable (Data) throws -> [Element]
    ) {
        self.decode = decode
        self.text = text
        self.isFinal = isFinal
        self.wholeReply = wholeReply
    }
}
