import Foundation
import HFStreaming

// Uses HFStreaming alone: parses Server-Sent Events, without any network call.
var parser = ServerSentEventParser()
let events = parser.events(from: Data("data: {\"choices\":[]}\n\ndata: [DONE]\n\n".utf8))
print("HFStreaming consumer OK: \(events.count) events, done: \(events.last?.isDone == true)")
