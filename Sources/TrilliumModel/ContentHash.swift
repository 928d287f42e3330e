import Foundation

/// Short, stable content hashes for cache-busting file names (FNV-1a, 64 bits).
public enum ContentHash {
    public static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(10))
    }
}

extension Hasher {
    /// Feeds a text's UTF-8 bytes (and their count). `combine(_: String)` hashes the text's
    /// canonical form, checking every character for normalization: several times slower on long
    /// texts. Two spellings of one text hash differently here, which only makes a cache miss.
    public mutating func combineUTF8(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            combine(bytes.count)
            combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}

extension String {
    /// A hash of the text's UTF-8 bytes (see `Hasher.combineUTF8`), for telling changed files apart.
    public var utf8HashValue: Int {
        var hasher = Hasher()
        hasher.combineUTF8(self)
        return hasher.finalize()
    }
}
