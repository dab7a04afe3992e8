import Testing

@testable import HFCore

@Suite("HTTP headers")
struct HTTPHeadersTests {
    @Test("names are case-insensitive; setting replaces all values; add keeps them")
    func caseInsensitive() {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        #expect(headers["content-type"] == "application/json")
        headers.add(name: "X-HF-Warning", value: "a; one")
        headers.add(name: "x-hf-warning", value: "b; two")
        #expect(headers.values(for: "X-HF-WARNING") == ["a; one", "b; two"])
        headers["X-Hf-Warning"] = "c"
        #expect(headers.values(for: "x-hf-warning") == ["c"])
        headers["CONTENT-TYPE"] = nil
        #expect(!headers.contains("Content-Type"))
        #expect(headers.count == 1)
    }
}
