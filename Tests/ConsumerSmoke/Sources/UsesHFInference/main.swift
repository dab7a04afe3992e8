import HFInference

// Uses HFInference alone: builds and validates a chat request, without any network call.
let request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.system("Be brief."), .user("Hi")], maxTokens: 20)
do {
    try request.validate()
    print("HFInference consumer OK: \(request.messages.count) messages for \(request.model)")
} catch {
    print("HFInference consumer failed: \(error)")
}
