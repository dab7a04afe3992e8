import Foundation
import HFCore

/// A region of an image: its label, the model's confidence when it gives one, and its mask.
///
/// ```swift
/// for segment in try await client.multimodal.segmentImage(.file(photoURL), model: "openmmlab/upernet-convnext-small") {
///     try segment.mask.write(to: folder.appendingPathComponent("\(segment.label).png"))
/// }
/// ```
public struct ImageSegment: Sendable, Hashable, Codable {
    /// What the region is.
    public let label: String
    /// The model's confidence, when it gives one (semantic segmentation does not).
    public let score: Double?
    /// A PNG image the size of the input: white where the segment is.
    public let mask: Data

    /// A region and its mask.
    public init(label: String, score: Double?, mask: Data) {
        self.label = label
        self.score = score
        self.mask = mask
    }

    private enum CodingKeys: String, CodingKey {
        case label, score, mask
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        let text = try container.decode(String.self, forKey: .mask)
        guard let data = TaskMedia(base64OrDataURI: text)?.data else {
            throw DecodingError.dataCorruptedError(forKey: .mask, in: container, debugDescription: "the mask is not base64")
        }
        mask = data
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(mask.base64EncodedString(), forKey: .mask)
    }
}

/// Which kind of segmentation to run.
///
/// ```swift
/// let segments = try await client.multimodal.segmentImage(.file(photoURL), model: "facebook/mask2former-swin-base-coco-panoptic", subtask: .panoptic)
/// ```
public struct SegmentationSubtask: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Each object on its own.
    public static let instance: SegmentationSubtask = "instance"
    /// Objects and background regions.
    public static let panoptic: SegmentationSubtask = "panoptic"
    /// One region per class.
    public static let semantic: SegmentationSubtask = "semantic"
}
