import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

@Suite("Token discovery")
struct TokenDiscoveryTests {
    static let canary = "hf_CANARYdiscovery0123456789abcdefghijk"

    /// An environment over an in-memory file system.
    static func environment(
        variables: [String: String] = [:],
        files: [String: String] = [:],
        home: String? = "/home/user",
        workingDirectory: String = "/work/project/sub"
    ) -> HFEnvironment {
        HFEnvironment(
            variables: variables,
            homeDirectory: home.map { URL(fileURLWithPath: $0, isDirectory: true) },
            workingDirectory: URL(fileURLWithPath: workingDirectory, isDirectory: true),
            readFile: { files[$0.path] }
        )
    }

    struct Path: CustomTestStringConvertible, Sendable {
        let name: String
        let variables: [String: String]
        let files: [String: String]
        let expectedSource: String
        var testDescription: String { name }
    }

    static let paths: [Path] = [
        Path(name: "HF_TOKEN", variables: ["HF_TOKEN": canary], files: [:], expectedSource: "environment variable HF_TOKEN"),
        Path(name: "HUGGINGFACE_API_KEY", variables: ["HUGGINGFACE_API_KEY": canary], files: [:], expectedSource: "environment variable HUGGINGFACE_API_KEY"),
        Path(name: "HUGGING_FACE_HUB_TOKEN", variables: ["HUGGING_FACE_HUB_TOKEN": canary], files: [:], expectedSource: "environment variable HUGGING_FACE_HUB_TOKEN"),
        Path(name: "HF_TOKEN_PATH", variables: ["HF_TOKEN_PATH": "/secrets/tok"], files: ["/secrets/tok": canary + "\n"], expectedSource: "file /secrets/tok"),
        Path(name: "HF_HOME", variables: ["HF_HOME": "/opt/hf"], files: ["/opt/hf/token": canary], expectedSource: "file /opt/hf/token"),
        Path(name: "HF_HOME with ~", variables: ["HF_HOME": "~/hfhome"], files: ["/home/user/hfhome/token": canary], expectedSource: "file /home/user/hfhome/token"),
        Path(name: "XDG_CACHE_HOME", variables: ["XDG_CACHE_HOME": "/xdg"], files: ["/xdg/huggingface/token": canary], expectedSource: "file /xdg/huggingface/token"),
        Path(name: "default token file", variables: [:], files: ["/home/user/.cache/huggingface/token": " \(canary) \n"], expectedSource: "file /home/user/.cache/huggingface/token"),
        Path(name: "secrets file in the working directory", variables: [:], files: ["/work/project/sub/secret/-secrets.sh": "export HUGGINGFACE_API_KEY=\"\(canary)\"\n"], expectedSource: "HUGGINGFACE_API_KEY in /work/project/sub/secret/-secrets.sh"),
        Path(name: "secrets file in an ancestor", variables: [:], files: ["/work/secret/-secrets.sh": "# keys\nexport OTHER=1\nexport HF_TOKEN='\(canary)'\n"], expectedSource: "HF_TOKEN in /work/secret/-secrets.sh"),
    ]

    @Test("a canary token set through each path is found, and never printed", arguments: paths)
    func everyPath(_ path: Path) throws {
        let environment = Self.environment(variables: path.variables, files: path.files)
        let configuration = HFConfiguration(environment: environment)
        #expect(configuration.token?.withExposedValue { $0 } == Self.canary)
        #expect(configuration.tokenSource?.description == path.expectedSource)

        // The found token must not leak through anything the client prints or throws.
        let client = HFClient(configuration: configuration)
        let request = client.makeRequest(.post, url: URL(string: "https://router.huggingface.co/v1/chat/completions")!)
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(request, to: &dumped)
        for text in [dumped, "\(configuration)", "\(request)"] {
            #expect(!text.contains(Self.canary))
        }
    }

    @Test("the documented order: explicit, HF_TOKEN, HUGGINGFACE_API_KEY, HUGGING_FACE_HUB_TOKEN, files, secrets file")
    func order() {
        var variables = [
            "HF_TOKEN": "hf_1", "HUGGINGFACE_API_KEY": "hf_2", "HUGGING_FACE_HUB_TOKEN": "hf_3",
            "HF_TOKEN_PATH": "/p", "HF_HOME": "/h",
        ]
        let files = [
            "/p": "hf_4", "/h/token": "hf_5", "/home/user/.cache/huggingface/token": "hf_6",
            "/work/project/sub/secret/-secrets.sh": "export HF_TOKEN=hf_7",
        ]
        func found(_ explicit: String? = nil) -> String? {
            HFConfiguration(token: explicit, environment: Self.environment(variables: variables, files: files)).token?.withExposedValue { $0 }
        }
        #expect(found("hf_0") == "hf_0")
        #expect(found() == "hf_1")
        variables["HF_TOKEN"] = "  "   // blank counts as unset
        #expect(found() == "hf_2")
        variables["HUGGINGFACE_API_KEY"] = nil
        #expect(found() == "hf_3")
        variables["HUGGING_FACE_HUB_TOKEN"] = nil
        #expect(found() == "hf_4")
        variables["HF_TOKEN_PATH"] = "/missing"   // falls through, unlike Python
        #expect(found() == "hf_5")
        variables["HF_HOME"] = nil
        #expect(found() == "hf_6")
        var filesWithoutDefault = files
        filesWithoutDefault["/home/user/.cache/huggingface/token"] = nil
        #expect(TokenDiscovery.discover(in: Self.environment(variables: variables, files: filesWithoutDefault)).token?.withExposedValue { $0 } == "hf_7")
    }

