/// The transport a client uses when given none: libcurl's process-wide engine for these limits on
/// Linux (one event thread for every client configured alike), URLSession elsewhere.
package func makePlatformTransport(connectionLimits: HTTPConnectionLimits) -> any HTTPTransport {
    #if canImport(CCurl)
    return CurlTransport.shared(connectionLimits: connectionLimits)
    #else
    return URLSessionTransport(connectionLimits: connectionLimits)
    #endif
}
