/// A dictionary that keeps its entries in order of use, for a cache that evicts the least
/// recently used: lookups, insertions and removals are O(1), through a doubly linked list kept in
/// an array (freed slots are reused).
struct LRUStore<Key: Hashable, Value> {
    private struct Node {
        var key: Key
        var value: Value
        /// Slots of the neighbours: towards the most recently used, and towards the least.
        var newer: Int?
        var older: Int?
    }

    private var nodes: [Node?] = []
    private var freeSlots: [Int] = []
    private var slots: [Key: Int] = [:]
    private var newest: Int?
    private var oldest: Int?

    var count: Int { slots.count }

    /// The value for `key`, which becomes the most recently used.
    mutating func use(_ key: Key) -> Value? {
        guard let slot = slots[key] else { return nil }
        unlink(slot)
        linkAsNewest(slot)
        return nodes[slot]!.value
    }

    /// Stores `value` as the most recently used; returns the value it replaces.
    @discardableResult
    mutating func insert(_ value: Value, for key: Key) -> Value? {
        let replaced = remove(key)
        let node = Node(key: key, value: value)
        let slot: Int
        if let free = freeSlots.popLast() {
            nodes[free] = node
            slot = free
        } else {
            nodes.append(node)
            slot = nodes.count - 1
        }
        slots[key] = slot
        linkAsNewest(slot)
        return replaced
    }

    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        guard let slot = slots.removeValue(forKey: key) else { return nil }
        unlink(slot)
        let value = nodes[slot]!.value
        nodes[slot] = nil
        freeSlots.append(slot)
        return value
    }

    /// The least recently used entry.
    var leastRecentlyUsed: (key: Key, value: Value)? {
        oldest.map { (nodes[$0]!.key, nodes[$0]!.value) }
    }

    /// Removes every entry whose value satisfies `shouldRemove`; returns the values removed.
    mutating func removeAll(where shouldRemove: (Value) -> Bool) -> [Value] {
        let doomed = slots.filter { shouldRemove(nodes[$0.value]!.value) }.keys
        return doomed.compactMap { remove($0) }
    }

    mutating func removeAll() {
        self = LRUStore()
    }

    private mutating func unlink(_ slot: Int) {
        let node = nodes[slot]!
        if let newer = node.newer { nodes[newer]!.older = node.older } else { newest = node.older }
        if let older = node.older { nodes[older]!.newer = node.newer } else { oldest = node.newer }
        nodes[slot]!.newer = nil
        nodes[slot]!.older = nil
    }

    private mutating func linkAsNewest(_ slot: Int) {
        nodes[slot]!.older = newest
        if let newest { nodes[newest]!.newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}
