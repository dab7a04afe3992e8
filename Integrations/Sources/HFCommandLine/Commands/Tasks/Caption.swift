import ArgumentParser
import HFFull

/// `hf caption`: a sentence describing an image.
///
/// ```sh
/// hf caption photo.jpg -m Salesforce/blip-image-captioning-base
/// ```
struct Caption: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe an image in a sentence.",
        discussion: "With --json: {caption}."
    )

    @OptionGroup var input: InputFile
    @OptionGroup var task: TaskOptions
    @OptionGroup var common: CommonOptions

    struct Output: Encodable {
        let caption: String
    }

    func run() async throws {
        let caption = try await common.client().multimodal.captionImage(input.media, model: task.modelID, via: task.destination)
        if common.json {
            try JSONOutput.print(Output(caption: caption))
        } else {
            Console.line(caption)
        }
    }
}
