/// A growable run of `Float`s the decoder writes into without per-append checks beyond capacity.
/// The owner calls ``deallocate()`` when done (after ``makeArray()``).
struct FloatStorage {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        pointer = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ value: Float) {
        if count == capacity { grow() }
        pointer[count] = value
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Float>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = larger
        capacity *= 2
    }

    /// The values as an array of exactly ``count`` elements.
    func makeArray() -> [Float] {
        Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The values with rows of `dimension` rearranged so that row `order[i]` comes `i`-th.
    func makeArray(rowOrder order: [Int], dimension: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for (target, source) in order.enumerated() {
                (buffer.baseAddress! + target * dimension).initialize(from: pointer + source * dimension, count: dimension)
            }
            initialized = count
        }
    }

    func deallocate() {
        pointer.deallocate()
    }
}
