import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, written unbuffered so that streamed tokens show as they arrive.
///
/// ```swift
/// Console.out("Deep")          // no newline: the next token continues the line
/// Console.err("hf: waiting…")
/// ```
enum Console {
    /// Writes `text` to standard output as it is.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a newline to standard output.
    static func line(_ text: String) {
        out(text + "\n")
    }

    /// Writes `text` and a newline to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` as it is to standard error, for a status line redrawn in place.
    static func errInPlace(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal: progress is shown only there, never in a log or pipe.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether standard input is a terminal (then a missing prompt is an error, not a read).
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// All of standard input as text.
    static func readInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
