import Foundation
import HFCore

// Text tasks on hf-inference's task routes: classification, entities, zero-shot classification,
// question answering over text and tables, fill-mask, summarization, translation, and tabular
// classification and regression (protocol §7.2).

extension MultimodalAPI {
    /// Labels for the text (a sentiment, a topic), best first.
    ///
    /// ```swift
    /// let labels = try await client.multimodal.classifyText("I like you", model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english")
    /// print(labels[0])   // POSITIVE 0.9999
    /// ```
    public func classifyText(
        _ text: String, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ClassificationLabel] {
        try Validation.nonBlank(text, field: "text")
        let input = try Self.classificationBody(inputs: .string(text), topK: topK, function: function)
        return try await json(ClassificationList.self, .textClassification, model: model, via: destination, input: input).labels
    }

    /// Scores the text against labels you choose (at least two), with a natural-language-inference
    /// model. With `multiLabel`, each label is scored on its own; without, the scores sum to 1.
    ///
    /// ```swift
    /// let topics = try await client.multimodal.classifyText(article, labels: ["space", "biology", "robots"], model: "facebook/bart-large-mnli")
    /// ```
    public func classifyText(
        _ text: String, labels: [String], model: ModelID, multiLabel: Bool = false, hypothesisTemplate: String? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ClassificationLabel] {
        try Validation.nonBlank(text, field: "text")
        try Self.validateLabels(labels)
        let input = Self.body(inputs: .string(text), [
            ("candidate_labels", .array(labels.map(JSONValue.string))),
            ("multi_label", .bool(multiLabel)),
            ("hypothesis_template", hypothesisTemplate.map(JSONValue.string)),
        ])
        return try await json(ClassificationList.self, .zeroShotClassification, model: model, via: destination, input: input).labels
    }

