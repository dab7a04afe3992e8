import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFModels

/// Listing and its pagination. No listing reply was recorded, so each page served here is a JSON
/// array of real model objects taken unchanged from the recorded Hub interactions, and the `Link`
/// headers are injected by the harness; no model field is made up.
@Suite("Model listing")
struct ModelListingTests {
    /// The recorded model objects, in a fixed order.
    static let objects: [(id: String, body: Data)] = HubInteraction.all(expanded: false).map { ($0.object["id"] as! String, $0.interaction.response.body) }

    /// A page: a JSON array of recorded model objects.
    static func page(_ range: Range<Int>) -> RecordedInteraction {
        var body = Data("[".utf8)
        for (offset, object) in objects[range].enumerated() {
            if offset > 0 { body.append(Data(",".utf8)) }
            body.append(object.body)
        }
        body.append(Data("]".utf8))
        return RecordedInteraction(
            request: RecordedRequest(method: "GET", url: URL(string: "https://huggingface.co/api/models")!),
            response: RecordedResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8"], body: body)
        )
    }

    static func link(_ target: String) -> ResponsePlan {
        ResponsePlan(extraHeaders: ["Link": "<\(target)>; rel=\"next\""])
    }

    @Test("pages follow absolute and relative `Link` URLs lazily, in order, and stop at the last")
    func paginates() async throws {
        let server = try ReplayServer(mode: .inOrder)
        server.serve(Self.page(0..<3), plan: Self.link("https://huggingface.co/api/models?author=x&cursor=p2"))
        server.serve(Self.page(3..<6), plan: Self.link("models?author=x&cursor=p3"))
        server.serve(Self.page(6..<7))
        let client = HFClient.replaying(server)
        let query = ModelQuery(
            search: "bert", author: "x", tags: ["transformers", "en"], pipelineTag: .fillMask, inference: .warm,
            inferenceProviders: [.hfInference, .together], sort: .downloads, direction: .descending, expand: [.downloads, .likes]
        )

        var iterator = try client.models.list(query).makeAsyncIterator()
        var ids: [String] = []
        for _ in 0..<2 { ids.append(try #require(try await iterator.next()).id) }
        #expect(server.requests.count == 1)
        while let model = try await iterator.next() { ids.append(model.id) }
        #expect(try await iterator.next() == nil)

        #expect(ids == Self.objects.prefix(7).map(\.id))
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.map(\.path) == ["/api/models", "/api/models", "/api/models"])
        #expect(requests[0].query.map { "\($0.name)=\($0.value ?? "")" } == [
            "search=bert", "author=x", "filter=transformers", "filter=en", "pipeline_tag=fill-mask", "inference=warm",
            "inference_provider=hf-inference,together", "sort=downloads", "direction=-1", "expand[]=downloads", "expand[]=likes",
        ])
        #expect(requests[1].queryValue("cursor") == "p2")
        #expect(requests[2].queryValue("cursor") == "p3")
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(testToken)" })
    }

    @Test("`limit` caps the total: no page is fetched beyond it")
    func limit() async throws {
        let server = try ReplayServer(mode: .inOrder)
        server.serve(Self.page(0..<3), plan: Self.link("https://huggingface.co/api/models?limit=4&cursor=p2"))
        server.serve(Self.page(3..<6), plan: Self.link("https://huggingface.co/api/models?limit=4&cursor=p3"))
        let client = HFClient.replaying(server)

        var ids: [String] = []
        for try await model in try client.models.list(ModelQuery(limit: 4)) { ids.append(model.id) }

        #expect(ids == Self.objects.prefix(4).map(\.id))
        #expect(server.requests.count == 2)
        #expect(server.requests.first?.queryValue("limit") == "4")
    }

    @Test("the token is not sent to a next page on another host")
    func tokenStaysOnTheHub() async throws {
        let server = try ReplayServer(mode: .inOrder)
        let elsewhere = "http://localhost:\(server.port)/huggingface.co/api/models?cursor=p2"
        server.serve(Self.page(0..<1), plan: Self.link(elsewhere))
        server.serve(Self.page(1..<2))
        let client = HFClient.replaying(server)

        var count = 0
        for try await _ in try client.models.list() { count += 1 }

        #expect(count == 2)
        #expect(server.requests.map { $0.header("Authorization") } == ["Bearer \(testToken)", nil])
    }

    @Test("a next link back to a page already read ends the listing")
    func linkLoop() async throws {
        let server = try ReplayServer(mode: .byRoute)
        let client = HFClient.replaying(server)
        let first = try client.models.list(ModelQuery(author: "x"))
        server.serve(Self.page(0..<2), plan: Self.link(first.firstPage.absoluteString))
        var count = 0
        for try await _ in first { count += 1 }
        #expect(count == 2)
        #expect(server.requests.count == 1)
    }

    @Test("a page that is not an array of models fails the iteration with a decoding error")
    func notAList() async throws {
        let server = try ReplayServer()
        // A real Hub reply of another kind: one model object instead of an array.
        server.serve(try #require(HubInteraction.all(expanded: false).first).interaction, at: Route(method: "GET", host: "huggingface.co", path: "/api/models"))
        let client = HFClient.replaying(server)
        let error = await #expect(throws: HFError.self) {
            for try await _ in try client.models.list() {}
        }
        #expect(error?.category == .decoding)
        #expect(error?.message.contains("not a JSON array") == true)
    }

    @Test("bad queries fail before anything is sent", arguments: [
        ("limit", ModelQuery(limit: 0)), ("search", ModelQuery(search: " ")), ("author", ModelQuery(author: "")),
    ])
    func validation(_ field: String, _ query: ModelQuery) throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        let error = #expect(throws: HFError.self) { try client.models.list(query) }
        #expect(error?.field == field)
        #expect(server.requests.isEmpty)
    }

    @Test("pages larger than the Hub's cap are asked for in capped pages")
    func pageSizeCap() throws {
        let query = ModelQuery(limit: 2_000)
        #expect(query.queryItems.first { $0.0 == "limit" }?.1 == "500")
    }

    @Test("Link headers: several links, quoted commas, relations lists, relative targets")
    func linkHeader() throws {
        let base = try #require(URL(string: "https://huggingface.co/api/models?author=x"))
        let value = #"<https://huggingface.co/api/models?p=1>; rel="prev"; title="a, b", <https://huggingface.co/api/models?inference_provider=a,b&cursor=c2>; rel="next last""#
        #expect(LinkHeader.next(in: [value], relativeTo: base)?.absoluteString == "https://huggingface.co/api/models?inference_provider=a,b&cursor=c2")
        #expect(LinkHeader.next(in: ["</api/models?cursor=z>; rel=next"], relativeTo: base)?.absoluteString == "https://huggingface.co/api/models?cursor=z")
        #expect(LinkHeader.next(in: [#"<https://h/a>; rel="prev""#, #"<https://h/b>; REL="Next""#], relativeTo: base)?.absoluteString == "https://h/b")
        #expect(LinkHeader.next(in: [#"<https://h/a>; rel="prev""#], relativeTo: base) == nil)
        #expect(LinkHeader.next(in: [], relativeTo: base) == nil)
    }
}
