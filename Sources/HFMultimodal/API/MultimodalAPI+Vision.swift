import Foundation
import HFCore

// Vision tasks: classification, zero-shot classification, object detection, segmentation,
// captioning, and questions about images and documents (protocol §7.2).

extension MultimodalAPI {
    /// Labels for what the image shows, best first.
    ///
    /// ```swift
    /// let labels = try await client.multimodal.classifyImage(.file(URL(fileURLWithPath: "cat.jpg")), model: "google/vit-base-patch16-224")
    /// print(labels[0].label)   // "tabby, tabby cat"
    /// ```
    ///
    /// - Parameters:
    ///   - topK: how many labels to return.
    ///   - function: how scores are computed from the model's outputs.
    public func classifyImage(
        _ image: MediaInput, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ClassificationLabel] {
        let input = try Self.classificationBody(inputs: nil, topK: topK, function: function)
        return try await json(ClassificationList.self, .imageClassification, model: model, via: destination, input: input, media: image).labels
    }

    /// Scores the image against labels you choose (at least two), with a model such as CLIP.
    ///
    /// ```swift
    /// let scores = try await client.multimodal.classifyImage(photo, labels: ["cat", "dog"], model: "openai/clip-vit-base-patch32")
    /// ```
    ///
    /// - Parameter hypothesisTemplate: the sentence each label is put in, with `{}` for the label
    ///   (the model's default is `"This is a photo of {}."`).
    public func classifyImage(
        _ image: MediaInput, labels: [String], model: ModelID, hypothesisTemplate: String? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ClassificationLabel] {
        try Self.validateLabels(labels)
        let input = Self.body(inputs: nil, [
            ("candidate_labels", .array(labels.map(JSONValue.string))),
            ("hypothesis_template", hypothesisTemplate.map(JSONValue.string)),
        ])
        return try await json(ClassificationList.self, .zeroShotImageClassification, model: model, via: destination, input: input, media: image).labels
    }

