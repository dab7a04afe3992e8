import HFSync

// Uses HFSync alone: a blocking call from the main thread is refused before anything is sent.
let client = HFClient(configuration: HFConfiguration(token: "hf_consumer_smoke_placeholder"))
do {
    _ = try client.sync.chat("Hi", model: .llama3_8BInstruct)
    print("HFSync consumer failed: the main thread was not refused")
} catch {
    print("HFSync consumer OK: refused with \(error.category) on the main thread")
}
