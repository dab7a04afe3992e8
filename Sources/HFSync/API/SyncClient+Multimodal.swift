import HFCore
import HFMultimodal

// The multimodal tasks: each call is the async one, waited for.
extension SyncClient {
    /// ``MultimodalAPI/classifyText(_:model:topK:function:via:)``, blocking.
    ///
    /// ```swift
    /// let labels = try client.sync.classifyText("I like you", model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english")
    /// ```
    public func classifyText(_ text: String, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ClassificationLabel] {
        try run("classifyText") { try await $0.multimodal.classifyText(text, model: model, topK: topK, function: function, via: destination) }
    }

    /// ``MultimodalAPI/classifyText(_:labels:model:multiLabel:hypothesisTemplate:via:)``, blocking.
    ///
    /// ```swift
    /// let labels = try client.sync.classifyText("A new GPU is out", labels: ["tech", "sports"], model: "facebook/bart-large-mnli")
    /// ```
    public func classifyText(_ text: String, labels: [String], model: ModelID, multiLabel: Bool = false, hypothesisTemplate: String? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ClassificationLabel] {
        try run("classifyText") { try await $0.multimodal.classifyText(text, labels: labels, model: model, multiLabel: multiLabel, hypothesisTemplate: hypothesisTemplate, via: destination) }
    }

