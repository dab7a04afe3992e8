import Foundation
import HFCore

/// A byte-level BPE tokenizer: the kind GPT-2, GPT-4, Llama 3, Qwen and most chat models use,
/// loaded from a model's `tokenizer.json` (Hugging Face's format: `model.vocab`, `model.merges`,
/// and the pre-tokenizer's split pattern) or from a tiktoken rank file (`cl100k_base.tiktoken`,
/// Llama 3's `tokenizer.model`). It counts exactly what the model would count for plain text;
/// special tokens and chat templates are the caller's to add.
///
/// ```swift
/// let tokenizer = try BPETokenizer(contentsOf: URL(fileURLWithPath: "tokenizer.json"))
/// let count = tokenizer.count("How many tokens is this?")
/// ```
public final class BPETokenizer: Sendable {
    /// The pre-tokenizer of GPT-4's `cl100k_base` and Llama 3: contractions, letters, up to three
    /// digits, punctuation runs, line breaks and spaces.
    public static let cl100kPattern = #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#
    /// GPT-2's pre-tokenizer, the default of a byte-level `tokenizer.json` without a split pattern.
    public static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#

    /// How merges are ranked: by the merged token's rank (tiktoken) or by the merge's position
    /// in `merges` (tokenizer.json).
    private enum Merges: Sendable {
        case byTokenRank
        case listed([Pair: Int])
    }

    private struct Pair: Hashable, Sendable {
        let left: [UInt8]
        let right: [UInt8]
    }

    private let ids: [[UInt8]: Int]
    private let merges: Merges
    /// Compiled once; matching reads it and never changes it, so sharing it between threads is safe.
    private nonisolated(unsafe) let splitter: Regex<AnyRegexOutput>

    /// The number of tokens in the vocabulary (special tokens aside).
    public var vocabularySize: Int { ids.count }

