// Measures the CPU a client process spends while its requests wait for slow responses.
//
//   HFWaitProbe [--transport curl|urlsession|default] [--clients N] [--requests N] [--wait SECONDS]
//               [--mode whole|stream|paused]
//
// Serves a recorded chat completion from an in-process replay server that holds each response for
// --wait seconds (mode whole) or spreads a recorded SSE stream over that time (mode stream), sends
// --requests of them at once, and prints one JSON line: {"cpu_seconds":…,"wall_seconds":…,…}.
// Mode paused streams a recorded 1.4 MB image to a reader that stops for --wait seconds after its
// first chunk, so the transfer sits paused by backpressure (libcurl has had busy loops there).
// CPU is the whole process's user + system time (getrusage), server threads included: they block
// in poll while waiting, so what shows is what the client spends. A separate process, because a
// test runner's other tests would add their own CPU (and threads).
//
// --clients spreads the requests over that many clients, each with its own transport of the kind
// given (`default`: the platform default, libcurl's shared engine on Linux); the line then also
// reports how many libcurl event threads the process has while the requests are in flight.
import Foundation
import HFCore
import HFReplay
import HFTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    /// `nil`: the platform default transport.
    var transport: TransportKind? = .curl
    var clients = 1
    var requests = 1
    var wait = 3.0
    var mode = "whole"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--transport": transport = value == "default" ? nil : value == "urlsession" ? .urlSession : .curl
            case "--clients": clients = max(1, Int(value) ?? 1)
            case "--requests": requests = Int(value) ?? 1
            case "--wait": wait = Double(value) ?? 3
            case "--mode": mode = value
            default: FileHandle.standardError.write(Data("unknown flag \(flag)\n".utf8)); exit(2)
            }
        }
    }
}

func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let options = Options(CommandLine.arguments)
let server: ReplayServer
let interaction: RecordedInteraction
switch options.mode {
case "stream":
    interaction = try RecordedCase.load("TestInferenceClient.test_chat_completion_with_stream_cerebras_conversational").interactions[1]
    let events = max(1, (interaction.response.bodyText ?? "").components(separatedBy: "\n\n").filter { !$0.isEmpty }.count)
    server = try ReplayServer(defaultPlan: .eventStream(delayBetweenEvents: .milliseconds(Int64(options.wait * 1000) / Int64(events))))
case "paused":
    interaction = try RecordedCase.load("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image").interactions[2]
    server = try ReplayServer(defaultPlan: ResponsePlan(chunking: .fixed(bytes: 64 << 10)))
default:
    interaction = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational").interactions[1]
    server = try ReplayServer(defaultPlan: ResponsePlan(delayBeforeHead: .milliseconds(Int64(options.wait * 1000))))
}
server.serve(interaction)
let clients = (0..<options.clients).map { _ in HFClient.replaying(server, transport: options.transport?.make()) }
let request = clients[0].makeRequest(
    HTTPMethod(rawValue: interaction.request.method), url: server.url(for: interaction.request.url),
    body: interaction.request.body, contentType: interaction.request.body == nil ? nil : "application/json"
)

/// The process's threads named as libcurl's event threads are (Linux: `/proc/self/task/*/comm`).
func curlEventThreads() -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8))?.hasPrefix("HFCurlEventLoop") == true }.count
}

let cpuBefore = cpuSeconds()
let started = ContinuousClock.now
let threadCount = LockedState(0)
try await withThrowingTaskGroup(of: Int.self) { group in
    for index in 0..<max(options.requests, options.clients) {
        let client = clients[index % clients.count]
        group.addTask {
            switch options.mode {
            case "whole":
                let bytes = try await client.send(request).body.count
                // Counted while every client and its transport are still alive.
                if index == 0 { threadCount.withLock { $0 = curlEventThreads() } }
                return bytes
            default:
                var bytes = 0
                for try await chunk in try await client.stream(request).body {
                    if bytes == 0, options.mode == "paused" { try await Task.sleep(for: .milliseconds(Int64(options.wait * 1000))) }
                    bytes += chunk.count
                }
                return bytes
            }
        }
    }
    for try await bytes in group where bytes == 0 {
        throw HFError(category: .decoding, message: "empty response")
    }
}
let wall = ContinuousClock.now - started
let cpu = cpuSeconds() - cpuBefore
let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
let transport = options.transport.map(\.rawValue) ?? "default"
let threads = threadCount.withLock { $0 }
print(#"{"transport":"\#(transport)","mode":"\#(options.mode)","clients":\#(clients.count),"requests":\#(options.requests),"wait_seconds":\#(options.wait),"cpu_seconds":\#(String(format: "%.4f", cpu)),"wall_seconds":\#(String(format: "%.3f", wallSeconds)),"curl_threads":\#(threads)}"#)
withExtendedLifetime(clients) {}
