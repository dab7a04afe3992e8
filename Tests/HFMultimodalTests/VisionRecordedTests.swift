import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// The vision tasks against every recorded hf-inference case: the request we send (route, headers,
/// raw bytes or JSON) and the typed result, compared with what Foundation reads from the same body.
@Suite("Vision tasks, recorded")
struct VisionRecordedTests {
    @Test("image classification: the image as the raw body, labels best first", arguments: [
        "TestInferenceClient.test_image_classification_hf-inference_image-classification",
        "legacy.InferenceClientVCRTest.test_image_classification",
    ])
    func imageClassification(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let labels = try await recording.client.multimodal.classifyImage(.data(recording.upload), model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.path.hasSuffix(recording.inferencePath))
        #expect(sent.body == recording.upload)
        #expect(sent.header("Content-Type") == "image/png")
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        #expect(sent.header("Accept") == "application/json")
        #expect(labels.pairs == pairs(try recording.reference([ReferenceLabel].self)))
        #expect(labels.first?.label == "brassiere, bra, bandeau")
    }

    @Test("image classification with parameters: base64 JSON on the same route")
    func imageClassificationWithParameters() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        _ = try await recording.client.multimodal.classifyImage(.base64(recording.upload.base64EncodedString()), model: recording.model, topK: 2, function: .softmax)

        let sent = try recording.sentInference()
        #expect(sent.header("Content-Type") == "application/json")
        let json = try sent.jsonObject()
        #expect(json["inputs"] as? String == recording.upload.base64EncodedString())
        #expect(json["parameters"] as? NSDictionary == ["function_to_apply": "softmax", "top_k": 2])
    }

    @Test("object detection: boxes in pixels", arguments: [
        "TestInferenceClient.test_object_detection_hf-inference_object-detection",
        "legacy.InferenceClientVCRTest.test_object_detection",
    ])
    func objectDetection(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let objects = try await recording.client.multimodal.detectObjects(in: .data(recording.upload), model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.body == recording.upload)
        let reference = recording.responseJSON as! [[String: Any]]
        #expect(objects.count == reference.count)
        for (object, expected) in zip(objects, reference) {
            let box = expected["box"] as! [String: Int]
            #expect(object.label == expected["label"] as? String)
            #expect(object.box == BoundingBox(xmin: box["xmin"]!, ymin: box["ymin"]!, xmax: box["xmax"]!, ymax: box["ymax"]!))
        }
        #expect(objects.map(\.score) == (try recording.reference([ReferenceLabel].self)).map(\.score))
        #expect(objects[0].label == "person" && objects[0].box.width == 361)
    }

    @Test("image segmentation: masks decoded to PNG bytes", arguments: [
        "TestInferenceClient.test_image_segmentation_hf-inference_image-segmentation",
        "legacy.InferenceClientVCRTest.test_image_segmentation",
    ])
    func imageSegmentation(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let segments = try await recording.client.multimodal.segmentImage(.data(recording.upload), model: recording.model)

        #expect(try recording.sentInference().body == recording.upload)
        let reference = recording.responseJSON as! [[String: Any]]
        #expect(segments.count == reference.count)
        #expect(segments.map(\.score) == (try recording.reference([ReferenceLabel.Optional].self)).map(\.score))
        for (segment, expected) in zip(segments, reference) {
            #expect(segment.label == expected["label"] as? String)
            #expect(segment.mask == Data(base64Encoded: expected["mask"] as! String))
            #expect(segment.mask.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test("image segmentation with a subtask and thresholds: JSON with the image in base64")
    func imageSegmentationParameters() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_segmentation_hf-inference_image-segmentation")
        _ = try await recording.client.multimodal.segmentImage(.data(recording.upload), model: recording.model, subtask: .panoptic, threshold: 0.9)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? String == recording.upload.base64EncodedString())
        #expect(json["parameters"] as? NSDictionary == ["subtask": "panoptic", "threshold": 0.9])
    }

    @Test("image to text: the caption from a list of one", arguments: [
        "TestInferenceClient.test_image_to_text_hf-inference_image-to-text",
        "legacy.InferenceClientVCRTest.test_image_to_text",
    ])
    func imageToText(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let caption = try await recording.client.multimodal.captionImage(.data(recording.upload), model: recording.model)

        #expect(try recording.sentInference().body == recording.upload)
        #expect(caption == "a woman in a hat and dress posing for a photo")
    }

    @Test("zero-shot image classification: base64 with the candidate labels", arguments: [
        "TestInferenceClient.test_zero_shot_image_classification_hf-inference_zero-shot-image-classification",
        "legacy.InferenceClientVCRTest.test_zero_shot_image_classification",
    ])
    func zeroShotImageClassification(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let labels = try await recording.client.multimodal.classifyImage(.data(recording.upload), labels: ["tree", "woman", "cat"], model: recording.model)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? String == recording.upload.base64EncodedString())
        #expect(json["parameters"] as? NSDictionary == ["candidate_labels": ["tree", "woman", "cat"]])
        #expect(labels.pairs == pairs(try recording.reference([ReferenceLabel].self)))
        #expect(labels.first?.label == "woman")
    }

    @Test("visual question answering: the question and the image together in `inputs`", arguments: [
        "TestInferenceClient.test_visual_question_answering_hf-inference_visual-question-answering",
        "legacy.InferenceClientVCRTest.test_visual_question_answering",
    ])
    func visualQuestionAnswering(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let answers = try await recording.client.multimodal.answerQuestion("Who's in the picture?", aboutImage: .data(recording.upload), model: recording.model)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? NSDictionary == ["question": "Who's in the picture?", "image": recording.upload.base64EncodedString()])
        let reference = try recording.reference([ReferenceLabel.Answer].self)
        #expect(answers.map(\.answer) == reference.map(\.answer))
        #expect(answers.map(\.score) == reference.map(\.score))
        #expect(answers.first?.answer == "woman")
    }

    @Test("document question answering: word-index answers, score absent", arguments: [
        "TestInferenceClient.test_document_question_answering_hf-inference_document-question-answering",
        "legacy.InferenceClientVCRTest.test_document_question_answering",
    ])
    func documentQuestionAnswering(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let answers = try await recording.client.multimodal.answerQuestion("What is the purchase amount?", aboutDocument: .data(recording.upload), model: recording.model)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? NSDictionary == ["question": "What is the purchase amount?", "image": recording.upload.base64EncodedString()])
        #expect(json["parameters"] as? NSDictionary == [:])
        let reference = recording.responseJSON as! [[String: Any]]
        #expect(answers == [QuestionAnswer(answer: reference[0]["answer"] as! String)])
    }

    @Test("a dedicated endpoint gets hf-inference's body at its URL as given")
    func endpoint() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        let endpoint = recording.server.url(for: recording.inference.request.url)
        let labels = try await recording.client.multimodal.classifyImage(.data(recording.upload), model: "my-endpoint", via: .endpoint(endpoint))

        let sent = try recording.sentInference()
        #expect(sent.host == "router.huggingface.co" && sent.path == recording.inferencePath)
        #expect(sent.body == recording.upload)
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        #expect(labels.count == 5)
    }
}
