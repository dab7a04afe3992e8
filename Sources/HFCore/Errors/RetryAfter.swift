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

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form RFC 9110 requires senders to use,
    /// read by hand: `DateFormatter` and `TimeZone` touch the process's time zone state, which on
    /// Linux races with a `Process` being started on another thread.
    static func httpDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard fields.count == 6, fields[0].count == 4, fields[0].hasSuffix(","), fields[5] == "GMT",
              fields[1].count == 2, let day = Int(fields[1]), (1...31).contains(day),
              let month = months.firstIndex(of: String(fields[2])).map({ $0 + 1 }),
              fields[3].count == 4, let year = Int(fields[3]), year >= 1970
        else { return nil }
        let time = fields[4].split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 }), let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              hour < 24, minute < 60, second < 61
        else { return nil }
        // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
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
