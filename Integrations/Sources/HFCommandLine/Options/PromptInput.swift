import ArgumentParser

/// Text given as an argument, or read from standard input when the argument is absent or `-`.
///
/// ```swift
/// let prompt = try PromptInput.text(prompt, name: "prompt")   // `echo Hi | hf chat` reads "Hi"
/// ```
enum PromptInput {
    static func text(_ argument: String?, name: String) throws -> String {
        if let argument, argument != "-" { return argument }
        guard !Console.inputIsTerminal else {
            throw ValidationError("give the \(name) as an argument, or pipe it into standard input")
        }
        var text = Console.readInput()
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
