import Foundation
import HFTestSupport

/// JSON number text of every kind servers write, all inside `Float`'s range.
enum NumberText {
    static func random(using generator: inout SplitMix64) -> String {
        switch generator.next() % 10 {
        case 0:
            // Shortest Float text: `0.1`, `-2.5e-05`.
            return "\(randomFloat(&generator, exponents: 100...150))"
        case 1, 2:
            // A float32 widened to Double, as Python writes NumPy float32 values (17 digits).
            return "\(Double(randomFloat(&generator, exponents: 110...130)))"
        case 3:
            // Random decimal digits, possibly many, with an exponent.
            let sign = generator.next() % 2 == 0 ? "-" : ""
            let integer = String(generator.next() % 1_000_000)
            let fraction = (0..<Int(generator.next() % 24)).map { _ in String(generator.next() % 10) }.joined()
            let exponent = Int(generator.next() % 50) - 30
            let marker = ["e", "E", "e+", "e-0"][Int(generator.next() % 4)]
            let exponentText = marker == "e-0" ? "e-0\(abs(exponent))" : marker == "e+" ? "e+\(abs(exponent))" : "\(marker)\(exponent)"
            return sign + integer + (fraction.isEmpty ? "" : "." + fraction) + exponentText
        case 4:
            // Integer-valued.
            return ["0", "-0", "1", "-1", String(Int(generator.next() % 2_000_001) - 1_000_000), "16777217", "4294967296"][Int(generator.next() % 7)]
        case 5:
            // Very small: subnormal and near the smallest normal.
            let bits = UInt32(generator.next() % 0x0100_0000) + 1
            let value = Float(bitPattern: bits) * (generator.next() % 2 == 0 ? 1 : -1)
            return generator.next() % 2 == 0 ? "\(value)" : "\(Double(value))"
        case 6:
            // Very large.
            return "\(randomFloat(&generator, exponents: 240...254))"
        case 7:
            // Leading zeros in the fraction.
            return "0.0000" + String(generator.next() % 100_000_000)
        default:
            // A midpoint between two floats, written with 17 significant digits.
            let float = randomFloat(&generator, exponents: 110...140)
            return "\((Double(float) + Double(float.nextUp)) / 2)"
        }
    }

    private static func randomFloat(_ generator: inout SplitMix64, exponents: ClosedRange<UInt32>) -> Float {
        let exponent = exponents.lowerBound + UInt32(generator.next() % UInt64(exponents.count))
        let significand = UInt32(truncatingIfNeeded: generator.next()) & 0x007F_FFFF
        let sign: UInt32 = generator.next() % 2 == 0 ? 0 : 0x8000_0000
        return Float(bitPattern: sign | exponent << 23 | significand)
    }
}
