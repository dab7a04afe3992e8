import HFCore

// Uses HFCore alone: configuration, routing and validation, without any network call.
let configuration = HFConfiguration(token: "hf_consumer_smoke")
let url = configuration.providerURL(.together, path: Provider.together.chatCompletionPath ?? "/v1/chat/completions")
do {
    try ModelID.llama3_8BInstruct.validate()
    print("HFCore consumer OK: \(url.absoluteString), token \(configuration.token?.description ?? "none")")
} catch {
    print("HFCore consumer failed: \(error)")
}
