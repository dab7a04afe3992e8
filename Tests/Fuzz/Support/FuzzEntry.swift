// libFuzzer's entry point, shared by every target: each target file defines `fuzz(_:)`.
// Invariants are checked with `fatalError` (not `precondition`, whose message -O drops), so a
// broken one stops the run like a crash and libFuzzer keeps the input that broke it.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// Stops the run, keeping the input, when `condition` does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
