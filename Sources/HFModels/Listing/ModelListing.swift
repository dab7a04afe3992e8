import Foundation
import HFCore

/// Models matching a ``ModelQuery``, fetched a page at a time as you iterate.
///
/// Each page is one `GET` of the Hub's listing; the next page's URL comes from the response's
/// `Link: <…>; rel="next"` header (absolute or relative) and is requested as is. Iteration ends
/// after the last page or after ``ModelQuery/limit`` models. The token goes only to the Hub's own
/// host. Errors are thrown from the iteration step that needed the page.
///
/// ```swift
/// for try await model in try client.models.list(ModelQuery(author: "sentence-transformers", limit: 50)) {
///     print(model.id, model.downloads ?? 0)
/// }
/// ```
public struct ModelListing: AsyncSequence, Sendable {
    public typealias Element = ModelInfo

    let client: HFClient
    let firstPage: URL
    let limit: Int?

    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, nextPage: firstPage, remaining: limit)
    }

    /// Reads the listing page by page, asking for the next page only when the current one is used up.
    public struct Iterator: AsyncIteratorProtocol {
        let client: HFClient
        var nextPage: URL?
        var remaining: Int?
        var page: [ModelInfo] = []
        var position = 0
        var visited: Set<URL> = []

        init(client: HFClient, nextPage: URL, remaining: Int?) {
            self.client = client
            self.nextPage = nextPage
            self.remaining = remaining
        }

        public mutating func next() async throws -> ModelInfo? {
            guard remaining ?? 1 > 0 else { return nil }
            while position == page.count {
                // A page counts as read only once fetched: after a failure, iterating again retries it.
                guard let url = nextPage, !visited.contains(url) else { return nil }
                try await fetch(url)
                visited.insert(url)
            }
            defer { position += 1 }
            remaining = remaining.map { $0 - 1 }
            return page[position]
        }

        private mutating func fetch(_ url: URL) async throws {
            let client = self.client
            let token: TokenRequirement = url.isSameOrigin(as: client.configuration.hubBaseURL) ? .ifHuggingFaceToken : .never
            let (models, next) = try await client.perform(client.context(.modelList, token: token)) { context in
                let response = try await client.exchange(client.makeRequest(.get, url: url, accept: "application/json"), context: context)
                guard let items = try client.parseJSON(from: response, context: context).arrayValue else {
                    throw client.decodingError(describing: ListingFailure.notAnArray, response: response, expected: "a list of models", context: context)
                }
                let models = try items.enumerated().map { index, item in
                    guard let model = ModelInfo(json: item) else {
                        throw client.decodingError(describing: ListingFailure.notAModel(index), response: response, expected: "a list of models", context: context)
                    }
                    return model
                }
                return (models, LinkHeader.next(in: response.headers.values(for: "Link"), relativeTo: url))
            }
            page = models
            position = 0
            nextPage = next
        }
    }

    private enum ListingFailure: Error, CustomStringConvertible {
        case notAnArray
        case notAModel(Int)

        var description: String {
            switch self {
            case .notAnArray: return "the page is not a JSON array"
            case .notAModel(let index): return "item \(index) is not a model object with an `id`"
            }
        }
    }
}
