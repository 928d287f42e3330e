/// A dictionary kept as 256 smaller ones, each key in the one its hash picks: changing an entry
/// of a table another value still shares copies that part (a 256th of the entries), not the
/// whole table.
///
/// The preview keeps a hash of each of 60,000 service files; the site it built last holds the
/// table too, so a one-service edit copied all 60,000 entries (a retain of each id), 15–25 ms
/// of the edit once the rest of the site had been rendered in between.
public struct ShardedDictionary<Key: Hashable, Value> {
    private static var shardCount: Int { 256 }
    private var shards: [[Key: Value]]

    public init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    public init(_ entries: [Key: Value]) {
        self.init()
        for index in shards.indices { shards[index].reserveCapacity(entries.count / Self.shardCount + 8) }
        for (key, value) in entries { self[key] = value }
    }

    private static func shard(_ key: Key) -> Int { key.hashValue & (shardCount - 1) }

    public subscript(key: Key) -> Value? {
        get { shards[Self.shard(key)][key] }
        set { shards[Self.shard(key)][key] = newValue }
    }

    public var count: Int { shards.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }

    /// The entries for which `isIncluded` holds.
    public func filter(_ isIncluded: ((key: Key, value: Value)) throws -> Bool) rethrows -> ShardedDictionary {
        var result = self
        for index in shards.indices { result.shards[index] = try shards[index].filter(isIncluded) }
        return result
    }
}

extension ShardedDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}

extension ShardedDictionary: Sequence {
    public func makeIterator() -> FlattenSequence<[[Key: Value]]>.Iterator { shards.joined().makeIterator() }
}

extension ShardedDictionary: Equatable where Value: Equatable {
    /// Parts still shared compare at once (by identity); the others entry by entry.
    public static func == (a: ShardedDictionary, b: ShardedDictionary) -> Bool { a.shards == b.shards }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}
