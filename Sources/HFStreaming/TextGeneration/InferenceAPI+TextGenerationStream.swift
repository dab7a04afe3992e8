import HFCore
import HFInference
@_spi(JSONReader) import HFJSON

/// A streamed text generation: token events, or `.text` for the text alone.
public typealias TextGenerationStream = InferenceStream<TextGenerationStreamOutput>

extension InferenceAPI {
    /// Streams text generation token by token (`"stream": true`, text-generation-inference events).
    ///
    /// ```swift
    /// var request = TextGenerationRequest(inputs: "Once upon a time")
    /// request.parameters.maxNewTokens = 50
    /// for try await piece in try client.inference.textGenerationStream(request, via: .model(.zephyr7BBeta)).text {
    ///     print(piece, terminator: "")
    /// }
    /// ```
    public func textGenerationStream(_ request: TextGenerationRequest, via target: TextGenerationTarget) throws(HFError) -> TextGenerationStream {
        try Self.validate(request, target: target)
        let inference = self
        return InferenceStream(client: client, codec: .textGeneration) {
            try await inference.client.perform(inference.textGenerationContext(target, streaming: true)) { operation in
                try await inference.client.openStream(inference.textGenerationCall(request, via: target, stream: true, operation: operation))
            }
        }
    }
}

extension StreamCodec where Element == TextGenerationStreamOutput {
    static let textGeneration = StreamCodec(
        decode: { bytes throws(JSONDecodingError) in try TextGenerationStreamOutput(json: bytes) },
        text: { $0.text },
        isFinal: { $0.details != nil || $0.generatedText != nil },
        wholeReply: { data in
            // A server that ignored `stream` answers a text-generation output, possibly in an array.
            let output = try TextGenerationOutput(jsonOrFirstElement: data)
            let details = output.details.map {
                TextGenerationStreamOutput.Details(finishReason: $0.finishReason, generatedTokens: $0.generatedTokens, seed: $0.seed)
            }
            return [TextGenerationStreamOutput(token: nil, generatedText: output.generatedText, details: details)]
        }
    )
}
