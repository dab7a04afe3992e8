/// The best `k` of a stream of scored rows, kept in a bounded heap whose root is the worst kept.
/// Offering a row costs one comparison unless it beats the worst kept.
struct TopKSelection {
    let k: Int
    private var heap: [SearchResult] = []

    init(k: Int) {
        self.k = k
        heap.reserveCapacity(k)
    }

    @inline(__always)
    mutating func offer(_ candidate: SearchResult) {
        if heap.count < k {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if SearchResult.ranksBefore(candidate, heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept results, best first.
    var results: [SearchResult] {
        heap.sorted(by: SearchResult.ranksBefore)
    }

    /// `true` when `a` should sit above `b`: it is the worse of the two.
    private func isWorse(_ a: SearchResult, _ b: SearchResult) -> Bool {
        SearchResult.ranksBefore(b, a)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isWorse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && isWorse(heap[left], heap[worst]) { worst = left }
            if right < heap.count && isWorse(heap[right], heap[worst]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
