import ArgumentParser
import Foundation
import HFFull

/// `hf classify-image`: labels for what an image shows, best first.
///
/// ```sh
/// hf classify-image cat.jpg -m google/vit-base-patch16-224
/// hf classify-image cat.jpg -m openai/clip-vit-base-patch32 --labels cat,dog
/// ```
struct ClassifyImage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label an image: score and label, best first.",
        discussion: "With --labels, the image is scored against your labels (zero-shot). With --json: [{label, score}]."
    )

    @OptionGroup var input: InputFile

    @Option(help: "Labels of your own, comma-separated (at least two), for a zero-shot model such as CLIP.")
    var labels: String?

    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let multimodal = common.client().multimodal
        let image = input.media
        let scored = if let labels {
            try await multimodal.classifyImage(image, labels: labels.split(separator: ",").map(String.init), model: task.modelID, via: task.destination)
        } else {
            try await multimodal.classifyImage(image, model: task.modelID, via: task.destination)
        }
        if common.json {
            try JSONOutput.print(scored)
        } else {
            for entry in scored { Console.line(String(format: "%.4f", entry.score) + "  " + entry.label) }
        }
    }
}
