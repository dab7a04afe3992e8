import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The BPE tokenizer against OpenAI's own tiktoken on real text, and the estimators against the
/// token counts providers reported for the recorded chat replies.
@Suite("Token counting")
struct TokenCountingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Reference: Decodable {
        struct Case: Decodable {
            let source: String
            let text: String
            let ids: [Int]
            let completion_tokens: Int?
        }

        let cases: [Case]
    }

    static let reference: Reference = try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: fixtures.appendingPathComponent("cl100k-reference.json")))
    static let cl100k: BPETokenizer = try! BPETokenizer(contentsOf: fixtures.appendingPathComponent("cl100k_base.tiktoken"))

    @Test("cl100k_base from its tiktoken file gives tiktoken's ids for every text of the recorded chats")
    func matchesTiktoken() {
        #expect(Self.cl100k.vocabularySize == 100_256)
        for reference in Self.reference.cases {
            #expect(Self.cl100k.encode(reference.text) == reference.ids, "\(reference.source): \(reference.text.prefix(40))")
            #expect(Self.cl100k.count(reference.text) == reference.ids.count)
        }
    }

    @Test("a byte-level tokenizer.json: merges applied by their order, the split pattern read, ids from the vocabulary")
    func tokenizerJSON() throws {
        // The smallest byte-level BPE a tokenizer.json can hold: bytes for "a", "b", " ", "ab",
        // " ab" (" " is written "Ġ" in the byte-level alphabet), and the two merges making them.
        let json = #"""
        {"model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "Ġ": 2, "ab": 3, "Ġab": 4},
                   "merges": ["a b", ["Ġ", "ab"]]},
         "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
             {"type": "Split", "pattern": {"Regex": " ?[a-z]+"}, "behavior": "Isolated"},
             {"type": "ByteLevel", "add_prefix_space": false, "use_regex": false}]}}
        """#
        let tokenizer = try BPETokenizer(tokenizerJSON: Data(json.utf8))
        #expect(tokenizer.encode("ab ab ba") == [3, 4, 2, 1, 0])
        #expect(tokenizer.count("ab ab ba") == 5)
        #expect(tokenizer.vocabularySize == 5)
    }

    @Test("tokenizers that are not byte-level BPE, and files that are neither format, are refused with a validation error")
    func refusals() {
        let wordPiece = #"{"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}"#
        for data in [Data(wordPiece.utf8), Data("{not json".utf8)] {
            #expect(throws: HFError.self) { try BPETokenizer(tokenizerJSON: data) }
        }
        let error = #expect(throws: HFError.self) { try BPETokenizer(tiktokenRanks: Data("hello world\n".utf8)) }
        #expect(error?.category == .validation && error?.field == "tokenizer")
    }

    @Test("estimators against the completion tokens providers reported for the recorded replies")
    func estimatorErrors() {
        let replies = Self.reference.cases.filter { $0.completion_tokens != nil }
        let estimators: [(String, TokenEstimator)] = [
            ("characters/4", .characters()), ("words×1.3", .words()), ("cl100k BPE", .tokenizer(Self.cl100k)),
        ]
        var medians: [String: Double] = [:]
        for (name, estimator) in estimators {
            let errors = replies.map { reply -> Double in
                let reported = Double(reply.completion_tokens!)
                return abs(Double(estimator.count(reply.text)) - reported) / reported
            }.sorted()
            medians[name] = errors[errors.count / 2]
            print("token estimate \(name): median error \(String(format: "%.1f", errors[errors.count / 2] * 100))%, worst \(String(format: "%.1f", errors.last! * 100))% over \(errors.count) replies")
        }
        #expect(replies.count == 12)
        // The reported counts include the end-of-turn token and come from Llama 3's tokenizer,
        // a superset of cl100k: the exact BPE is within a few percent, the heuristics are not.
        #expect(medians["cl100k BPE"]! < 0.05)
        #expect(medians["cl100k BPE"]! < medians["characters/4"]!)
        #expect(medians["cl100k BPE"]! < medians["words×1.3"]!)
    }

    @Test("the cheap estimators: empty text is zero tokens, counts round up")
    func cheapEstimators() {
        #expect(TokenEstimator.characters().count("") == 0)
        #expect(TokenEstimator.characters().count("abcde") == 2)
        #expect(TokenEstimator.words().count("one two three") == 4)
        #expect(TokenEstimator.words(tokensPerWord: 1).count("  ") == 0)
    }
}

/// The README's dynamic configuration and token counting snippet, run.
@Suite("README: configuration and tokens")
struct ConfigurationReadmeTests {
    @Test("a configuration change, a rollback, and a token count")
    func readme() async throws {
        let configuration = HFConfiguration.inMemory()
        let tokenizerFile = TokenCountingTests.fixtures.appendingPathComponent("cl100k_base.tiktoken")

        // README dynamic configuration begins
        let store = try ConfigurationStore(configuration)
        let dynamic = DynamicClient(store: store)
        try await store.update(note: "slow backend") { $0.requestTimeout = .seconds(600) }
        let client = await dynamic.client          // calls under way keep the client they took
        try await store.rollback()                 // version 3: version 1's configuration again

        let tokenizer = try BPETokenizer(contentsOf: tokenizerFile)   // a tokenizer.json or .tiktoken file
        let exact = TokenEstimator.tokenizer(tokenizer).count("How many tokens is this?")
        let rough = TokenEstimator.characters().count("How many tokens is this?")
        // README dynamic configuration ends

        #expect(client.configuration.requestTimeout == .seconds(600))
        #expect(await store.current.number == 3)
        #expect(await dynamic.client.configuration.requestTimeout == configuration.requestTimeout)
        #expect(exact == 6 && rough == 6)
    }
}
