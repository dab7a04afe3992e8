/// Counts the tokens of a text before it is sent: to stay under a model's context window, to
/// budget a rate limiter's `cost`, or to estimate a bill.
///
/// Three strategies, from cheapest to exact:
/// - ``characters(perToken:)``: the length in characters over a ratio (English averages about
///   4 characters a token with GPT-4's and Llama 3's tokenizers);
/// - ``words(tokensPerWord:)``: words times a ratio (about 1.3 for English);
/// - ``tokenizer(_:)``: the model's own BPE tokenizer (``BPETokenizer``), exact for plain text.
///
/// ```swift
/// let estimator = TokenEstimator.characters()
/// let tokens = estimator.count("Summarise this article …")
/// if tokens > 8_000 { /* split the text: it will not fit the model's context */ }
/// ```
///
/// How far the cheap strategies are from the truth, measured on the recorded chat replies against
/// the `usage.completion_tokens` the providers reported, is in `Docs/decisions.md`.
public struct TokenEstimator: Sendable {
    private let counter: @Sendable (String) -> Int

    private init(_ counter: @escaping @Sendable (String) -> Int) {
        self.counter = counter
    }

    /// Characters divided by `perToken` (a ratio that is not a positive finite number counts as
    /// 4), rounded up.
    public static func characters(perToken: Double = 4) -> TokenEstimator {
        let ratio = perToken.isFinite && perToken > 0 ? perToken : 4
        return TokenEstimator { text in
            text.isEmpty ? 0 : bounded(Double(text.count) / ratio)
        }
    }

    /// Words (runs of letters, digits or other non-space characters) times `tokensPerWord` (a
    /// ratio that is not a finite number of zero or more counts as 1.3), rounded up.
    public static func words(tokensPerWord: Double = 1.3) -> TokenEstimator {
        let ratio = tokensPerWord.isFinite && tokensPerWord >= 0 ? tokensPerWord : 1.3
        return TokenEstimator { text in
            bounded(Double(text.split(whereSeparator: \.isWhitespace).count) * ratio)
        }
    }

    /// `value` rounded up, as an `Int` that cannot overflow.
    private static func bounded(_ value: Double) -> Int {
        Int(min(value.rounded(.up), Double(Int.max / 2)))
    }

    /// Exactly what `tokenizer` counts.
    public static func tokenizer(_ tokenizer: BPETokenizer) -> TokenEstimator {
        TokenEstimator { tokenizer.count($0) }
    }

    /// The estimated number of tokens in `text`.
    public func count(_ text: String) -> Int {
        counter(text)
    }
}