    /// The objects in the image, with boxes in pixels.
    ///
    /// ```swift
    /// for object in try await client.multimodal.detectObjects(in: photo, model: "facebook/detr-resnet-50") {
    ///     print(object.label, object.box)
    /// }
    /// ```
    ///
    /// - Parameter threshold: the lowest score an object needs to be returned.
    public func detectObjects(
        in image: MediaInput, model: ModelID, threshold: Double? = nil, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [DetectedObject] {
        try Validation.range(threshold, field: "threshold", in: 0...1)
        let input = Self.body(inputs: nil, [("threshold", threshold.map(JSONValue.double))])
        return try await json([DetectedObject].self, .objectDetection, model: model, via: destination, input: input, media: image)
    }

    /// The image's regions, each with a PNG mask.
    ///
    /// ```swift
    /// let segments = try await client.multimodal.segmentImage(photo, model: "facebook/detr-resnet-50-panoptic")
    /// try segments[0].mask.write(to: URL(fileURLWithPath: "mask.png"))
    /// ```
    public func segmentImage(
        _ image: MediaInput, model: ModelID, subtask: SegmentationSubtask? = nil, threshold: Double? = nil,
        maskThreshold: Double? = nil, overlapMaskAreaThreshold: Double? = nil, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ImageSegment] {
        try Validation.range(threshold, field: "threshold", in: 0...1)
        try Validation.range(maskThreshold, field: "maskThreshold", in: 0...1)
        try Validation.range(overlapMaskAreaThreshold, field: "overlapMaskAreaThreshold", in: 0...1)
        let input = Self.body(inputs: nil, [
            ("mask_threshold", maskThreshold.map(JSONValue.double)),
            ("overlap_mask_area_threshold", overlapMaskAreaThreshold.map(JSONValue.double)),
            ("subtask", subtask.map { .string($0.rawValue) }),
            ("threshold", threshold.map(JSONValue.double)),
        ])
        return try await json([ImageSegment].self, .imageSegmentation, model: model, via: destination, input: input, media: image)
    }

    /// A caption for the image.
    ///
    /// ```swift
    /// let caption = try await client.multimodal.captionImage(photo, model: "Salesforce/blip-image-captioning-base")
    /// ```
    public func captionImage(
        _ image: MediaInput, model: ModelID, maxNewTokens: Int? = nil, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> String {
        try Validation.positive(maxNewTokens, field: "maxNewTokens")
        let input = Self.body(inputs: nil, [("max_new_tokens", maxNewTokens.map { .integer(Int64($0)) })])
        return try await text(at: "generated_text", .imageToText, model: model, via: destination, input: input, media: image)
    }

    /// Answers to a question about the image, best first.
    ///
    /// ```swift
    /// let answers = try await client.multimodal.answerQuestion("Who is in the picture?", aboutImage: photo, model: "dandelin/vilt-b32-finetuned-vqa")
    /// ```
    public func answerQuestion(
        _ question: String, aboutImage image: MediaInput, model: ModelID, topK: Int? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [QuestionAnswer] {
        try await answerAboutImage(.visualQuestionAnswering, question: question, image: image, model: model, parameters: [("top_k", topK.map { .integer(Int64($0)) })], topK: topK, via: destination)
    }

    /// Answers to a question about a scanned document (an invoice, a form), best first; `start`
    /// and `end` are word indices.
    ///
    /// ```swift
    /// let answers = try await client.multimodal.answerQuestion("What is the total?", aboutDocument: .file(invoice), model: "impira/layoutlm-invoices")
    /// ```
    ///
    /// - Parameter language: the document's language, for the OCR step (`"eng"`).
    public func answerQuestion(
        _ question: String, aboutDocument document: MediaInput, model: ModelID, topK: Int? = nil,
        language: String? = nil, maxAnswerLength: Int? = nil, handleImpossibleAnswer: Bool? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [QuestionAnswer] {
        try Validation.positive(maxAnswerLength, field: "maxAnswerLength")
        return try await answerAboutImage(.documentQuestionAnswering, question: question, image: document, model: model, parameters: [
            ("handle_impossible_answer", handleImpossibleAnswer.map(JSONValue.bool)),
            ("lang", language.map(JSONValue.string)),
            ("max_answer_len", maxAnswerLength.map { .integer(Int64($0)) }),
            ("top_k", topK.map { .integer(Int64($0)) }),
        ], topK: topK, via: destination)
    }

    /// Visual and document question answering share one body, `{"inputs": {"question", "image"},
    /// "parameters"}`; the image can only go as base64 inside it.
    private func answerAboutImage(
        _ task: InferenceTask, question: String, image: MediaInput, model: ModelID,
        parameters: [(String, JSONValue?)], topK: Int?, via destination: TaskDestination
    ) async throws(HFError) -> [QuestionAnswer] {
        try Validation.nonBlank(question, field: "question")
        try Validation.positive(topK, field: "topK")
        let client = self.client
        return try await call(task, model: model, via: destination, input: [:], media: image) { response, call in
            try client.decode(AnswerList.self, from: response, context: call.context).answers
        } shape: { payload in
            guard let media = payload.media else { return payload }
            let inputs: JSONValue = ["question": .string(question), "image": .string(media.data.base64EncodedString())]
            return TaskPayload(json: Self.body(inputs: inputs, parameters))
        }
    }

    /// A classifier's body: `top_k` and `function_to_apply` when given.
    static func classificationBody(inputs: JSONValue?, topK: Int?, function: ClassificationFunction?) throws(HFError) -> JSONObject {
        try Validation.positive(topK, field: "topK")
        return body(inputs: inputs, [("function_to_apply", function.map { .string($0.rawValue) }), ("top_k", topK.map { .integer(Int64($0)) })])
    }

    static func validateLabels(_ labels: [String]) throws(HFError) {
        try Validation.count(labels, field: "labels", minimum: 2)
        for label in labels { try Validation.nonBlank(label, field: "labels") }
    }
}
