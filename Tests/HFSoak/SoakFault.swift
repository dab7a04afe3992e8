import HFCore
import HFReplay

/// A fault the soak injects on top of a recorded stream, and the outcomes the client may show for it.
enum SoakFault: String, CaseIterable, Sendable {
    case none
    /// TCP RST somewhere in the body.
    case reset
    /// A clean close somewhere in the body, before it is complete.
    case truncation
    case status429 = "429"
    case status503 = "503"
    /// The body in 32-byte pieces, a millisecond apart.
    case slowBytes = "slow bytes"
    /// Part of the body, then silence longer than the idle timeout.
    case stall

    /// How the server delivers the recorded body of `bodyCount` bytes; cut points are drawn from `random`.
    func plan(bodyCount: Int, using random: inout some RandomNumberGenerator) -> ResponsePlan {
        let cut = Int.random(in: 1..<bodyCount, using: &random)
        switch self {
        case .none: return ResponsePlan(chunking: .perSSEEvent)
        case .reset: return ResponsePlan(chunking: .perSSEEvent, fault: .resetAfter(bytes: cut))
        case .truncation: return ResponsePlan(chunking: .perSSEEvent, fault: .truncateAfter(bytes: cut))
        case .status429: return .status(429, headers: ["Retry-After": "1"], body: .empty)
        case .status503: return .status(503, body: .empty)
        case .slowBytes: return ResponsePlan(chunking: .fixed(bytes: 32), delayBetweenChunks: .milliseconds(1))
        case .stall: return ResponsePlan(chunking: .splitAt([cut]), delayBetweenChunks: .seconds(30))
        }
    }

    /// The outcomes that are correct for this fault: `nil` stands for the whole answer.
    ///
    /// A cut after the answer's last event ends the stream normally (the body ended after the
    /// final event, or `[DONE]` arrived), so a reset, truncation or stall may also give the whole answer.
    var allowedOutcomes: Set<HFError.Category?> {
        switch self {
        case .none, .slowBytes: return [nil]
        case .reset, .truncation: return [.streamInterrupted, nil]
        case .status429: return [.rateLimited]
        case .status503: return [.modelUnavailable]
        case .stall: return [.streamInterrupted, nil]
        }
    }
}
