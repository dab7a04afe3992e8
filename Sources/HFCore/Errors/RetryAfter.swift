import Foundation

/// Reads how long a server asked the client to wait.
enum RetryAfter {
    /// `Retry-After` as delta-seconds (digits only, as RFC 9110 writes them: no sign, fraction,
    /// exponent, hex or `inf`) or an HTTP date; else, when the quota is used up (`r=0`, or a 429),
    /// the `RateLimit` header's `t=` reset time in digits (`"api";r=0;t=55`), which the Hub sends.
    /// Anything else is no wait at all, and no wait is longer than a day.
    static func parse(_ headers: HTTPHeaders, status: Int, now: Date = Date()) -> Duration? {
        if let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = deltaSeconds(value) {
                return Duration(clampingSeconds: seconds)
            }
            if let date = httpDate(value) {
                return Duration(clampingSeconds: date.timeIntervalSince(now))
            }
        }
        guard let rateLimit = headers["RateLimit"] else { return nil }
        var parameters: [String: Double] = [:]
        for parameter in rateLimit.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, let number = deltaSeconds(pair[1]) { parameters[pair[0]] = number }
        }
        guard let reset = parameters["t"], parameters["r"] == 0 || status == 429 else { return nil }
        return Duration(clampingSeconds: reset)
    }

    /// A non-negative whole number of seconds written in ASCII digits; `nil` for anything else.
    static func deltaSeconds(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Double(text)
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form RFC 9110 requires senders to use.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

extension Duration {
    /// `seconds` from a server, made safe: negative or not-a-number is zero, and anything above a
    /// day is a day (a server's `1e300` must neither crash the client nor park it for a year).
    init(clampingSeconds seconds: Double) {
        let bounded = seconds.isNaN ? 0 : min(max(seconds, 0), 86_400)
        self = .milliseconds(Int64(bounded * 1000))
    }
}
