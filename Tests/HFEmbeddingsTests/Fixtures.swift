import Foundation
import HFReplay

/// The recorded feature-extraction cases: the recorded request's text and model, and the response.
struct FeatureExtractionFixture: CustomStringConvertible, Sendable {
    let file: String
    let model: String
    let text: String
    let interaction: RecordedInteraction

    var description: String { file }

    /// Every recorded feature-extraction interaction, whatever route it was recorded on
    /// (`/hf-inference/pipeline/feature-extraction/{id}`, `api-inference.huggingface.co/pipeline/…`).
    static let all: [FeatureExtractionFixture] = {
        [
            "TestInferenceClient.test_feature_extraction_with_sentence_transformers_hf-inference_feature-extraction",
            "TestInferenceClient.test_feature_extraction_with_transformers_hf-inference_feature-extraction",
            "legacy.InferenceClientVCRTest.test_feature_extraction",
            "legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers",
            "legacy.InferenceClientVCRTest.test_feature_extraction_with_transformers",
            "InferenceApiTest.test_inference_overriding_task",
        ].map { file in
            let recorded = try! RecordedCase.load(file)
            let interaction = recorded.interactions.first { $0.request.url.path.contains("/pipeline/feature-extraction/") }!
            let path = interaction.request.url.path
            let model = String(path[path.range(of: "/pipeline/feature-extraction/")!.upperBound...])
            let body = try! JSONSerialization.jsonObject(with: interaction.request.body!) as! [String: Any]
            return FeatureExtractionFixture(file: file, model: model, text: body["inputs"] as! String, interaction: interaction)
        }
    }()
}

/// What Foundation's `JSONDecoder` makes of an embeddings body, flattened: the reference the fast
/// decoder must equal bit for bit.
func foundationFloats(_ data: Data) throws -> (values: [Float], rank: Int) {
    let decoder = JSONDecoder()
    if let vector = try? decoder.decode([Float].self, from: data) { return (vector, 1) }
    if let matrix = try? decoder.decode([[Float]].self, from: data) { return (matrix.flatMap { $0 }, 2) }
    if let cube = try? decoder.decode([[[Float]]].self, from: data) { return (cube.flatMap { $0.flatMap { $0 } }, 3) }
    return (try decoder.decode([[[[Float]]]].self, from: data).flatMap { $0.flatMap { $0.flatMap { $0 } } }, 4)
}

extension Array where Element == Float {
    var bitPatterns: [UInt32] { map(\.bitPattern) }
}
