import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFEmbeddings

/// The fast decoder against Foundation's `JSONDecoder`, bit for bit, on recorded and generated
/// bodies; and its refusals of malformed input.
@Suite("Embeddings decoder")
struct EmbeddingsDecoderTests {
    @Test("recorded bodies decode to JSONDecoder's floats, bit for bit, with their shape", arguments: FeatureExtractionFixture.all)
    func recordedBodies(_ fixture: FeatureExtractionFixture) throws {
        let body = fixture.interaction.response.body
        let reference = try foundationFloats(body)
        let embeddings = try EmbeddingsDecoder.decode(body)
        #expect(embeddings.values.bitPatterns == reference.values.bitPatterns)
        switch reference.rank {
        case 1:
            #expect(embeddings.shape == .vector)
            #expect(embeddings.count == 1)
            #expect(embeddings.dimension == reference.values.count)
        case 3:
            let cube = try JSONDecoder().decode([[[Float]]].self, from: body)
            #expect(embeddings.shape == .tokens(cube.map(\.count)))
            #expect(embeddings.dimension == cube[0][0].count)
            #expect(embeddings.count == cube.map(\.count).reduce(0, +))
        default:
            Issue.record("unexpected rank \(reference.rank) in \(fixture.file)")
        }
    }

    @Test("the recorded sentence-similarity scores decode like JSONDecoder's floats")
    func recordedScores() throws {
        for file in ["TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity", "legacy.InferenceClientVCRTest.test_sentence_similarity"] {
            let body = try RecordedCase.load(file).interactions.last!.response.body
            #expect(try EmbeddingsDecoder.decode(body).values.bitPatterns == JSONDecoder().decode([Float].self, from: body).bitPatterns)
        }
    }

