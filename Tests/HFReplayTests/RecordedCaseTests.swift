import Foundation
import HFReplay
import Testing

@Suite struct RecordedCaseTests {
    @Test func everyRecordedCaseDecodes() throws {
        let cases = try RecordedCase.all()
        #expect(cases.count == 95)
        #expect(cases.map(\.fileStem) == cases.map(\.fileStem).sorted())
        #expect(cases.reduce(0) { $0 + $1.interactions.count } == 167)
        for recorded in cases {
            #expect(!recorded.name.isEmpty)
            #expect(!recorded.origin.isEmpty)
            #expect(!recorded.interactions.isEmpty, "\(recorded.fileStem)")
            for interaction in recorded.interactions {
                #expect(interaction.request.url.scheme == "https")
                #expect(!interaction.request.host.isEmpty)
                #expect(["GET", "POST"].contains(interaction.request.method))
                #expect((200..<600).contains(interaction.response.status))
                if !interaction.response.isBinary {
                    #expect(interaction.response.bodyText != nil, "\(recorded.fileStem): text body is UTF-8")
                }
            }
        }
    }

    @Test func base64BodiesDecodeToBytes() throws {
        let fal = try RecordedCase.load("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image")
        let image = fal.interactions[2].response
        #expect(image.isBinary)
        #expect(image.bodyText == nil)
        #expect(Array(image.body.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])  // PNG signature

        let audio = try RecordedCase.load("TestInferenceClient.test_audio_classification_hf-inference_audio-classification")
        let upload = audio.interactions[1].request
        #expect(upload.isBinary)
        #expect((upload.body?.count ?? 0) > 1000)
    }

    @Test func requestFieldsAreExposed() throws {
        let chat = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational")
        #expect(chat.name == "TestInferenceClient.test_chat_completion_no_stream[cerebras,conversational]")
        let post = chat.interactions[1].request
        #expect(post.method == "POST")
        #expect(post.url.absoluteString == "https://router.huggingface.co/cerebras/v1/chat/completions")
        #expect(post.headers["content-type"] == "application/json")
        #expect(post.bodyText?.contains("\"model\": \"llama-3.3-70b\"") == true)
        #expect(chat.interactions[0].request.body == nil)
    }

    @Test func missingFixtureThrows() {
        #expect(throws: ReplayError.fixtureNotFound("no-such-case")) {
            try RecordedCase.load("no-such-case")
        }
    }
}
