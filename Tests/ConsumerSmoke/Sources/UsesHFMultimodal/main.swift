import Foundation
import HFMultimodal

// Uses HFMultimodal alone: the client, a media input, parameters and the typed results, without
// any network call (an input the API refuses never reaches it).
let client = HFClient(configuration: HFConfiguration(token: "hf_consumer_smoke_token_0000000000"))
let parameters = GenerationParameters(width: 512, height: 512, seed: 7)
let image = MediaInput.data(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
do {
    _ = try await client.multimodal.classifyImage(image, labels: ["only one"], model: "openai/clip-vit-base-patch32")
    print("HFMultimodal consumer failed: one label was accepted")
} catch {
    print("HFMultimodal consumer OK: \(error.category), \(parameters.width ?? 0)px, \(BoundingBox(xmin: 0, ymin: 0, xmax: 4, ymax: 3).width)px box")
}