    @Test("10,000 generated vectors decode to JSONDecoder's floats, bit for bit")
    func generatedVectors() async throws {
        var generator = SplitMix64(seed: 0x5EED_F10A7)
        let dimension = 24
        var text = "["
        for row in 0..<10_000 {
            if row > 0 { text += generator.next() % 7 == 0 ? ",\n " : "," }
            text += "["
            for column in 0..<dimension {
                if column > 0 { text += generator.next() % 11 == 0 ? " , " : "," }
                text += NumberText.random(using: &generator)
            }
            text += "]"
        }
        text += "]"
        let data = Data(text.utf8)
        // A quarter of a million numbers through two decoders: off the test runner's small pool.
        let (reference, embeddings) = try await offCooperativePool {
            (try JSONDecoder().decode([[Float]].self, from: data), try EmbeddingsDecoder.decode(data))
        }
        #expect(reference.count == 10_000)
        #expect(embeddings.shape == .matrix)
        #expect(embeddings.count == 10_000)
        #expect(embeddings.dimension == dimension)
        let expected = reference.flatMap { $0 }
        let mismatches = zip(expected, embeddings.values).enumerated().filter { $0.element.0.bitPattern != $0.element.1.bitPattern }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { "#\($0.offset): \($0.element.0) vs \($0.element.1)" })")
    }

    @Test("hard numbers: double-rounding traps, exact midpoints, extremes, integers, signed zeros")
    func hardNumbers() throws {
        var numbers = [
            "1.00000005960464477539062501", "1.000000059604644775390625", "1.00000005960464477539062499",
            "0.16878847777843475", "-0.341085821390152", "3.4028235e38", "-3.4028234663852886e38",
            "1.1754943508222875e-38", "1.1754942e-38", "1e-45", "1.401298464324817e-45", "7.006492321624087e-46",
            "0", "-0", "0.0", "-0.0", "0e-999999", "0.000000000000000000000000000000", "42", "-7", "1E+2", "1e-0",
            "123456789012345678901234567890", "0.000000000000000000000000000000000001234567890123456789",
            "9007199254740993", "16777217", "-16777217.000000000000000001",
        ]
        // Exact decimal expansions of float midpoints (ties go to even) and their neighbours.
        var generator = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            // Any finite positive float but the largest, whose upper neighbour is infinity.
            let float = Float(bitPattern: UInt32(generator.next() % 0x7F7F_FFFF) + 1)
            let midpoint = (Double(float) + Double(float.nextUp)) / 2
            let exact = String(format: "%.60e", midpoint)
            let exponent = exact.firstIndex(of: "e")!
            numbers.append(exact)
            numbers.append(exact[..<exponent] + "1" + exact[exponent...])
            numbers.append("\(midpoint)")
            numbers.append("\(midpoint.nextUp)")
            numbers.append("\(midpoint.nextDown)")
        }
        let data = Data(("[" + numbers.joined(separator: ",") + "]").utf8)
        let reference = try JSONDecoder().decode([Float].self, from: data)
        let decoded = try EmbeddingsDecoder.decode(data).values
        for (index, number) in numbers.enumerated() where reference[index].bitPattern != decoded[index].bitPattern {
            Issue.record("\(number): JSONDecoder \(reference[index]) (\(reference[index].bitPattern)), decoder \(decoded[index]) (\(decoded[index].bitPattern))")
        }
    }

    @Test("numbers JSONDecoder refuses as Float are refused too", arguments: [
        "1e39", "3.4028236e38", "-1e39", "1e-46", "7.006492321624085e-46", "1e-400", "1e999999999999999999",
        "100000000000000000000000000000000000000000",
    ])
    func outOfRange(_ number: String) {
        let data = Data("[\(number)]".utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Float].self, from: data) }
        expectDecodingError(data, mentioning: "outside the range of Float")
    }

    @Test("malformed bodies give a decoding error with the offset and the text around it", arguments: [
        ("", "expected '['"), ("   ", "expected '['"), ("[NaN]", "expected a number"), ("[1, NaN]", "expected a number"),
        ("[Infinity]", "expected a number"), ("[-Infinity]", "expected a number"), ("[null]", "expected a number"),
        ("[\"0.5\"]", "expected a number"), ("[1,]", "expected a number"), ("[1 2]", "expected ','"),
        ("[01]", "leading zeros"), ("[-]", "expected a number"), ("[1.]", "after the decimal point"), ("[.5]", "expected a number"),
        ("[+1]", "expected a number"), ("[1e]", "in the exponent"), ("[1e+]", "in the exponent"), ("[]]", "after the embeddings"),
        ("[1] x", "after the embeddings"), ("[[1, 2], [3]]", "vector 1 has 1 values"), ("[[1, 2], 3]", "nested unevenly"),
        ("[1, [2]]", "expected a number"), ("[[[[[1]]]]]", "more than 4 levels"), ("[[]]", "empty"), ("[[1], []]", "empty"),
        ("[[[1]], [[2], [3]], [4]]", "nested unevenly"), ("[[[[1]], [[2]]], [[[3]]]]", "one token sequence per input"),
        ("{}", "no `data`"), ("{\"data\": [{\"index\": 0}]}", "no `embedding`"), ("{\"data\": [{\"embedding\": \"AAAA\"}]}", "not an array"),
        ("{\"data\": [{\"embedding\": [1], \"index\": 1}]}", "`index` values"), ("{\"data\": 5}", "to start `data`"),
        ("{\"data\": [], \"usage\": {\"total\": tru}}", "JSON value"), ("[1, 2", "expected ','"), ("[[1, 2], [3, 4]", "expected ','"),
        ("{\"data\": [{\"embedding\": [1]}], \"model\": \"unterminated}", "unterminated string"),
    ])
    func malformed(_ text: String, _ reason: String) {
        expectDecodingError(Data(text.utf8), mentioning: reason)
    }

    @Test("every truncation of a recorded body is refused, never a crash")
    func truncatedRecordedBodies() {
        let body = FeatureExtractionFixture.all[3].interaction.response.body
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let cut = Int(generator.next() % UInt64(body.count - 1))
            expectDecodingError(body.prefix(cut), mentioning: "the end of the input")
        }
    }

    @Test("OpenAI-style objects: rows by `index`, other keys skipped (the documented shape, protocol notes §6.3, tested as a value)")
    func openAIShape() throws {
        let text = #"""
        {"object": "list", "model": "m", "data": [
          {"object": "embedding", "index": 1, "embedding": [0.5, -2.5e-3], "extra": {"nested": [1, {"a": null}], "s": "x\"y"}},
          {"object": "embedding", "index": 0, "embedding": [1, 2]}
        ], "usage": {"prompt_tokens": 3, "total_tokens": 3}}
        """#
        let embeddings = try EmbeddingsDecoder.decode(Data(text.utf8))
        #expect(embeddings.shape == .matrix)
        #expect(embeddings.values == [1, 2, 0.5, -2.5e-3])
        #expect(embeddings.dimension == 2)
        let empty = try EmbeddingsDecoder.decode(Data(#"{"data": []}"#.utf8))
        #expect(empty.isEmpty)
    }

    @Test("an empty top-level array is an empty matrix")
    func emptyArray() throws {
        let embeddings = try EmbeddingsDecoder.decode(Data("[ ]".utf8))
        #expect(embeddings.isEmpty)
        #expect(embeddings.shape == .matrix)
    }

    @Test("four-level token output keeps each input's token count")
    func fourLevels() throws {
        let embeddings = try EmbeddingsDecoder.decode(Data("[[[[1, 2], [3, 4]]], [[[5, 6]]]]".utf8))
        #expect(embeddings.shape == .tokens([2, 1]))
        #expect(embeddings.rows(forInput: 1) == 2..<3)
        #expect(Array(embeddings[2]) == [5, 6])
    }

    private func expectDecodingError(_ data: Data, mentioning reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let embeddings = try EmbeddingsDecoder.decode(data)
            Issue.record("decoded \(embeddings.count) rows from malformed input \(String(decoding: data.prefix(80), as: UTF8.self))", sourceLocation: sourceLocation)
        } catch {
            #expect(error.category == .decoding, sourceLocation: sourceLocation)
            #expect(error.message.contains(reason), "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains("at byte"), sourceLocation: sourceLocation)
            #expect(error.bodySnippet != nil, sourceLocation: sourceLocation)
        }
    }
}
