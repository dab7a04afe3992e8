import Foundation

@testable import HFModels

/// The `Link` header reader on any text, one header value per line: no crash, and a next page
/// only where some link has the `next` relation.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let values = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let hasNext = values.contains { LinkHeader.links(in: $0).contains { $0.relations.contains("next") } }
    let next = LinkHeader.next(in: values, relativeTo: URL(string: "https://huggingface.co/api/models?limit=1000")!)
    require(next == nil || hasNext, "a next page \(next!) without a next relation")
}
