import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// The text tasks against every recorded case: the JSON we send and the typed result.
@Suite("Text tasks, recorded")
struct TextRecordedTests {
    @Test("text classification: the outer list of one is unwrapped", arguments: [
        "TestInferenceClient.test_text_classification_hf-inference_text-classification",
        "legacy.InferenceClientVCRTest.test_text_classification",
    ])
    func textClassification(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let labels = try await recording.client.multimodal.classifyText("I like you", model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.path == "/" + recording.inference.request.url.path.drop { $0 == "/" })
        #expect(sent.header("Content-Type") == "application/json")
        #expect(try sent.jsonObject() as NSDictionary == ["inputs": "I like you", "parameters": [:]])
        #expect(labels.pairs == pairs(try recording.reference([[ReferenceLabel]].self)[0]))
        #expect(labels.first?.label == "POSITIVE")
    }

    @Test("token classification: entity groups with offsets", arguments: [
        "TestInferenceClient.test_token_classification_hf-inference_token-classification",
        "legacy.InferenceClientVCRTest.test_token_classification",
    ])
    func tokenClassification(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let text = "My name is Sarah Jessica Parker but you can call me Jessica"
        let entities = try await recording.client.multimodal.classifyTokens(text, model: recording.model)

        #expect(try recording.sentInference().jsonObject() as NSDictionary == ["inputs": text, "parameters": [:]])
        #expect(entities.map(\.word) == ["Sarah Jessica Parker", "Jessica"])
        #expect(entities.map(\.label) == ["PER", "PER"])
        #expect(entities.map(\.start) == [11, 52] && entities.map(\.end) == [31, 59])
        #expect(entities.map(\.score) == (try recording.reference([ReferenceLabel.Entity].self)).map(\.score))
    }

