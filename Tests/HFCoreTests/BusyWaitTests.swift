import Foundation
import HFTestSupport
import Testing

@testable import HFCore

/// The point of the libcurl transport: a request that waits costs no CPU. Measured in a separate
/// process (`HFWaitProbe`), since other tests running in this one would add their own CPU.
/// Figures on this machine class: about 0.003 s for a 3 s wait through libcurl, 2.3 s through
/// URLSession on Linux; the bound below leaves a wide margin, and the exact figures belong to the
/// benchmarks.
@Suite("No busy waiting")
struct BusyWaitTests {
    struct Measurement: Decodable {
        let cpu_seconds: Double
        let wall_seconds: Double
        let curl_threads: Int
    }

    static func measure(_ arguments: [String]) async throws -> Measurement {
        let (output, status) = try await ProbeProcess.run("HFWaitProbe", arguments)
        #expect(status == 0)
        return try JSONDecoder().decode(Measurement.self, from: output)
    }

    @Test("while one response takes 3 s to arrive, the client spends under 0.3 s of CPU")
    func wholeResponse() async throws {
        let measurement = try await Self.measure(["--wait", "3", "--requests", "1"])
        #expect(measurement.wall_seconds >= 2.9)
        #expect(measurement.cpu_seconds < 0.3)
    }

    @Test("while a stream trickles in over 4 s, the client spends under 0.3 s of CPU")
    func stream() async throws {
        let measurement = try await Self.measure(["--wait", "4", "--mode", "stream"])
        #expect(measurement.wall_seconds >= 3)
        #expect(measurement.cpu_seconds < 0.3)
    }

    #if os(Linux)
    @Test("many clients with the default transport share one libcurl event thread; transports of their own each have one")
    func sharedEventThread() async throws {
        let shared = try await Self.measure(["--transport", "default", "--clients", "20", "--wait", "0.3"])
        #expect(shared.curl_threads == 1)
        let own = try await Self.measure(["--transport", "curl", "--clients", "5", "--wait", "0.3"])
        #expect(own.curl_threads == 5)
    }
    #endif

    @Test("while a transfer sits paused because the reader stopped, the client spends under 0.3 s of CPU")
    func pausedByBackpressure() async throws {
        let measurement = try await Self.measure(["--wait", "3", "--mode", "paused"])
        #expect(measurement.wall_seconds >= 2.9)
        #expect(measurement.cpu_seconds < 0.3)
    }
}
