import HFCore
import Instrumentation

/// Writes a tracer's context (W3C `traceparent`, `tracestate`, …) into a request's headers.
struct HTTPHeadersInjector: Injector {
    func inject(_ value: String, forKey key: String, into headers: inout HTTPHeaders) {
        headers[key] = value
    }
}
