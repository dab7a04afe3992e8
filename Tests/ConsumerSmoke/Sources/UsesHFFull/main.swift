import HFFull

// Uses the umbrella alone: one import reaches every product's API.
let client = HFClient(configuration: HFConfiguration(token: "hf_consumer_smoke"))
let request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])
let query = ModelQuery(search: "llama")
print("HFFull consumer OK: \(client.configuration.routerBaseURL), \(request.model), \(type(of: client.embeddings)), \(type(of: client.models)), \(type(of: client.multimodal)), \(query.search ?? "")")
