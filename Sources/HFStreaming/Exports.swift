// Streaming extends HFInference's API group: `import HFStreaming` brings it, and the client, along.
@_exported import HFInference
