// Seeds each fuzz target's corpus from the recorded traffic (Tests/HFReplay/Recorded), so the
// fuzzer starts from real bodies and headers. `Scripts/fuzz.sh` builds and runs it:
//
//     seed-corpus <recorded-directory> <output-directory>
//
// writes one file per seed into <output-directory>/<target>/.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: seed-corpus <recorded-directory> <output-directory>\n".utf8))
    exit(2)
}
let recorded = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

var written: [String: Int] = [:]
@MainActor func seed(_ target: String, _ bytes: Data) {
    let directory = output.appendingPathComponent(target)
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    written[target, default: 0] += 1
    try! bytes.write(to: directory.appendingPathComponent("seed-\(written[target]!)"))
}

func body(_ message: [String: Any]) -> Data {
    if let base64 = message["body_base64"] as? String, let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) {
        return data
    }
    return Data(((message["body"] as? String) ?? "").utf8)
}

func isJSON(_ data: Data) -> Bool {
    (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
}

let files = try FileManager.default.contentsOfDirectory(at: recorded, includingPropertiesForKeys: nil)
    .filter { $0.pathExtension == "json" }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
for file in files {
    let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
    for interaction in fixture["interactions"] as! [[String: Any]] {
        let request = interaction["request"] as! [String: Any]
        let response = interaction["response"] as! [String: Any]
        let url = request["url"] as! String
        let status = response["status"] as! Int
        let headers = response["headers"] as? [String: String] ?? [:]
        let contentType = headers.first { $0.key.lowercased() == "content-type" }?.value ?? ""
        let requestBody = body(request), responseBody = body(response)

        if contentType.contains("event-stream") { seed("sse", responseBody) }
        for candidate in [requestBody, responseBody] where isJSON(candidate) { seed("json", candidate) }
        if url.contains("feature-extraction") || url.contains("sentence-similarity") || url.contains("/embeddings") {
            seed("embeddings", responseBody)
        }
        // Error replies, and small JSON replies for the shapes the reader looks into.
        if status >= 300 || (responseBody.count <= 8192 && isJSON(responseBody)) {
            // The target's input: header lines, a blank line, the body.
            let head = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\n" }.joined()
            seed("error-body", Data((head + "\n").utf8) + responseBody)
        }
        // The recordings hold no `Link` header; the Hub sends `<url>; rel="next"` (RFC 8288), so
        // the seeds are the recorded request URLs in that form.
        seed("link-header", Data("<\(url)>; rel=\"next\"".utf8))
    }
}
for (target, count) in written.sorted(by: { $0.key < $1.key }) {
    print("\(target): \(count) seeds")
}
