import Foundation
import Testing

import HFCore

/// An error's description is one sentence per part: a message that already ends with a full stop
/// (most servers' do) gets no second one. `RecordedErrorTests` checks the same on every recorded
/// error response.
@Suite("Error descriptions")
struct ErrorDescriptionTests {
    @Test("messages with and without a closing full stop, and without details", arguments: [
        ("The health probe gave no answer within 2 s.", "HFError.timeout: The health probe gave no answer within 2 s. "),
        ("The health probe gave no answer within 2 s", "HFError.timeout: The health probe gave no answer within 2 s. "),
        ("Is the base URL right?", "HFError.timeout: Is the base URL right? "),
        ("Loading...", "HFError.timeout: Loading. "),
    ])
    func ownMessage(_ message: String, _ expectedStart: String) {
        let error = HFError(category: .timeout, message: message)
        #expect("\(error)" == expectedStart + error.recoverySuggestion)
        #expect(error.errorDescription == "\(error)")
    }
}
