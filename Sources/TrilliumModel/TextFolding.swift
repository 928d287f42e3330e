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
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            appendFolded(scalar.value, to: &out)
        }
        return String(out)
    }

    private static func appendFolded(_ c: UInt32, to out: inout String.UnicodeScalarView) {
        switch c {
        case 0x41...0x5A:
            out.append(scalar(c + 0x20))
        case 0x61...0x7A, 0x30...0x39:
            out.append(scalar(c))
        case 0x27, 0x60:
            out.append("'")
        case 0x00..<0x80:
            out.append(" ")
        case 0xC0...0x17F:
            let letter = latinLetters[Int(c - 0xC0)]
            out.append(contentsOf: (doubleLetters[letter] ?? String(letter)).unicodeScalars)
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            break // combining marks
        case 0xFF10...0xFF19:
            out.append(scalar(c - 0xFF10 + 0x30))
        case 0xFF21...0xFF3A:
            out.append(scalar(c - 0xFF21 + 0x61))
        case 0xFF41...0xFF5A:
            out.append(scalar(c - 0xFF41 + 0x61))
        default:
            out.append(contentsOf: (specialFolds[c] ?? " ").unicodeScalars)
        }
    }

    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? " "
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

    private static let specialFolds: [UInt32: String] = [
        0xAA: "a", 0xBA: "o", 0xB2: "2", 0xB3: "3", 0xB9: "1",
        0xB4: "'", 0x2BC: "'", 0x2018: "'", 0x2019: "'", 0x201B: "'", 0x2032: "'",
        0xAD: "", 0x200B: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: "",
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ]
}
