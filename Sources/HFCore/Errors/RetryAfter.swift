import Foundation

/// Reads how long a server asked the client to wait.
enum RetryAfter {
    /// `Retry-After` as delta-seconds or an HTTP date; else the `RateLimit` header's `t=` reset time
    /// (`"api";r=0;t=55`), which the Hub sends on 429s.
    static func parse(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
        if let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(value), seconds >= 0, seconds.isFinite {
                return .milliseconds(Int64(seconds * 1000))
            }
            if let date = httpDate(value) {
                return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
            }
        }
        if let rateLimit = headers["RateLimit"] {
            for parameter in rateLimit.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "t", let seconds = Double(pair[1]), seconds >= 0 {
                    return .milliseconds(Int64(seconds * 1000))
                }
            }
        }
        return nil
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
