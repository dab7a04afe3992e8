import Testing

@testable import HFCore

@Suite("Validation helpers")
struct ValidationTests {
    @Test("ranges name the field and the allowed range")
    func ranges() throws {
        try Validation.range(0.7, field: "temperature", in: 0...2)
        try Validation.range(nil as Double?, field: "temperature", in: 0...2)
        let error = #expect(throws: HFError.self) { try Validation.range(2.5, field: "temperature", in: 0...2) }
        #expect(error?.category == .validation)
        #expect(error?.field == "temperature")
        #expect(error?.message == "temperature: 2.5 is out of range; allowed: 0 to 2")
        #expect(throws: HFError.self) { try Validation.range(Double.nan, field: "top_p", in: 0...1) }
        let integer = #expect(throws: HFError.self) { try Validation.range(9, field: "top_logprobs", in: 0...5) }
        #expect(integer?.message == "top_logprobs: 9 is out of range; allowed: 0 to 5")
    }

    @Test("positive counts, non-blank text, element counts")
    func others() throws {
        try Validation.positive(1, field: "max_tokens")
        #expect(throws: HFError.self) { try Validation.positive(0, field: "max_tokens") }
        #expect(throws: HFError.self) { try Validation.nonBlank(" \n", field: "inputs") }
        try Validation.nonBlank("hi", field: "inputs")
        #expect(throws: HFError.self) { try Validation.count([Int](), field: "messages") }
        let tooMany = #expect(throws: HFError.self) { try Validation.count([1, 2, 3, 4, 5], field: "stop", maximum: 4) }
        #expect(tooMany?.message == "stop: has 5 entries; at most 4 are allowed")
    }
}
