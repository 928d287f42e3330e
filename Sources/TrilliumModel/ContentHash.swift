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