    @Test("zero-shot classification: labels and multi_label sent, the sequence/labels/scores form read", arguments: [
        ("TestInferenceClient.test_zero_shot_classification_multi_label_hf-inference_zero-shot-classification", true),
        ("TestInferenceClient.test_zero_shot_classification_single_label_hf-inference_zero-shot-classification", false),
        ("legacy.InferenceClientVCRTest.test_zero_shot_classification_multi_label", true),
        ("legacy.InferenceClientVCRTest.test_zero_shot_classification_single_label", false),
    ])
    func zeroShotClassification(_ file: String, multiLabel: Bool) async throws {
        let recording = try TaskRecording(file)
        let text = recording.requestJSON["inputs"] as! String
        let candidates = ["space & cosmos", "scientific discovery", "microbiology", "robots", "archeology"]
        let labels = try await recording.client.multimodal.classifyText(text, labels: candidates, model: recording.model, multiLabel: multiLabel)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? String == text)
        #expect(json["parameters"] as? NSDictionary == ["candidate_labels": candidates, "multi_label": multiLabel])
        let reference = try recording.reference(ReferenceLabel.ZeroShot.self)
        #expect(labels.map(\.label) == reference.labels)
        #expect(labels.map(\.score) == reference.scores)
        #expect(labels.first?.label == "scientific discovery")
    }

    @Test("question answering: one answer object read as a list of one, with offsets")
    func questionAnswering() async throws {
        let recording = try TaskRecording("legacy.InferenceClientVCRTest.test_question_answering")
        let answers = try await recording.client.multimodal.answerQuestion("What is the meaning of life?", context: "42", model: recording.model)

        #expect(try recording.sentInference().jsonObject() as NSDictionary == ["inputs": ["question": "What is the meaning of life?", "context": "42"], "parameters": [:]])
        #expect(answers == [QuestionAnswer(answer: "42", score: try recording.reference(ReferenceLabel.Answer.self).score, start: 0, end: 2)])
    }

    @Test("question answering: the server's 400 for a body it cannot read is an api error quoting it")
    func questionAnsweringRefused() async throws {
        let recording = try TaskRecording("InferenceApiTest.test_inference_missing_input")
        let error = await #expect(throws: HFError.self) {
            try await recording.client.multimodal.answerQuestion("What's my name?", context: "I am Clara.", model: recording.model)
        }
        #expect(try recording.sentInference().path == "/hf-inference/models/deepset/roberta-base-squad2")
        #expect(error?.status == 400)
        #expect(error?.message.contains("Error in `inputs.context`: field required") == true)
    }

    @Test("table question answering: the query and the table beside `inputs`, as the service accepted them", arguments: [
        "TestInferenceClient.test_table_question_answering_hf-inference_table-question-answering",
        "legacy.InferenceClientVCRTest.test_table_question_answering",
    ])
    func tableQuestionAnswering(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let table = ["Repository": ["Transformers", "Datasets", "Tokenizers"], "Stars": ["36542", "4512", "3934"]]
        let question = "How many stars does the transformers repository have?"
        let answer = try await recording.client.multimodal.answerQuestion(question, table: table, model: recording.model)

        let json = try recording.sentInference().jsonObject()
        #expect(json["query"] as? String == question)
        #expect(json["table"] as? NSDictionary == table as NSDictionary)
        #expect(json["inputs"] is NSNull && json["parameters"] as? NSDictionary == [:])
        #expect(answer == TableAnswer(answer: "AVERAGE > 36542", coordinates: [[0, 1]], cells: ["36542"], aggregator: "AVERAGE"))
    }

    @Test("fill-mask: candidates with their token ids", arguments: [
        "legacy.InferenceClientVCRTest.test_fill_mask",
        "InferenceApiTest.test_simple_inference",
    ])
    func fillMask(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let text = recording.requestJSON["inputs"] as! String
        let fills = try await recording.client.multimodal.fillMask(text, model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.host == "router.huggingface.co" || sent.host == "api-inference.huggingface.co")
        #expect(try sent.jsonObject() as NSDictionary == ["inputs": text, "parameters": [:]])
        let reference = try recording.reference([ReferenceLabel.Fill].self)
        #expect(fills.map(\.sequence) == reference.map(\.sequence))
        #expect(fills.map(\.tokenString) == reference.map(\.token_str))
        #expect(fills.map(\.token) == reference.map(\.token))
        #expect(fills.map(\.score) == reference.map(\.score))
    }

    @Test("summarization: the text of a list of one", arguments: [
        "TestInferenceClient.test_summarization_hf-inference_summarization",
        "legacy.InferenceClientVCRTest.test_summarization",
    ])
    func summarization(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let text = recording.requestJSON["inputs"] as! String
        let summary = try await recording.client.multimodal.summarize(text, model: recording.model)

        #expect(try recording.sentInference().jsonObject() as NSDictionary == ["inputs": text, "parameters": [:]])
        #expect(summary == (try recording.reference([[String: String]].self))[0]["summary_text"])
    }

    @Test("translation, with and without the two languages", arguments: [
        ("TestInferenceClient.test_translation_hf-inference_translation", false),
        ("TestInferenceClient.test_translation_with_source_and_target_language_hf-inference_translation", true),
        ("legacy.InferenceClientVCRTest.test_translation", false),
        ("legacy.InferenceClientVCRTest.test_translation_with_source_and_target_language", true),
    ])
    func translation(_ file: String, languages: Bool) async throws {
        let recording = try TaskRecording(file)
        let translated = try await recording.client.multimodal.translate(
            "Hello world", model: recording.model, from: languages ? "en_XX" : nil, to: languages ? "fr_XX" : nil
        )

        let expected: NSDictionary = languages ? ["src_lang": "en_XX", "tgt_lang": "fr_XX"] : [:]
        #expect(try recording.sentInference().jsonObject() as NSDictionary == ["inputs": "Hello world", "parameters": expected])
        #expect(translated == (try recording.reference([[String: String]].self))[0]["translation_text"])
    }
}

extension ReferenceLabel {
    struct Entity: Decodable {
        let score: Double
    }

    struct ZeroShot: Decodable {
        let labels: [String]
        let scores: [Double]
    }

    struct Fill: Decodable {
        let sequence: String
        let score: Double
        let token: Int
        let token_str: String
    }
}
