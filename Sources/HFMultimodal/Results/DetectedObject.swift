import Foundation

/// An object found in an image: its label, the model's confidence, and where it is.
public struct DetectedObject: Sendable, Hashable, Codable {
    public let label: String
    public let score: Double
    public let box: BoundingBox

    public init(label: String, score: Double, box: BoundingBox) {
        self.label = label
        self.score = score
        self.box = box
    }
}

/// A rectangle in pixels, from the image's top-left corner.
public struct BoundingBox: Sendable, Hashable, Codable {
    public let xmin: Int
    public let ymin: Int
    public let xmax: Int
    public let ymax: Int

    public init(xmin: Int, ymin: Int, xmax: Int, ymax: Int) {
        self.xmin = xmin
        self.ymin = ymin
        self.xmax = xmax
        self.ymax = ymax
    }

    public var width: Int { xmax - xmin }
    public var height: Int { ymax - ymin }

    private enum CodingKeys: String, CodingKey {
        case xmin, ymin, xmax, ymax
    }

    // Pixel positions arrive as integers; a model that answers with fractions is rounded.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func pixel(_ key: CodingKeys) throws -> Int {
            if let whole = try? container.decode(Int.self, forKey: key) { return whole }
            let value = try container.decode(Double.self, forKey: key)
            guard value.isFinite, abs(value) < 1e9 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) is not a pixel position")
            }
            return Int(value.rounded())
        }
        self.init(xmin: try pixel(.xmin), ymin: try pixel(.ymin), xmax: try pixel(.xmax), ymax: try pixel(.ymax))
    }
}
