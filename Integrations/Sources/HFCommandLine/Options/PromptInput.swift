import ArgumentParser
import HFFull

/// Text given as an argument, or read from standard input when the argument is absent or `-`.
///
/// ```swift
/// let prompt = try PromptInput.text(prompt, name: "prompt")   // `echo Hi | hf chat` reads "Hi"
/// ```
enum PromptInput {
    /// The text; blank text is refused as the library refuses a blank prompt, before anything is sent.
    static func text(_ argument: String?, name: String) throws -> String {
        var text: String
        if let argument, argument != "-" {
            text = argument
        } else {
            guard !Console.inputIsTerminal else {
                throw ValidationError("give the \(name) as an argument, or pipe it into standard input")
            }
            text = Console.readInput()
            while text.last?.isNewline == true { text.removeLast() }
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw HFError(category: .validation, message: "the \(name) is empty", recoverySuggestion: "Give the \(name) as an argument or on standard input; nothing was sent.")
        }
        return text
    }
}
