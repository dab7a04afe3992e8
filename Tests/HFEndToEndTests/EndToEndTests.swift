import Testing

/// End-to-end tests against a real llama.cpp server (`Scripts/e2e.sh`). One at a time: the
/// server generates for one request at a time anyway, and the cancellation test reads the
/// server's log, which other tests' requests must not touch meanwhile.
@Suite("End to end: llama.cpp server", .serialized, .enabled(if: EndToEndServer.isRunning, EndToEndServer.skipReason))
struct EndToEndTests {}
