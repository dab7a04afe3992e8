import Foundation

/// An object found in an image: its label, the model's confidence, and where it is.
///
/// ```swift
/// for object in try await client.multimodal.detectObjects(in: .file(photoURL), model: "facebook/detr-resnet-50") {
///     print(object.label, object.score, object.box.width, object.box.height)
/// }
/// ```
public struct DetectedObject: Sendable, Hashable, Codable {
    /// What the object is (`person`, `umbrella`).
    public let label: String
    /// The model's confidence, from 0 to 1.
    public let score: Double
    /// Where it is, in pixels.
    public let box: BoundingBox

    /// Creates a detected object.
    public init(label: String, score: Double, box: BoundingBox) {
        self.label = label
        self.score = score
        self.box = box
    }
}

/// A rectangle in pixels, from the image's top-left corner.
///
/// ```swift
/// let box = BoundingBox(xmin: 10, ymin: 20, xmax: 110, ymax: 70)
/// print(box.width, box.height)   // 100 50
/// ```
public struct BoundingBox: Sendable, Hashable, Codable {
    /// The left edge.
    public let xmin: Int
    /// The top edge.
    public let ymin: Int
    /// The right edge.
    public let xmax: Int
    /// The bottom edge.
    public let ymax: Int

    /// Creates a box from its corners, in pixels.
    public init(xmin: Int, ymin: Int, xmax: Int, ymax: Int) {
        self.xmin = xmin
        self.ymin = ymin
        self.xmax = xmax
        self.ymax = ymax
    }

    /// `xmax - xmin`.
    public var width: Int { xmax - xmin }
    /// `ymax - ymin`.
    public var height: Int { ymax - ymin }

    private enum CodingKeys: String, CodingKey {
        case xmin, ymin, xmax, ymax
    }

    // Pixel positions arrive as integers; a model that answers with fractions is rounded. Both are
    // bounded, so a hostile reply cannot make `width` overflow.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func pixel(_ key: CodingKeys) throws -> Int {
            let value = try (try? container.decode(Int.self, forKey: key)).map(Double.init) ?? container.decode(Double.self, forKey: key)
            guard value.isFinite, abs(value) < 1e9 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) is not a pixel position")
            }
            return Int(value.rounded())
        }
        self.init(xmin: try pixel(.xmin), ymin: try pixel(.ymin), xmax: try pixel(.xmax), ymax: try pixel(.ymax))
    }
}