    /// ``MultimodalAPI/classifyTokens(_:model:aggregation:ignoreLabels:stride:via:)``, blocking.
    ///
    /// ```swift
    /// let entities = try client.sync.classifyTokens("My name is Sarah Jessica Parker", model: "dslim/bert-base-NER")
    /// ```
    public func classifyTokens(_ text: String, model: ModelID, aggregation: AggregationStrategy? = nil, ignoreLabels: [String]? = nil, stride: Int? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [TokenEntity] {
        try run("classifyTokens") { try await $0.multimodal.classifyTokens(text, model: model, aggregation: aggregation, ignoreLabels: ignoreLabels, stride: stride, via: destination) }
    }

    /// ``MultimodalAPI/answerQuestion(_:context:model:topK:maxAnswerLength:handleImpossibleAnswer:via:)``, blocking.
    ///
    /// ```swift
    /// let answers = try client.sync.answerQuestion("What is my name?", context: "My name is Clara.", model: "deepset/roberta-base-squad2")
    /// ```
    public func answerQuestion(_ question: String, context: String, model: ModelID, topK: Int? = nil, maxAnswerLength: Int? = nil, handleImpossibleAnswer: Bool? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [QuestionAnswer] {
        try run("answerQuestion") { try await $0.multimodal.answerQuestion(question, context: context, model: model, topK: topK, maxAnswerLength: maxAnswerLength, handleImpossibleAnswer: handleImpossibleAnswer, via: destination) }
    }

    /// ``MultimodalAPI/answerQuestion(_:table:model:via:)``, blocking.
    ///
    /// ```swift
    /// let answer = try client.sync.answerQuestion("How many stars?", table: ["repo": ["a", "b"], "stars": ["36", "12"]], model: "google/tapas-base-finetuned-wtq")
    /// ```
    public func answerQuestion(_ question: String, table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic) throws(HFError) -> TableAnswer {
        try run("answerQuestion") { try await $0.multimodal.answerQuestion(question, table: table, model: model, via: destination) }
    }

    /// ``MultimodalAPI/fillMask(_:model:topK:targets:via:)``, blocking.
    ///
    /// ```swift
    /// let fills = try client.sync.fillMask("The goal of life is <mask>.", model: "FacebookAI/roberta-base")
    /// ```
    public func fillMask(_ text: String, model: ModelID, topK: Int? = nil, targets: [String]? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [MaskFill] {
        try run("fillMask") { try await $0.multimodal.fillMask(text, model: model, topK: topK, targets: targets, via: destination) }
    }

    /// ``MultimodalAPI/summarize(_:model:generationParameters:via:)``, blocking.
    ///
    /// ```swift
    /// let summary = try client.sync.summarize(article, model: "facebook/bart-large-cnn")
    /// ```
    public func summarize(_ text: String, model: ModelID, generationParameters: JSONObject = [:], via destination: TaskDestination = .automatic) throws(HFError) -> String {
        try run("summarize") { try await $0.multimodal.summarize(text, model: model, generationParameters: generationParameters, via: destination) }
    }

    /// ``MultimodalAPI/translate(_:model:from:to:via:)``, blocking.
    ///
    /// ```swift
    /// let french = try client.sync.translate("My name is Wolfgang", model: "google-t5/t5-small")
    /// ```
    public func translate(_ text: String, model: ModelID, from sourceLanguage: String? = nil, to targetLanguage: String? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> String {
        try run("translate") { try await $0.multimodal.translate(text, model: model, from: sourceLanguage, to: targetLanguage, via: destination) }
    }

    /// ``MultimodalAPI/classifyRows(_:model:via:)``, blocking.
    ///
    /// ```swift
    /// let classes = try client.sync.classifyRows(["fixed_acidity": ["7.4", "7.8"]], model: "julien-c/wine-quality")
    /// ```
    public func classifyRows(_ table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic) throws(HFError) -> [String] {
        try run("classifyRows") { try await $0.multimodal.classifyRows(table, model: model, via: destination) }
    }

    /// ``MultimodalAPI/predictRows(_:model:via:)``, blocking.
    ///
    /// ```swift
    /// let values = try client.sync.predictRows(["Height": ["11.52", "12.48"]], model: "scikit-learn/Fish-Weight")
    /// ```
    public func predictRows(_ table: [String: [String]], model: ModelID, via destination: TaskDestination = .automatic) throws(HFError) -> [Double] {
        try run("predictRows") { try await $0.multimodal.predictRows(table, model: model, via: destination) }
    }

    /// ``MultimodalAPI/classifyImage(_:model:topK:function:via:)``, blocking.
    ///
    /// ```swift
    /// let labels = try client.sync.classifyImage(.file(photo), model: "google/vit-base-patch16-224")
    /// ```
    public func classifyImage(_ image: MediaInput, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ClassificationLabel] {
        try run("classifyImage") { try await $0.multimodal.classifyImage(image, model: model, topK: topK, function: function, via: destination) }
    }

    /// ``MultimodalAPI/classifyImage(_:labels:model:hypothesisTemplate:via:)``, blocking.
    ///
    /// ```swift
    /// let labels = try client.sync.classifyImage(.file(photo), labels: ["cat", "dog"], model: "openai/clip-vit-base-patch32")
    /// ```
    public func classifyImage(_ image: MediaInput, labels: [String], model: ModelID, hypothesisTemplate: String? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ClassificationLabel] {
        try run("classifyImage") { try await $0.multimodal.classifyImage(image, labels: labels, model: model, hypothesisTemplate: hypothesisTemplate, via: destination) }
    }

    /// ``MultimodalAPI/detectObjects(in:model:threshold:via:)``, blocking.
    ///
    /// ```swift
    /// let objects = try client.sync.detectObjects(in: .file(photo), model: "facebook/detr-resnet-50")
    /// ```
    public func detectObjects(in image: MediaInput, model: ModelID, threshold: Double? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [DetectedObject] {
        try run("detectObjects") { try await $0.multimodal.detectObjects(in: image, model: model, threshold: threshold, via: destination) }
    }

    /// ``MultimodalAPI/segmentImage(_:model:subtask:threshold:maskThreshold:overlapMaskAreaThreshold:via:)``, blocking.
    ///
    /// ```swift
    /// let segments = try client.sync.segmentImage(.file(photo), model: "facebook/detr-resnet-50-panoptic")
    /// ```
    public func segmentImage(_ image: MediaInput, model: ModelID, subtask: SegmentationSubtask? = nil, threshold: Double? = nil, maskThreshold: Double? = nil, overlapMaskAreaThreshold: Double? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ImageSegment] {
        try run("segmentImage") { try await $0.multimodal.segmentImage(image, model: model, subtask: subtask, threshold: threshold, maskThreshold: maskThreshold, overlapMaskAreaThreshold: overlapMaskAreaThreshold, via: destination) }
    }

    /// ``MultimodalAPI/captionImage(_:model:maxNewTokens:via:)``, blocking.
    ///
    /// ```swift
    /// let caption = try client.sync.captionImage(.file(photo), model: "Salesforce/blip-image-captioning-base")
    /// ```
    public func captionImage(_ image: MediaInput, model: ModelID, maxNewTokens: Int? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> String {
        try run("captionImage") { try await $0.multimodal.captionImage(image, model: model, maxNewTokens: maxNewTokens, via: destination) }
    }

    /// ``MultimodalAPI/answerQuestion(_:aboutImage:model:topK:via:)``, blocking.
    ///
    /// ```swift
    /// let answers = try client.sync.answerQuestion("What animal is it?", aboutImage: .file(photo), model: "dandelin/vilt-b32-finetuned-vqa")
    /// ```
    public func answerQuestion(_ question: String, aboutImage image: MediaInput, model: ModelID, topK: Int? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [QuestionAnswer] {
        try run("answerQuestion") { try await $0.multimodal.answerQuestion(question, aboutImage: image, model: model, topK: topK, via: destination) }
    }

    /// ``MultimodalAPI/answerQuestion(_:aboutDocument:model:topK:language:maxAnswerLength:handleImpossibleAnswer:via:)``, blocking.
    ///
    /// ```swift
    /// let answers = try client.sync.answerQuestion("What is the total?", aboutDocument: .file(invoice), model: "impira/layoutlm-document-qa")
    /// ```
    public func answerQuestion(_ question: String, aboutDocument document: MediaInput, model: ModelID, topK: Int? = nil, language: String? = nil, maxAnswerLength: Int? = nil, handleImpossibleAnswer: Bool? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [QuestionAnswer] {
        try run("answerQuestion") { try await $0.multimodal.answerQuestion(question, aboutDocument: document, model: model, topK: topK, language: language, maxAnswerLength: maxAnswerLength, handleImpossibleAnswer: handleImpossibleAnswer, via: destination) }
    }

    /// ``MultimodalAPI/transcribe(_:model:returnTimestamps:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// let text = try client.sync.transcribe(.file(recording), model: "openai/whisper-large-v3").text
    /// ```
    public func transcribe(_ audio: MediaInput, model: ModelID, returnTimestamps: Bool? = nil, parameters: JSONObject = [:], via destination: TaskDestination = .automatic) throws(HFError) -> Transcription {
        try run("transcribe") { try await $0.multimodal.transcribe(audio, model: model, returnTimestamps: returnTimestamps, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/textToSpeech(_:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.textToSpeech("Hello", model: "espnet/kan-bayashi_ljspeech_vits").write(to: output)
    /// ```
    public func textToSpeech(_ text: String, model: ModelID, parameters: JSONObject = [:], via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("textToSpeech") { try await $0.multimodal.textToSpeech(text, model: model, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/textToAudio(_:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.textToAudio("A calm piano melody", model: "facebook/musicgen-small").write(to: output)
    /// ```
    public func textToAudio(_ text: String, model: ModelID, parameters: JSONObject = [:], via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("textToAudio") { try await $0.multimodal.textToAudio(text, model: model, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/classifyAudio(_:model:topK:function:via:)``, blocking.
    ///
    /// ```swift
    /// let labels = try client.sync.classifyAudio(.file(recording), model: "superb/hubert-large-superb-er")
    /// ```
    public func classifyAudio(_ audio: MediaInput, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil, via destination: TaskDestination = .automatic) throws(HFError) -> [ClassificationLabel] {
        try run("classifyAudio") { try await $0.multimodal.classifyAudio(audio, model: model, topK: topK, function: function, via: destination) }
    }

    /// ``MultimodalAPI/audioToAudio(_:model:via:)``, blocking.
    ///
    /// ```swift
    /// let sources = try client.sync.audioToAudio(.file(recording), model: "speechbrain/sepformer-wham")
    /// ```
    public func audioToAudio(_ audio: MediaInput, model: ModelID, via destination: TaskDestination = .automatic) throws(HFError) -> [LabeledAudio] {
        try run("audioToAudio") { try await $0.multimodal.audioToAudio(audio, model: model, via: destination) }
    }

    /// ``MultimodalAPI/textToImage(_:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.textToImage("An astronaut riding a horse", model: "black-forest-labs/FLUX.1-dev").write(to: output)
    /// ```
    public func textToImage(_ prompt: String, model: ModelID, parameters: GenerationParameters = GenerationParameters(), via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("textToImage") { try await $0.multimodal.textToImage(prompt, model: model, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/imageToImage(_:prompt:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.imageToImage(.file(photo), prompt: "Make it winter", model: "timbrooks/instruct-pix2pix").write(to: output)
    /// ```
    public func imageToImage(_ image: MediaInput, prompt: String? = nil, model: ModelID, parameters: GenerationParameters = GenerationParameters(), via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("imageToImage") { try await $0.multimodal.imageToImage(image, prompt: prompt, model: model, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/textToVideo(_:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.textToVideo("A cat playing piano", model: "Wan-AI/Wan2.1-T2V-14B").write(to: output)
    /// ```
    public func textToVideo(_ prompt: String, model: ModelID, parameters: GenerationParameters = GenerationParameters(), via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("textToVideo") { try await $0.multimodal.textToVideo(prompt, model: model, parameters: parameters, via: destination) }
    }

    /// ``MultimodalAPI/imageToVideo(_:prompt:model:parameters:via:)``, blocking.
    ///
    /// ```swift
    /// try client.sync.imageToVideo(.file(photo), prompt: "The waves move", model: "Wan-AI/Wan2.1-I2V-14B-720P").write(to: output)
    /// ```
    public func imageToVideo(_ image: MediaInput, prompt: String? = nil, model: ModelID, parameters: GenerationParameters = GenerationParameters(), via destination: TaskDestination = .automatic) throws(HFError) -> MediaOutput {
        try run("imageToVideo") { try await $0.multimodal.imageToVideo(image, prompt: prompt, model: model, parameters: parameters, via: destination) }
    }
}
