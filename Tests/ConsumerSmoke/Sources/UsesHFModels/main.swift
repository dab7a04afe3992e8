import HFCore
import HFModels

// Uses HFModels alone: building a listing query, without iterating it (no network call).
do {
    let client = HFClient(token: "hf_consumer_smoke")
    _ = try client.models.list(ModelQuery(pipelineTag: .featureExtraction, sort: .downloads, limit: 10))
    print("HFModels consumer OK")
} catch {
    print("HFModels consumer failed: \(error)")
}
