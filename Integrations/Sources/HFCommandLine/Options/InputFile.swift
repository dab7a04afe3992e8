import ArgumentParser
import Foundation
import HFFull

/// The file a vision or audio task reads: a path, or `-` for standard input.
///
/// ```swift
/// @OptionGroup var input: InputFile
/// // client.multimodal.captionImage(input.media, model: task.modelID)
/// ```
struct InputFile: ParsableArguments {
    @Argument(help: "The image or audio file; \"-\" reads standard input.")
    var file: String

    /// The file (read when the call is made, so a missing file is a validation error), or
    /// standard input's bytes for `-`.
    var media: MediaInput {
        if file == "-" { return .data(FileHandle.standardInput.readDataToEndOfFile()) }
        return .file(URL(fileURLWithPath: file))
    }
}
