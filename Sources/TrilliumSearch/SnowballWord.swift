import TrilliumModel

/// A word as the Snowball stemmers see it: a row of Unicode scalars, edited at its end.
///
/// Positions are scalar offsets, which is what Snowball's regions (RV, R1, R2) count.
/// The JavaScript twin (search-core.js) works on UTF-16 units; both agree because every
/// letter the rules look at is in the Basic Multilingual Plane.
struct SnowballWord {
    var letters: [Unicode.Scalar]

    init(_ text: String) {
        letters = Array(text.unicodeScalars)
    }

    var count: Int { letters.count }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters)
        return String(view)
    }

    /// The letter at `index`, or nil outside the word (Snowball's tests simply fail there).
    func letter(at index: Int) -> Unicode.Scalar? {
        index >= 0 && index < letters.count ? letters[index] : nil
    }

    /// The letters before `end` as a string.
    func prefix(upTo end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters[0..<max(0, min(end, letters.count))])
        return String(view)
    }

    func hasPrefix(_ start: String) -> Bool {
        letters.starts(with: start.unicodeScalars)
    }

    /// Whether the letters before `end` (the whole word by default) finish with `suffix`.
    func hasSuffix(_ suffix: String, before end: Int? = nil) -> Bool {
        let tail = Array(suffix.unicodeScalars)
        let stop = end ?? letters.count
        guard tail.count <= stop, stop <= letters.count else { return false }
        return letters[(stop - tail.count)..<stop].elementsEqual(tail)
    }

    /// The longest entry of `table` that ends the word and starts at or after `limit`.
    func longestSuffix<Rule>(in table: SuffixTable<Rule>, notBefore limit: Int = 0) -> (start: Int, rule: Rule)? {
        for entry in table.entries where entry.letters.count <= letters.count - limit {
            let start = letters.count - entry.letters.count
            if letters[start...].elementsEqual(entry.letters) {
                return (start, entry.rule)
            }
        }
        return nil
    }

    /// Whether any letter before `end` satisfies `isVowel`.
    func hasVowel(before end: Int, _ isVowel: (Unicode.Scalar) -> Bool) -> Bool {
        letters[0..<max(0, min(end, letters.count))].contains(where: isVowel)
    }

    /// Snowball's "gopast vowel gopast non-vowel" from `start`: the index just past the first
    /// non-vowel that follows a vowel, or the word's length if there is none.
    func region(from start: Int, _ isVowel: (Unicode.Scalar) -> Bool) -> Int {
        var index = start
        while index < letters.count && !isVowel(letters[index]) { index += 1 }
        while index < letters.count && isVowel(letters[index]) { index += 1 }
        return index < letters.count ? index + 1 : letters.count
    }

    /// Replaces everything from `start` to the end with `replacement`.
    mutating func replace(from start: Int, with replacement: String = "") {
        letters.replaceSubrange(start..., with: replacement.unicodeScalars)
    }
}

/// Suffixes a Snowball step looks for, each with the rule to apply, searched longest first.
struct SuffixTable<Rule: Sendable>: Sendable {
    struct Entry: Sendable {
        let letters: [Unicode.Scalar]
        let rule: Rule
    }

    let entries: [Entry]

    init(_ pairs: [(String, Rule)]) {
        entries = pairs
            .map { Entry(letters: Array($0.0.unicodeScalars), rule: $0.1) }
            .sorted { $0.letters.count > $1.letters.count }
    }
}

extension SuffixTable {
    /// A table given as groups of suffixes that share a rule.
    init(grouped groups: [(Rule, [String])]) {
        self.init(groups.flatMap { group in group.1.map { ($0, group.0) } })
    }
}

extension SuffixTable where Rule == Bool {
    /// A table whose suffixes all lead to the same action.
    init(_ suffixes: [String]) {
        self.init(suffixes.map { ($0, true) })
    }
}
