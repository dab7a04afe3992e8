import Foundation

/// Errors thrown by the fixtures and the replay server.
public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `Recorded/<fileStem>.json` exists.
    case fixtureNotFound(String)
    /// A recorded file could not be decoded.
    case invalidFixture(file: String, reason: String)
    /// A socket call failed while starting the server.
    case socket(operation: String, errno: Int32)
    /// A request body was expected to be a JSON object but was not.
    case notJSONObject(String)

    public var description: String {
        switch self {
        case .fixtureNotFound(let stem):
            return "HFReplay: no recorded case named \(stem) in \(RecordedCase.directory.path)"
        case .invalidFixture(let file, let reason):
            return "HFReplay: cannot decode \(file).json: \(reason)"
        case .socket(let operation, let code):
            return "HFReplay: \(operation) failed with errno \(code)"
        case .notJSONObject(let body):
            return "HFReplay: body is not a JSON object: \(body.prefix(200))"
        }
    }
}
