import ArgumentParser
import Foundation
import HFFull

/// `hf detect-objects`: the objects in an image, with boxes in pixels.
///
/// ```sh
/// hf detect-objects street.jpg -m facebook/detr-resnet-50 --threshold 0.9
/// ```
struct DetectObjects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find objects in an image: label, score and box (x, y, width × height in pixels).",
        discussion: "With --json: [{label, score, box: {xmin, ymin, xmax, ymax}}]."
    )

    @OptionGroup var input: InputFile

    @Option(help: "The lowest score an object needs, 0 to 1.")
    var threshold: Double?

    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let objects = try await common.client().multimodal.detectObjects(in: input.media, model: task.modelID, threshold: threshold, via: task.destination)
        if common.json {
            try JSONOutput.print(objects)
            return
        }
        for object in objects {
            let box = object.box
            Console.line("\(object.label)\t\(String(format: "%.4f", object.score))\t(\(box.xmin), \(box.ymin)) \(box.width)×\(box.height)")
        }
    }
}
