import Foundation
import HFFull

/// Files in and out of the vision and audio tasks.
///
/// ```swift
/// let photo = MediaFile.input("cat.jpg")                     // "-": standard input
/// try MediaFile.write(image, to: "astronaut.png", json: false)
/// ```
enum MediaFile {
    /// The file at `path` (read when the call is made, so a missing file is a validation error),
    /// or standard input's bytes for `-`.
    static func input(_ path: String) -> MediaInput {
        if path == "-" { return .data(FileHandle.standardInput.readDataToEndOfFile()) }
        return .file(URL(fileURLWithPath: path))
    }

    /// What `--json` prints for a written file.
    struct Written: Encodable {
        let file: String
        let contentType: String
        let bytes: Int
    }

    /// Writes `output` to `path` and says so: a line, or ``Written`` as JSON.
    static func write(_ output: MediaOutput, to path: String, json: Bool) throws {
        try output.write(to: URL(fileURLWithPath: path))
        let written = Written(file: path, contentType: output.contentType, bytes: output.data.count)
        if json {
            try JSONOutput.print(written)
        } else {
            Console.line("wrote \(written.bytes) bytes (\(written.contentType)) to \(path)")
        }
    }
}
