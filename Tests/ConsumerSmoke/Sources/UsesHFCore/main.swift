import HFCore

// Uses HFCore alone: configuration, model ids and provider hosts, without any network call.
var configuration = HFConfiguration(token: "hf_consumer_smoke")
configuration.providerBaseURLs[.together] = Provider.together.directBaseURL
do {
    try ModelID.llama3_8BInstruct.validate()
    let client = HFClient(configuration: configuration)
    let request = client.makeRequest(.get, url: configuration.hubBaseURL.appendingPathComponent("api/whoami-v2"))
    print("HFCore consumer OK: \(request.route), together at \(configuration.providerBaseURLs[.together]?.absoluteString ?? "?"), token \(configuration.token?.description ?? "none")")
} catch {
    print("HFCore consumer failed: \(error)")
}
