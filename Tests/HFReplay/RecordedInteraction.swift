import Foundation

/// One recorded request and the response the live service gave to it.
public struct RecordedInteraction: Sendable, Equatable {
    public var request: RecordedRequest
    public var response: RecordedResponse

    public init(request: RecordedRequest, response: RecordedResponse) {
        self.request = request
        self.response = response
    }
}
