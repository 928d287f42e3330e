/// Each folded word seen so far and its term's number, looked up by the word's bytes.
///
/// The index builder looks up every word of every page and service (millions at 10,000 pages
/// per language), so this avoids making a `String` per word: words are hashed as bytes
/// (FNV-1a) in an open-addressing table whose keys live in one byte array.
struct SearchWordTable {
    /// Per slot: the key's start in `keys`, or -1 when empty.
    private var starts: [Int32]
    private var lengths: [Int32]
    private var values: [Int32]
    private var keys: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        starts = Array(repeating: -1, count: capacity)
        lengths = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
    }

    /// The value stored for `word`, if any.
    func value(for word: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = Self.hash(word) & (starts.count - 1)
        while starts[slot] >= 0 {
            if lengths[slot] == word.count && matches(slot, word) { return values[slot] }
            slot = (slot + 1) & (starts.count - 1)
        }
        return nil
    }

    /// Stores `value` for a word that is not in the table yet.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (count + 1) * 2 > starts.count { grow() }
        var slot = Self.hash(word) & (starts.count - 1)
        while starts[slot] >= 0 { slot = (slot + 1) & (starts.count - 1) }
        starts[slot] = Int32(keys.count)
        lengths[slot] = Int32(word.count)
        values[slot] = value
        keys.append(contentsOf: word)
        count += 1
    }

    private func matches(_ slot: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[slot])
        for offset in 0..<word.count where keys[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func grow() {
        let old = (starts, lengths, values)
        starts = Array(repeating: -1, count: old.0.count * 2)
        lengths = Array(repeating: 0, count: starts.count)
        values = Array(repeating: 0, count: starts.count)
        for index in old.0.indices where old.0[index] >= 0 {
            let start = Int(old.0[index]), length = Int(old.1[index])
            var slot = keys.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) } & (starts.count - 1)
            while starts[slot] >= 0 { slot = (slot + 1) & (starts.count - 1) }
            starts[slot] = old.0[index]
            lengths[slot] = old.1[index]
            values[slot] = old.2[index]
        }
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
