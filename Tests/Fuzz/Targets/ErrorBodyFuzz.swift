import Foundation
import HFCore
import HFTransport

/// An error response built from any bytes: the input's lines up to the first blank line are
/// header fields (`Name: value`), the rest is the body; its first byte picks the status. Reading
/// the body in every content type and mapping the whole response to an `HFError`, described as
/// the client logs it, must not crash.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let data = Data(input)
    let blank = data.firstRange(of: Data("\n\n".utf8))
    let body = blank.map { data[$0.upperBound...] } ?? data
    var headers = HTTPHeaders()
    for line in String(decoding: blank.map { data[..<$0.lowerBound] } ?? Data(), as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: ":", maxSplits: 1)
        headers.add(name: String(parts[0]), value: parts.count > 1 ? String(parts[1].drop { $0 == " " }) : "")
    }
    for contentType in [nil, "application/json", "text/html", "text/plain"] {
        _ = ErrorBody(data: Data(body), contentType: contentType)
    }
    let statuses = [400, 401, 402, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504]
    let status = statuses[Int(data.first ?? 0) % statuses.count]
    let error = HFError(response: HTTPResponse(head: HTTPResponseHead(status: status, headers: headers), body: Data(body)))
    _ = error.description
    _ = String(reflecting: error)
}