    @Test("no token: not an error until a call needs one; then an authentication error listing where we looked")
    func missing() async throws {
        let configuration = HFConfiguration(environment: Self.environment(variables: ["HF_HOME": "/h"]))
        #expect(configuration.token == nil)
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference")
        let transport = MemoryTransport(replaying: recorded)
        let client = HFClient(configuration: configuration, transport: transport)
        // A call that can do without a token goes out without one.
        let info = client.makeRequest(.get, url: URL(string: "https://huggingface.co/api/models/google-bert/bert-base-uncased")!)
        _ = try await client.send(info, token: .ifAvailable)
        #expect(transport.requests.only?.authorization == nil)
        let error = await #expect(throws: HFError.self) {
            try await client.send(client.makeRequest(.post, url: URL(string: "https://router.huggingface.co/v1/chat/completions")!))
        }
        #expect(transport.requests.count == 1)
        #expect(error?.category == .authentication)
        for place in ["$HF_TOKEN", "$HUGGINGFACE_API_KEY", "$HUGGING_FACE_HUB_TOKEN", "/h/token", "/home/user/.cache/huggingface/token", "secret/-secrets.sh"] {
            #expect(error?.message.contains(place) == true, "message should name \(place): \(error?.message ?? "")")
        }
    }

    @Test("HF_ENDPOINT moves the Hub only, never the router; a trailing slash is dropped")
    func hfEndpoint() {
        let configuration = HFConfiguration(environment: Self.environment(variables: ["HF_ENDPOINT": "https://hub-mirror.example.com/"]))
        #expect(configuration.hubBaseURL.absoluteString == "https://hub-mirror.example.com")
        #expect(configuration.routerBaseURL == HFConfiguration.defaultRouterBaseURL)
        #expect(configuration.hubURL(path: "/api/models/a/b").absoluteString == "https://hub-mirror.example.com/api/models/a/b")
        let unset = HFConfiguration(environment: Self.environment())
        #expect(unset.hubBaseURL == HFConfiguration.defaultHubBaseURL)
    }

    @Test("HF_HUB_OFFLINE stops every call before the network")
    func offline() async {
        let transport = MemoryTransport { _ in throw HTTPTransportError(.connectionFailed, "must not be reached") }
        let client = HFClient(configuration: HFConfiguration(token: "hf_x", environment: Self.environment(variables: ["HF_HUB_OFFLINE": "1"])), transport: transport)
        let error = await #expect(throws: HFError.self) {
            try await client.send(client.makeRequest(.get, url: URL(string: "https://huggingface.co/api/models/x")!))
        }
        #expect(transport.requests.isEmpty)
        #expect(error?.category == .network)
        #expect(error?.message.contains("HF_HUB_OFFLINE") == true)
    }
}

@Suite("Secrets file parser")
struct SecretsFileTests {
    @Test("export lines with double, single and no quotes; comments and junk skipped")
    func parse() {
        let text = """
            #!/bin/sh
            # workspace secrets
            export HUGGINGFACE_API_KEY="hf_double"
            export SINGLE='it''s'
            PLAIN=hf_plain # trailing comment
              export   SPACED="a b\\"c\\\\d"
            export EMPTY=""
            not an assignment
            export 1BAD=x
            echo $(rm -rf /)
            export UNTERMINATED="oops
            export LAST=one
            export LAST=two
            """
        let values = SecretsFile.parse(text)
        #expect(values["HUGGINGFACE_API_KEY"] == "hf_double")
        #expect(values["SINGLE"] == "it")
        #expect(values["PLAIN"] == "hf_plain")
        #expect(values["SPACED"] == "a b\"c\\d")
        #expect(values["EMPTY"] == "")
        #expect(values["1BAD"] == nil)
        #expect(values["UNTERMINATED"] == nil)
        #expect(values["LAST"] == "two")
        #expect(values.count == 6)
    }

    @Test("CRLF line ends are understood")
    func crlf() {
        #expect(SecretsFile.parse("export A=\"1\"\r\nexport B=2\r\n") == ["A": "1", "B": "2"])
    }
}
