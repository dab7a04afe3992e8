/// Checks that raise ``HFError/Category/validation`` errors naming the field and what is allowed,
/// so bad input fails before anything is sent. API groups call these while building requests.
///
/// ```swift
/// try Validation.range(temperature, field: "temperature", in: 0...2)
/// ```
package enum Validation {
    /// `value`, when present, must be finite and inside `range`.
    package static func range(_ value: Double?, field: String, in range: ClosedRange<Double>) throws(HFError) {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw .validation(field: field, "\(value) is out of range; allowed: \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
    }

    /// `value`, when present, must be finite, greater than `lower` and, when `upper` is given, less
    /// than `upper`: for parameters whose bounds are excluded, such as a temperature above 0.
    package static func range(_ value: Double?, field: String, above lower: Double, below upper: Double? = nil) throws(HFError) {
        guard let value else { return }
        guard value.isFinite, value > lower, upper.map({ value < $0 }) ?? true else {
            let allowed = "above \(format(lower))" + (upper.map { " and below \(format($0))" } ?? "")
            throw .validation(field: field, "\(value) is out of range; allowed: \(allowed)")
        }
    }

    /// `value`, when present, must be inside `range`.
    package static func range(_ value: Int?, field: String, in range: ClosedRange<Int>) throws(HFError) {
        guard let value else { return }
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            throw .validation(field: field, "\(value) is out of range; allowed: \(range.lowerBound)\(upper)")
        }
    }

    /// `value`, when present, must be a whole number above zero.
    package static func positive(_ value: Int?, field: String) throws(HFError) {
        guard let value else { return }
        guard value > 0 else { throw .validation(field: field, "must be at least 1, got \(value)") }
    }

    /// `value` must contain something other than white space.
    package static func nonBlank(_ value: String, field: String) throws(HFError) {
        guard value.contains(where: { !$0.isWhitespace }) else {
            throw .validation(field: field, "must not be empty")
        }
    }

    /// `value`, when present, must hold no NaN or infinity, which JSON cannot carry.
    package static func finite(_ value: JSONValue?, field: String) throws(HFError) {
        guard let value, !value.isFinite else { return }
        throw .validation(field: field, "holds a NaN or an infinity, which JSON cannot carry")
    }

    /// `values` must have between `minimum` and `maximum` elements.
    package static func count<Element>(_ values: [Element], field: String, minimum: Int = 1, maximum: Int = .max) throws(HFError) {
        guard values.count >= minimum else {
            throw .validation(field: field, minimum == 1 ? "must not be empty" : "needs at least \(minimum) entries, got \(values.count)")
        }
        guard values.count <= maximum else {
            throw .validation(field: field, "has \(values.count) entries; at most \(maximum) are allowed")
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