    /// Entities in the text (people, places, organisations) or a label per token.
    ///
    /// ```swift
    /// let entities = try await client.multimodal.classifyTokens("My name is Sarah and I live in London", model: "dslim/bert-base-NER")
    /// ```
    public func classifyTokens(
        _ text: String, model: ModelID, aggregation: AggregationStrategy? = nil, ignoreLabels: [String]? = nil, stride: Int? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [TokenEntity] {
        try Validation.nonBlank(text, field: "text")
        try Validation.range(stride, field: "stride", in: 0...Int.max)
        let input = Self.body(inputs: .string(text), [
            ("aggregation_strategy", aggregation.map { .string($0.rawValue) }),
            ("ignore_labels", ignoreLabels.map { .array($0.map(JSONValue.string)) }),
            ("stride", stride.map { .integer(Int64($0)) }),
        ])
        return try await json([TokenEntity].self, .tokenClassification, model: model, via: destination, input: input)
    }

    /// Answers to a question, taken from `context`, best first.
    ///
    /// ```swift
    /// let answers = try await client.multimodal.answerQuestion("What is my name?", context: "My name is Clara.", model: "deepset/roberta-base-squad2")
    /// ```
    public func answerQuestion(
        _ question: String, context: String, model: ModelID, topK: Int? = nil, maxAnswerLength: Int? = nil,
        handleImpossibleAnswer: Bool? = nil, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [QuestionAnswer] {
        try Validation.nonBlank(question, field: "question")
        try Validation.nonBlank(context, field: "context")
        try Validation.positive(topK, field: "topK")
        try Validation.positive(maxAnswerLength, field: "maxAnswerLength")
        let input = Self.body(inputs: ["question": .string(question), "context": .string(context)], [
            ("handle_impossible_answer", handleImpossibleAnswer.map(JSONValue.bool)),
            ("max_answer_len", maxAnswerLength.map { .integer(Int64($0)) }),
            ("top_k", topK.map { .integer(Int64($0)) }),
        ])
        return try await json(AnswerList.self, .questionAnswering, model: model, via: destination, input: input).answers
    }

    /// The answer to a question about a table, given as columns of cell texts.
    ///
    /// ```swift
    /// let table = ["Repository": ["Transformers", "Datasets"], "Stars": ["36542", "4512"]]
    /// let answer = try await client.multimodal.answerQuestion("How many stars does Transformers have?", table: table, model: "google/tapas-base-finetuned-wtq")
    /// ```
    ///
    /// Columns are sent in the order of their names; every column must have as many cells as the first.
    public func answerQuestion(
        _ question: String, table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> TableAnswer {
        try Validation.nonBlank(question, field: "question")
        let columns = try Self.columns(table)
        // The Python client's body, which the live service answered in the recordings: the query
        // and table at the top level beside an empty `inputs`.
        let input: JSONObject = ["inputs": nil, "parameters": [:], "query": .string(question), "table": .object(columns)]
        return try await json(TableAnswer.Reply.self, .tableQuestionAnswering, model: model, via: destination, input: input).answer
    }

    /// Candidates for the model's mask token in `text` (`[MASK]`, `<mask>`: see the model's card), best first.
    ///
    /// ```swift
    /// let fills = try await client.multimodal.fillMask("The goal of life is <mask>.", model: "distilbert/distilroberta-base")
    /// ```
    public func fillMask(
        _ text: String, model: ModelID, topK: Int? = nil, targets: [String]? = nil, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [MaskFill] {
        try Validation.nonBlank(text, field: "text")
        try Validation.positive(topK, field: "topK")
        let input = Self.body(inputs: .string(text), [("targets", targets.map { .array($0.map(JSONValue.string)) }), ("top_k", topK.map { .integer(Int64($0)) })])
        return try await json([MaskFill].self, .fillMask, model: model, via: destination, input: input)
    }

    /// A summary of the text.
    ///
    /// ```swift
    /// let summary = try await client.multimodal.summarize(article, model: "facebook/bart-large-cnn")
    /// ```
    ///
    /// - Parameter generationParameters: decoding settings, sent as `generate_parameters`
    ///   (`max_length`, `num_beams`, …).
    public func summarize(
        _ text: String, model: ModelID, generationParameters: JSONObject = [:], via destination: TaskDestination = .automatic
    ) async throws(HFError) -> String {
        try Validation.nonBlank(text, field: "text")
        let input = Self.body(inputs: .string(text), [("generate_parameters", generationParameters.isEmpty ? nil : .object(generationParameters))])
        return try await self.text(at: "summary_text", .summarization, model: model, via: destination, input: input)
    }

    /// The text translated. Models that translate between many languages (mBART, NLLB) need both
    /// languages, in the model's codes (`en_XX`, `fr_XX`); give both or neither.
    ///
    /// ```swift
    /// let french = try await client.multimodal.translate("Hello world", model: "facebook/mbart-large-50-many-to-many-mmt", from: "en_XX", to: "fr_XX")
    /// ```
    public func translate(
        _ text: String, model: ModelID, from sourceLanguage: String? = nil, to targetLanguage: String? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> String {
        try Validation.nonBlank(text, field: "text")
        guard (sourceLanguage == nil) == (targetLanguage == nil) else {
            throw .validation(field: sourceLanguage == nil ? "from" : "to", "give the source and the target language together, or neither")
        }
        let input = Self.body(inputs: .string(text), [("src_lang", sourceLanguage.map(JSONValue.string)), ("tgt_lang", targetLanguage.map(JSONValue.string))])
        return try await self.text(at: "translation_text", .translation, model: model, via: destination, input: input)
    }

    /// A class for each row of a table given as columns of cell texts (numbers written as text).
    public func classifyRows(
        _ table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [String] {
        let input: JSONObject = ["inputs": ["data": .object(try Self.columns(table))]]
        let values = try await json([JSONValue].self, .tabularClassification, model: model, via: destination, input: input)
        return values.map { $0.stringValue ?? $0.description }
    }

    /// A number predicted for each row of a table given as columns of cell texts.
    public func predictRows(
        _ table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [Double] {
        let input: JSONObject = ["inputs": ["data": .object(try Self.columns(table))]]
        return try await json([Double].self, .tabularRegression, model: model, via: destination, input: input)
    }

    /// The table's columns in name order, checked to be non-empty and of equal length.
    private static func columns(_ table: [String: [String]]) throws(HFError) -> JSONObject {
        guard let rows = table.values.first?.count, rows > 0 else {
            throw .validation(field: "table", "must have at least one column with at least one cell")
        }
        if let uneven = table.first(where: { $0.value.count != rows }) {
            throw .validation(field: "table", "column \"\(uneven.key)\" has \(uneven.value.count) cells where the others have \(rows)")
        }
        return JSONObject(table.keys.sorted().map { ($0, .array(table[$0]!.map(JSONValue.string))) })
    }
}
