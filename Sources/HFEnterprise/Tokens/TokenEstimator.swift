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
/// let cost = estimator.count("Summarise this article …")
/// try await limiter.acquire(cost: cost)
/// ```
///
/// How far the cheap strategies are from the truth, measured on the recorded chat replies against
/// the `usage.completion_tokens` the providers reported, is in `Docs/decisions.md`.
public struct TokenEstimator: Sendable {
    private let counter: @Sendable (String) -> Int

    private init(_ counter: @escaping @Sendable (String) -> Int) {
        self.counter = counter
    }

    /// Characters divided by `perToken`, rounded up.
    public static func characters(perToken: Double = 4) -> TokenEstimator {
        TokenEstimator { text in
            guard !text.isEmpty else { return 0 }
            return Int((Double(text.count) / max(perToken, .leastNonzeroMagnitude)).rounded(.up))
        }
    }

    /// Words (runs of letters, digits or other non-space characters) times `tokensPerWord`,
    /// rounded up.
    public static func words(tokensPerWord: Double = 1.3) -> TokenEstimator {
        TokenEstimator { text in
            let words = text.split(whereSeparator: \.isWhitespace).count
            return Int((Double(words) * max(tokensPerWord, 0)).rounded(.up))
        }
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
