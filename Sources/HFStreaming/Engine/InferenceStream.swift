import Foundation
import HFCore
@_spi(JSONReader) import HFJSON

/// A streamed reply: an `AsyncSequence` of typed events, read from Server-Sent Events as the bytes
/// arrive.
///
/// The request is sent when iteration starts. Every event that arrived is delivered before any
/// error. When the connection breaks, times out or is cut short mid-answer, iteration ends with a
/// ``HFError/Category/streamInterrupted`` error whose ``HFError/partialOutput`` holds the text
/// received so far (its last ``HFConfiguration/maximumPartialOutputSize`` bytes); an error the
/// server sends inside the stream becomes a typed ``HFError`` (with the partial output too). The
/// stream as a whole has no size limit; each event has (``HFConfiguration/maximumEventSize``).
/// `[DONE]` ends the stream, and so does the end of the body after the answer's last event (older
/// text-generation servers send no `[DONE]`). Cancelling the iterating task, or dropping the
/// iterator, stops the transfer. A stream is never retried.
///
/// ```swift
/// for try await chunk in try client.inference.chatStream(request) {
///     print(chunk.text ?? "", terminator: "")
/// }
/// ```
public struct InferenceStream<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error

    private let client: HFClient
    private let codec: StreamCodec<Element>
    private let open: @Sendable () async throws -> OpenedStream

    /// A stream that sends its request with `open` when iteration starts.
    package init(client: HFClient, codec: StreamCodec<Element>, open: @escaping @Sendable () async throws -> OpenedStream) {
        self.client = client
        self.codec = codec
        self.open = open
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, codec: codec, open: open)
    }

    /// Only the text of the answer, piece by piece, skipping events that add none.
    ///
    /// ```swift
    /// for try await piece in try client.inference.chatStream("Tell me a joke", model: .llama3_8BInstruct).text {
    ///     print(piece, terminator: "")
    /// }
    /// ```
    public var text: InferenceTextStream<Element> {
        InferenceTextStream(base: self, text: codec.text)
    }

    /// The whole text of the answer, once the stream has ended.
    public func collectText() async throws -> String {
        var whole = ""
        for try await piece in text { whole += piece }
        return whole
    }

    /// Reads the stream's elements; ends with the stream, or throws an ``HFError``.
    public struct Iterator: AsyncIteratorProtocol {
        private let client: HFClient
        private let codec: StreamCodec<Element>
        private let open: @Sendable () async throws -> OpenedStream
        private var started = false
        private var body: HTTPBodyStream.Iterator?
        private var head: HTTPResponseHead?
        /// The context the stream's exchange ran in, for its errors.
        private var context: HFRequestContext?
        private var parser: ServerSentEventParser
        /// Decoded events not yet returned, from `readyIndex` on.
        private var ready: [Element] = []
        private var readyIndex = 0
        /// The error to throw once `ready` is drained.
        private var failure: HFError?
        private var ended = false
        private var sawFinal = false
        /// The text so far, for ``HFError/partialOutput``.
        private var output: PartialOutput

        init(client: HFClient, codec: StreamCodec<Element>, open: @escaping @Sendable () async throws -> OpenedStream) {
            self.client = client
            self.codec = codec
            self.open = open
            parser = ServerSentEventParser(maximumEventSize: client.configuration.maximumEventSize)
            output = PartialOutput(limit: client.configuration.maximumPartialOutputSize)
        }

        public mutating func next() async throws -> Element? {
            while true {
                if readyIndex < ready.count {
                    readyIndex += 1
                    return ready[readyIndex - 1]
                }
                if let failure {
                    self.failure = nil
                    finish()
                    throw client.finalize(failure, context: context)
                }
                if ended {
                    body?.finishReading()
                    finish()
                    return nil
                }
                ready.removeAll(keepingCapacity: true)
                readyIndex = 0
                try await advance()
            }
        }

        /// Stops reading: dropping the body iterator cancels a transfer still running.
        private mutating func finish() {
            ended = true
            body = nil
        }

        /// Sends the request, or reads the next chunk of the body and decodes the events it completes.
        private mutating func advance() async throws {
            guard started else {
                started = true
                if Task.isCancelled { throw HFError.cancelled() }
                let opened = try await open()
                let response = opened.response
                context = opened.context
                head = response.head
                if isEventStream(response.head) {
                    body = response.body.makeAsyncIterator()
                } else {
                    await readWhole(response)
                }
                return
            }
            guard var iterator = body else {
                ended = true
                return
            }
            let chunk: Data?
            do {
                chunk = try await iterator.next()
            } catch {
                failure = interruption(error)
                return
            }
            body = iterator
            parse(chunk)
        }

        /// Parses a chunk of the body, or ends the input when `chunk` is `nil`.
        private mutating func parse(_ chunk: Data?) {
            // The parser calls back into `self`, so it works on a copy moved out of `self`.
            var parser = self.parser
            self.parser = ServerSentEventParser()
            if let chunk {
                chunk.withUnsafeBytes { bytes in parser.feed(bytes) { handle($0) } }
            } else {
                parser.finish { handle($0) }
            }
            if parser.isOverLimit, failure == nil, !ended {
                failure = interruption(HFError(
                    category: .responseTooLarge,
                    message: "An event of the stream was larger than the configured maximum of \(parser.maximumEventSize) bytes, so the stream was stopped.",
                    recoverySuggestion: "Raise HFConfiguration.maximumEventSize if events this large are expected."
                ))
            } else if chunk == nil {
                endOfBody()
            }
            self.parser = parser
        }

        private func isEventStream(_ head: HTTPResponseHead) -> Bool {
            guard let type = head.headers["Content-Type"]?.lowercased() else { return true }
            return type.hasPrefix("text/event-stream")
        }

        /// The body ended: normal after the answer's last event, an interruption before it.
        private mutating func endOfBody() {
            guard !ended, failure == nil else { return }
            if sawFinal {
                ended = true
            } else {
                failure = interruption(HFError.network("The connection closed before the stream finished (no finish reason and no [DONE] arrived)."))
            }
        }

        /// One event: `[DONE]`, an error, or an element.
        private mutating func handle(_ event: RawServerSentEvent) {
            guard !ended, failure == nil else { return }
            if event.isDone {
                ended = true
                return
            }
            // `data:` with nothing after it carries no chunk; servers send it to keep a connection open.
            if event.isBlank, event.type != "error" { return }
            if event.type == "error" {
                failure = serverError((try? JSONParser.parse(event.data))?.objectValue, data: event.data)
                return
            }
            do {
                accept(try codec.decode(event.data))
            } catch {
                failure = refusal(of: event, error)
            }
        }

        /// Why the decoder refused `event`, read the thorough way (a rare path): not JSON (cut
        /// off, or garbled), an error the server reports, or JSON of an unexpected shape.
        private func refusal(of event: RawServerSentEvent, _ error: JSONDecodingError) -> HFError {
            let json: JSONValue
            do {
                json = try JSONParser.parse(event.data)
            } catch {
                guard event.isComplete else { return interruption(HFError.network("The stream was cut off in the middle of an event.")) }
                return decodingError("an event is not valid JSON (\(error))", data: event.data)
            }
            if case .object(let object) = json, !(object["error"]?.isNull ?? true) {
                return serverError(object, data: event.data)
            }
            return decodingError("an event does not have the expected shape: \(error)", data: event.data)
        }

        private mutating func accept(_ element: consuming Element) {
            if let text = codec.text(element) { output.append(text) }
            if codec.isFinal(element) { sawFinal = true }
            ready.append(element)
        }

        /// A 2xx reply that is not an event stream: a JSON error, a whole reply, or events sent
        /// with the wrong content type.
        private mutating func readWhole(_ response: HTTPStreamingResponse) async {
            let data: Data
            do {
                data = try await response.collect(limit: client.configuration.maximumResponseSize).body
            } catch {
                failure = interruption(error)
                return
            }
            let elements: [Element]
            do {
                elements = try codec.wholeReply(data)
            } catch {
                // Not a whole reply: an error object, events under the wrong content type, or a
                // body of another shape. Only then is it parsed as a tree.
                guard let json = try? JSONParser.parse(data) else {
                    parse(data)
                    parse(nil)
                    return
                }
                if case .object(let object) = json, !(object["error"]?.isNull ?? true) {
                    failure = serverError(object, data: data)
                } else {
                    failure = decodingError("a streaming request was answered with one JSON body of an unexpected shape: \(error)", data: data)
                }
                return
            }
            for element in elements { accept(element) }
            ended = true
        }

        // MARK: Errors

        private var requestID: String? {
            head.flatMap { $0.headers["X-Request-Id"] ?? $0.headers["X-Amzn-Trace-Id"] }
        }

        /// The stream broke after it started: cancellation stays cancellation, anything else is an
        /// interruption carrying the text so far.
        private func interruption(_ error: any Error) -> HFError {
            let cause = client.finalize(error, context: context)
            if cause.category == .cancelled || Task.isCancelled {
                var cancelled = cause.category == .cancelled ? cause : .cancelled()
                cancelled.partialOutput = output.text
                cancelled.isPartialOutputTruncated = output.isTruncated
                return cancelled
            }
            var interrupted = HFError.streamInterrupted(cause: cause, partialOutput: output.text)
            interrupted.isPartialOutputTruncated = output.isTruncated
            interrupted.requestID = interrupted.requestID ?? requestID
            return interrupted
        }

        /// An error the server reported inside the stream (`{"error": …}` or `event: error`).
        private func serverError(_ object: JSONObject?, data: some DataProtocol) -> HFError {
            let body = object.map(ErrorBody.init(object:))
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let message = body?.message ?? (text.isEmpty ? "The server reported an error in the stream without a message" : text)
            var error = HFError(
                category: body?.errorType == "overloaded" ? .modelUnavailable : .api,
                message: message,
                recoverySuggestion: output.isEmpty
                    ? "The server failed after accepting the request; read its message, and retry or pick another provider."
                    : "The server failed in the middle of the answer; the text received before the error is in `partialOutput` and was delivered. Retry or pick another provider."
            )
            error.status = head?.status
            error.requestID = requestID
            error.errorType = body?.errorType
            error.errorCode = body?.code
            error.bodySnippet = HFError.snippet(of: Data(data))
            error.partialOutput = output.isEmpty ? nil : output.text
            error.isPartialOutputTruncated = output.isTruncated
            return error
        }

        private func decodingError(_ reason: String, data: some DataProtocol) -> HFError {
            var error = HFError.decoding(
                "The stream could not be read: \(reason)", body: Data(data), status: head?.status, requestID: requestID
            )
            error.partialOutput = output.isEmpty ? nil : output.text
            error.isPartialOutputTruncated = output.isTruncated
            return error
        }
    }
}
