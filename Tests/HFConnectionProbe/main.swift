// Sends many requests at once under a small open-file limit and counts how they end.
//
//   HFConnectionProbe [--transport curl|urlsession] [--requests N] [--open-files N]
//
// Lowers its own RLIMIT_NOFILE to --open-files (as `ulimit -n` would) before anything opens a
// descriptor, serves a recorded chat completion from an in-process replay server, sends --requests
// of it at once through one client with the default connection limits, and prints one JSON line:
// {"succeeded":…,"errors":{"network":…},"accepted_connections":…,"peak_descriptors":…}. Errors are
// counted by HFError category (a status other than 200 counts as "status_<code>"). The server's
// sockets share the limit, so every connection the client opens costs two descriptors. A
// separate process, because the limit applies to a whole process.
import Foundation
import HFCore
import HFReplay
import HFTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var transport = TransportKind.curl
var requests = 1000
var openFiles = 512
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    let value = arguments.next() ?? ""
    switch flag {
    case "--transport": transport = value == "urlsession" ? .urlSession : .curl
    case "--requests": requests = Int(value) ?? requests
    case "--open-files": openFiles = Int(value) ?? openFiles
    default: FileHandle.standardError.write(Data("unknown flag \(flag)\n".utf8)); exit(2)
    }
}

#if canImport(Glibc)
let openFilesResource = Int32(RLIMIT_NOFILE.rawValue)
#else
let openFilesResource = RLIMIT_NOFILE
#endif
var limit = rlimit()
getrlimit(openFilesResource, &limit)
limit.rlim_cur = rlim_t(openFiles)
guard setrlimit(openFilesResource, &limit) == 0 else {
    FileHandle.standardError.write(Data("setrlimit(RLIMIT_NOFILE, \(openFiles)) failed\n".utf8))
    exit(2)
}

/// The descriptors the process holds now (Linux: `/proc/self/fd`).
func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}

let interaction = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational").interactions[1]
let server = try ReplayServer()
server.serve(interaction)
let client = HFClient.replaying(server, transport: transport.make())
let request = client.makeRequest(
    .post, url: server.url(for: interaction.request.url), body: interaction.request.body, contentType: "application/json"
)

let outcomes = await withTaskGroup(of: String?.self) { group in
    for _ in 0..<requests {
        group.addTask {
            do {
                let response = try await client.send(request)
                return response.status == 200 ? nil : "status_\(response.status)"
            } catch {
                return (error as? HFError)?.category.name ?? "\(type(of: error))"
            }
        }
    }
    var errors: [String: Int] = [:]
    var peak = 0
    for await outcome in group {
        if let outcome { errors[outcome, default: 0] += 1 }
        peak = max(peak, openDescriptors())
    }
    return (errors, peak)
}
let (errors, peakDescriptors) = outcomes
let succeeded = requests - errors.values.reduce(0, +)
let errorList = errors.sorted { $0.key < $1.key }.map { #""\#($0.key)":\#($0.value)"# }.joined(separator: ",")
print(#"{"transport":"\#(transport)","requests":\#(requests),"open_files":\#(openFiles),"succeeded":\#(succeeded),"errors":{\#(errorList)},"accepted_connections":\#(server.acceptedConnections),"peak_descriptors":\#(peakDescriptors)}"#)
