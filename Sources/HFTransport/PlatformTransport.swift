/// The transport a client uses when given none: libcurl's process-wide engine on Linux (one event
/// thread for every client), URLSession elsewhere.
package func makePlatformTransport() -> any HTTPTransport {
    #if canImport(CCurl)
    return CurlTransport.shared
    #else
    return URLSessionTransport()
    #endif
}
