// Serves recorded traffic to another process: a command-line test that cannot link HFReplay (the
// Integrations package, which sees only this package's products) starts it, points its client at
// the printed address, and reads back what the client sent.
//
//   HFReplayServe [--case STEM]... [--rule STEM PATH METHOD URL [--events MS] [--status CODE]]...
//
// --case serves every interaction of a recorded case on its recorded route. --rule serves the first
// interaction of STEM whose URL path contains PATH on another route (METHOD and an absolute
// live-service URL, any query), for recordings made on an older route; rules on one route answer
// in the order given. --events MS delivers the rule's body one server-sent event at a time, MS
// milliseconds apart; --status CODE replaces its recorded status (a fault on top of the recording).
//
// Prints `http://127.0.0.1:PORT` on the first line, serves until standard input closes, then
// prints one JSON line per request received: {"method","path","query","authorization","body"}.
import Foundation
import HFReplay

struct Arguments {
    enum Failure: Error, CustomStringConvertible {
        case usage(String)
        var description: String {
            switch self {
            case .usage(let text): return "HFReplayServe: \(text)"
            }
        }
    }

    private var remaining: ArraySlice<String>

    init(_ arguments: [String]) {
        remaining = arguments.dropFirst()
    }

    /// Adds the rules the arguments describe to `server`.
    mutating func configure(_ server: ReplayServer) throws {
        var lastRule: Int?
        while let flag = remaining.popFirst() {
            switch flag {
            case "--case":
                server.serve(case: try RecordedCase.load(try value(for: flag)))
                lastRule = nil
            case "--rule":
                let stem = try value(for: flag), path = try value(for: flag), method = try value(for: flag), url = try value(for: flag)
                guard let interaction = try RecordedCase.load(stem).interactions.first(where: { $0.request.url.path.contains(path) }) else {
                    throw Failure.usage("the recording \(stem) has no request to \(path)")
                }
                guard let target = URL(string: url), target.host != nil else { throw Failure.usage("not an absolute URL: \(url)") }
                lastRule = server.serve(interaction, at: Route(method: method, host: target.host ?? "", path: target.path, query: nil))
            case "--events", "--status":
                guard let rule = lastRule, let number = Int(try value(for: flag)) else {
                    throw Failure.usage("\(flag) takes a number and follows a --rule")
                }
                var plan = server.rules[rule].plan ?? ResponsePlan()
                if flag == "--events" {
                    plan.chunking = .perSSEEvent
                    plan.delayBetweenChunks = .milliseconds(number)
                } else {
                    plan.status = number
                }
                server.setPlan(plan, forRuleAt: rule)
            default:
                throw Failure.usage("unknown argument \(flag)")
            }
        }
    }

    private mutating func value(for flag: String) throws -> String {
        guard let value = remaining.popFirst() else { throw Failure.usage("\(flag) needs a value") }
        return value
    }
}

/// One received request, as the test reads it back.
struct RequestLine: Encodable {
    let method: String
    let path: String
    let query: [String]
    let authorization: String?
    let body: String

    init(_ request: ReceivedRequest) {
        method = request.method
        path = request.path
        query = request.query.map { "\($0.name)=\($0.value ?? "")" }
        authorization = request.header("Authorization")
        body = request.bodyText ?? request.body.base64EncodedString()
    }
}

func write(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    let server = try ReplayServer()
    var arguments = Arguments(CommandLine.arguments)
    try arguments.configure(server)
    write(server.baseURL.absoluteString)
    _ = FileHandle.standardInput.readDataToEndOfFile()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for request in server.requests {
        write(String(decoding: try encoder.encode(RequestLine(request)), as: UTF8.self))
    }
    server.shutdown()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