    /// A tokenizer from a file: a `tokenizer.json`, or a tiktoken rank file (one `base64 rank`
    /// pair a line), told apart by the first byte.
    public convenience init(contentsOf url: URL) throws(HFError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .validation(field: "tokenizer", "cannot read \(url.path): \(error.localizedDescription)")
        }
        if data.first == UInt8(ascii: "{") {
            try self.init(tokenizerJSON: data)
        } else {
            try self.init(tiktokenRanks: data)
        }
    }

    /// A tokenizer from a tiktoken rank file: each line `base64-of-token rank`.
    public convenience init(tiktokenRanks data: Data, pattern: String = BPETokenizer.cl100kPattern) throws(HFError) {
        var ids: [[UInt8]: Int] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard fields.count == 2, let token = Data(base64Encoded: Data(fields[0])),
                  let rank = Int(String(decoding: fields[1], as: UTF8.self))
            else {
                throw .validation(field: "tokenizer", "is not a tiktoken rank file (a line is not `base64 rank`)")
            }
            ids[[UInt8](token)] = rank
        }
        guard !ids.isEmpty else { throw .validation(field: "tokenizer", "holds no tokens") }
        try self.init(ids: ids, merges: .byTokenRank, pattern: pattern)
    }

    /// A tokenizer from a Hugging Face `tokenizer.json` whose model is byte-level BPE.
    public convenience init(tokenizerJSON data: Data) throws(HFError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw .validation(field: "tokenizer", "is not valid JSON: \(error)")
        }
        guard let model = json["model"], model["type"]?.stringValue == "BPE" else {
            throw .validation(field: "tokenizer", "is a \(json["model"]?["type"]?.stringValue ?? "unknown") tokenizer; only byte-level BPE tokenizers are read")
        }
        guard let vocab = model["vocab"]?.objectValue, let listed = model["merges"]?.arrayValue else {
            throw .validation(field: "tokenizer", "has no `model.vocab` or `model.merges`")
        }
        let decode = Self.byteLevelDecoder
        var ids: [[UInt8]: Int] = [:]
        for (token, id) in vocab {
            guard let bytes = decode(token), let id = id.intValue else {
                throw .validation(field: "tokenizer", "has a token that is not byte-level (\"\(token.prefix(20))\"); only byte-level BPE tokenizers are read")
            }
            ids[bytes] = id
        }
        var ranks: [Pair: Int] = [:]
        for (rank, merge) in listed.enumerated() {
            let sides = merge.arrayValue?.compactMap(\.stringValue) ?? merge.stringValue.map { $0.split(separator: " ", maxSplits: 1).map(String.init) } ?? []
            guard sides.count == 2, let left = decode(sides[0]), let right = decode(sides[1]) else {
                throw .validation(field: "tokenizer", "has a merge that is not a pair of byte-level tokens")
            }
            ranks[Pair(left: left, right: right)] = ranks[Pair(left: left, right: right)] ?? rank
        }
        try self.init(ids: ids, merges: .listed(ranks), pattern: Self.splitPattern(in: json["pre_tokenizer"]) ?? Self.gpt2Pattern)
    }

    private init(ids: [[UInt8]: Int], merges: Merges, pattern: String) throws(HFError) {
        do {
            // Unicode scalars, as the reference tokenizers match (Swift's default, characters,
            // would keep `" \n"` or an emoji sequence whole).
            splitter = try Regex(pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw .validation(field: "tokenizer", "its split pattern cannot be compiled: \(error)")
        }
        self.ids = ids
        self.merges = merges
    }

    /// The token ids of `text`.
    public func encode(_ text: String) -> [Int] {
        var tokens: [Int] = []
        forEachPiece(of: text) { piece in
            if let id = ids[piece] {
                tokens.append(id)
            } else {
                tokens += merge(piece).compactMap { ids[$0] }
            }
        }
        return tokens
    }

    /// The number of tokens in `text`.
    public func count(_ text: String) -> Int {
        encode(text).count
    }

    /// The pre-tokenizer's pieces of `text`, as UTF-8 bytes.
    private func forEachPiece(of text: String, _ body: ([UInt8]) -> Void) {
        for match in text.matches(of: splitter) {
            body(Array(text[match.range].utf8))
        }
    }

    /// `piece` merged pair by pair, the best-ranked pair first, until no pair merges. The ranks of
    /// adjacent pairs are kept and only the two beside a merge are looked up again, so a long
    /// piece costs one dictionary look-up per merge rather than one per pair per merge.
    private func merge(_ piece: [UInt8]) -> [[UInt8]] {
        var parts = piece.map { [$0] }
        guard parts.count > 1 else { return parts }
        var ranks: [Int?] = (0..<parts.count - 1).map { rank(parts[$0], parts[$0 + 1]) }
        while true {
            var best: (index: Int, rank: Int)?
            for (index, rank) in ranks.enumerated() {
                guard let rank, best.map({ rank < $0.rank }) ?? true else { continue }
                best = (index, rank)
            }
            guard let index = best?.index else { break }
            parts[index] += parts[index + 1]
            parts.remove(at: index + 1)
            ranks.remove(at: index)
            if index < ranks.count { ranks[index] = rank(parts[index], parts[index + 1]) }
            if index > 0 { ranks[index - 1] = rank(parts[index - 1], parts[index]) }
        }
        return parts
    }

    private func rank(_ left: [UInt8], _ right: [UInt8]) -> Int? {
        switch merges {
        case .byTokenRank: return ids[left + right]
        case .listed(let ranks): return ranks[Pair(left: left, right: right)]
        }
    }

    /// The split pattern of a `Split` pre-tokenizer, alone or in a `Sequence`; `nil` for GPT-2's
    /// default.
    private static func splitPattern(in preTokenizer: JSONValue?) -> String? {
        guard let preTokenizer else { return nil }
        if preTokenizer["type"]?.stringValue == "Split" { return preTokenizer["pattern"]?["Regex"]?.stringValue }
        return preTokenizer["pretokenizers"]?.arrayValue?.lazy.compactMap { splitPattern(in: $0) }.first
    }

    /// GPT-2's byte-level alphabet: every byte is written as a printable character, so tokens
    /// are text in `tokenizer.json`; this reverses it.
    private static let byteLevelDecoder: @Sendable (String) -> [UInt8]? = {
        var printable = Array(33...126) + Array(161...172) + Array(174...255)
        var characters = printable
        var next = 256
        for byte in 0...255 where !printable.contains(byte) {
            printable.append(byte)
            characters.append(next)
            next += 1
        }
        var table: [Unicode.Scalar: UInt8] = [:]
        for (byte, character) in zip(printable, characters) { table[Unicode.Scalar(character)!] = UInt8(byte) }
        let decoding = table
        return { token in
            var bytes: [UInt8] = []
            for scalar in token.unicodeScalars {
                guard let byte = decoding[scalar] else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
    }()
}
