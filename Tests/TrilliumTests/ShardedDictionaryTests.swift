import Testing
@testable import TrilliumModel

/// `ShardedDictionary` answers as a `Dictionary` would, and a copy changed in one entry leaves
/// the original as it was.
@Suite("Sharded dictionary")
struct ShardedDictionaryTests {
    @Test func randomChangesAnswerAsADictionaryWould() {
        var random = LiveSiteTests.Seeded(state: 2026)
        var plain: [String: Int] = [:]
        var sharded: ShardedDictionary<String, Int> = [:]
        var copies: [(ShardedDictionary<String, Int>, [String: Int])] = []
        for step in 0..<6_000 {
            let key = "service-\(random.next() % 1_500)"
            switch random.next() % 4 {
            case 0:
                plain[key] = nil
                sharded[key] = nil
            default:
                let value = Int(truncatingIfNeeded: random.next())
                plain[key] = value
                sharded[key] = value
            }
            #expect(sharded[key] == plain[key])
            if step % 1_000 == 0 { copies.append((sharded, plain)) }
        }
        #expect(sharded.count == plain.count)
        #expect(sharded.isEmpty == plain.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: sharded.map { ($0.key, $0.value) }) == plain)
        #expect(ShardedDictionary(plain) == sharded)
        // Copies taken along the way still hold what they held.
        for (copy, expected) in copies {
            #expect(Dictionary(uniqueKeysWithValues: copy.map { ($0.key, $0.value) }) == expected)
            #expect(copy.count == expected.count)
        }
        let odd = sharded.filter { $0.value & 1 == 1 }
        #expect(Dictionary(uniqueKeysWithValues: odd.map { ($0.key, $0.value) }) == plain.filter { $0.value & 1 == 1 })
    }

    @Test func equalityComparesEntriesNotHistory() {
        var a: ShardedDictionary<String, Int> = ["one": 1, "two": 2]
        let b = ShardedDictionary(["two": 2, "one": 1])
        #expect(a == b)
        a["one"] = 3
        #expect(a != b)
        a["one"] = 1
        #expect(a == b)
        a["three"] = 3
        a["three"] = nil
        #expect(a == b)
        #expect(ShardedDictionary<String, Int>() == [:])
    }
}
