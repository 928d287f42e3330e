/// The one folding of text to lowercase ASCII, shared by search, heading ids and readability.
public enum TextFolding {
    /// Folds text to lowercase ASCII: the result holds only a-z, 0-9, apostrophes and spaces.
    ///
    /// Each Unicode scalar is mapped on its own, by explicit rules rather than the platform's
    /// Unicode normalization, so Swift and JavaScript give the same result everywhere:
    /// - A-Z become a-z; a-z and 0-9 stay; ' and ` become an apostrophe.
    /// - U+00C0...U+017F (Latin-1 letters and Latin Extended-A) use `latinLetters`:
    ///   é è ê ë → e, ç → c, œ → oe, æ → ae, ß → ss, þ → th, ĳ → ij, and so on.
    /// - ª º → a o; ¹ ² ³ → 1 2 3; the ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ ligatures → their letters; fullwidth
    ///   letters and digits → ASCII.
    /// - Typographic apostrophes ’ ‘ ‛ ʼ ´ ′ → an apostrophe.
    /// - Combining marks (so a decomposed é is still e), the soft hyphen and the invisible
    ///   format characters U+200B-U+200D, U+2060 and U+FEFF disappear.
    /// - Everything else (punctuation, every kind of dash and space, other scripts, emoji)
    ///   becomes a space, which separates words.
    public static func fold(_ text: String) -> String {
        String(decoding: foldedUTF8(text), as: UTF8.self)
    }

    /// `fold` as bytes (all ASCII), for code that scans the result byte by byte.
    public static func foldedUTF8(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        appendFoldedUTF8(text, to: &result)
        return result
    }

    /// `foldedUTF8(text)` appended to `buffer`.
    public static func appendFoldedUTF8(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Every scalar folds to at most as many bytes as it takes in UTF-8.
            let before = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: bytes.count))
            let written = buffer.withUnsafeMutableBufferPointer { whole in
                let out = UnsafeMutableBufferPointer(rebasing: whole[before...])
                var index = 0, count = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        switch lead {
                        case 0x41...0x5A: out[count] = lead + 0x20
                        case 0x61...0x7A, 0x30...0x39: out[count] = lead
                        case 0x27, 0x60: out[count] = 0x27
                        default: out[count] = 0x20
                        }
                        count += 1
                        index += 1
                        continue
                    }
                    // Strings hold valid UTF-8: decode one scalar of 2 to 4 bytes.
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
                    }
                    for byte in folded(value) {
                        out[count] = byte
                        count += 1
                    }
                    index += length
                }
                return count
            }
            buffer.removeLast(bytes.count - written)
        }
    }

    private static let space: [UInt8] = [0x20], nothing: [UInt8] = []

    /// The folded bytes of one scalar beyond ASCII.
    private static func folded(_ c: UInt32) -> [UInt8] {
        switch c {
        case 0xC0...0x17F: latinFolds[Int(c - 0xC0)]
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: nothing // combining marks
        case 0xFF10...0xFF19: [UInt8(c - 0xFF10 + 0x30)]
        case 0xFF21...0xFF3A: [UInt8(c - 0xFF21 + 0x61)]
        case 0xFF41...0xFF5A: [UInt8(c - 0xFF41 + 0x61)]
        default: specialFolds[c] ?? space
        }
    }

    /// One letter per code point from U+00C0 to U+017F. A capital stands for two letters
    /// (see `doubleLetters`); a space is a separator (the multiplication and division signs).
    /// search-core.js holds the same string.
    static let latinLetters: [Character] = Array(
        "aaaaaaAceeeeiiiidnooooo ouuuuyTSaaaaaaAceeeeiiiidnooooo ouuuuyTy"
            + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkkllllllllll"
            + "nnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    )

    private static let doubleLetters: [Character: String] = ["A": "ae", "O": "oe", "S": "ss", "T": "th", "I": "ij"]

    /// `latinLetters` with the capitals spelled out, as bytes.
    private static let latinFolds: [[UInt8]] = latinLetters.map { Array((doubleLetters[$0] ?? String($0)).utf8) }

    private static let specialFolds: [UInt32: [UInt8]] = ([
        0xAA: "a", 0xBA: "o", 0xB2: "2", 0xB3: "3", 0xB9: "1",
        0xB4: "'", 0x2BC: "'", 0x2018: "'", 0x2019: "'", 0x201B: "'", 0x2032: "'",
        0xAD: "", 0x200B: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: "",
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ] as [UInt32: String]).mapValues { Array($0.utf8) }
}
