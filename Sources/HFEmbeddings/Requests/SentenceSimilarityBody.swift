/// `{"inputs": {"source_sentence": …, "sentences": […]}}`, the sentence-similarity pipeline's body.
struct SentenceSimilarityBody: Encodable {
    struct Inputs: Encodable {
        var sourceSentence: String
        var sentences: [String]

        enum CodingKeys: String, CodingKey {
            case sourceSentence = "source_sentence"
            case sentences
        }
    }

    var inputs: Inputs
}
