import TrilliumModel

/// Snowball's "english" stemmer (Porter2), as published by snowballstem.org (Snowball 3).
///
/// Expects one lowercase word. The search pipeline only passes folded ASCII words, but the
/// apostrophe rules are kept so the stemmer can be checked against Snowball's vocabulary.
/// Mirrored line for line by `stemEnglish` in Themes/default/assets/js/search-core.js.
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        if let special = exceptions[word] { return special }
        var w = SnowballWord(word)
        guard w.count >= 3 else { return word }

        // Prelude: drop a leading apostrophe; a y that starts the word or follows a vowel is
        // a consonant, written Y until the end.
        if w.letters.first == "'" { w.letters.removeFirst() }
        var foundY = false
        for index in w.letters.indices
        where w.letters[index] == "y" && (index == 0 || isVowel(w.letters[index - 1])) {
            w.letters[index] = "Y"
            foundY = true
        }

        let p1 = specialPrefixes.first(where: { w.hasPrefix($0) }).map { $0.unicodeScalars.count }
            ?? w.region(from: 0, isVowel)
        let p2 = w.region(from: p1, isVowel)

        step1a(&w)
        step1b(&w, p1: p1)
        step1c(&w)
        step2(&w, p1: p1)
        step3(&w, p1: p1, p2: p2)
        step4(&w, p2: p2)
        step5(&w, p1: p1, p2: p2)

        if foundY {
            w.letters = w.letters.map { $0 == "Y" ? "y" : $0 }
        }
        return w.text
    }

    // MARK: - Steps

    private static func step1a(_ w: inout SnowballWord) {
        if let match = w.longestSuffix(in: apostropheEndings) { w.replace(from: match.start) }
        let n = w.count
        if w.hasSuffix("sses") {
            w.replace(from: n - 2)
        } else if w.hasSuffix("ied") || w.hasSuffix("ies") {
            w.replace(from: n - 3, with: n > 4 ? "i" : "ie")
        } else if w.hasSuffix("us") || w.hasSuffix("ss") {
            return
        } else if w.hasSuffix("s") && n >= 2 && w.hasVowel(before: n - 2, isVowel) {
            w.replace(from: n - 1)
        }
    }

    private enum Step1bRule: Sendable { case eed, ed, ing }

    private static func step1b(_ w: inout SnowballWord, p1: Int) {
        guard let match = w.longestSuffix(in: step1bEndings) else { return }
        let start = match.start
        switch match.rule {
        case .eed:
            if !["proc", "exc", "succ"].contains(w.prefix(upTo: start)) && start >= p1 {
                w.replace(from: start, with: "ee")
            }
            return
        case .ing:
            if start == 2 && w.letters[1] == "y" && !isVowel(w.letters[0]) {
                w.replace(from: 1, with: "ie") // dying, lying, tying
                return
            }
            if ingExceptions.contains(w.prefix(upTo: start)) { return } // inning, outing...
        case .ed:
            break
        }
        guard w.hasVowel(before: start, isVowel) else { return }
        w.replace(from: start)
        let n = w.count
        if w.hasSuffix("at") || w.hasSuffix("bl") || w.hasSuffix("iz") {
            w.letters.append("e")
        } else if n >= 2, w.letters[n - 1] == w.letters[n - 2], "bdfgmnprt".unicodeScalars.contains(w.letters[n - 1]) {
            if !(n == 3 && "aeo".unicodeScalars.contains(w.letters[0])) { w.replace(from: n - 1) }
        } else if n == p1 && endsInShortSyllable(w, at: n) {
            w.letters.append("e")
        }
    }

    private static func step1c(_ w: inout SnowballWord) {
        let n = w.count
        guard n > 2, w.letters[n - 1] == "y" || w.letters[n - 1] == "Y", !isVowel(w.letters[n - 2]) else { return }
        w.replace(from: n - 1, with: "i")
    }

    private enum Step2Rule: Sendable { case replace(String), li, ogi }

    private static func step2(_ w: inout SnowballWord, p1: Int) {
        guard let match = w.longestSuffix(in: step2Endings), match.start >= p1 else { return }
        let start = match.start
        switch match.rule {
        case .replace(let replacement):
            w.replace(from: start, with: replacement)
        case .li:
            if let before = w.letter(at: start - 1), "cdeghkmnrt".unicodeScalars.contains(before) {
                w.replace(from: start)
            }
        case .ogi:
            if w.letter(at: start - 1) == "l" { w.replace(from: start, with: "og") }
        }
    }

    private static func step3(_ w: inout SnowballWord, p1: Int, p2: Int) {
        guard let match = w.longestSuffix(in: step3Endings), match.start >= p1 else { return }
        if match.rule == nil {
            if match.start >= p2 { w.replace(from: match.start) } // -ative
        } else {
            w.replace(from: match.start, with: match.rule ?? "")
        }
    }

    private static func step4(_ w: inout SnowballWord, p2: Int) {
        guard let match = w.longestSuffix(in: step4Endings), match.start >= p2 else { return }
        if w.hasSuffix("ion") {
            guard let before = w.letter(at: match.start - 1), before == "s" || before == "t" else { return }
        }
        w.replace(from: match.start)
    }

    private static func step5(_ w: inout SnowballWord, p1: Int, p2: Int) {
        let last = w.count - 1
        guard last >= 0 else { return }
        if w.letters[last] == "e" {
            if last >= p2 || (last >= p1 && !endsInShortSyllable(w, at: last)) { w.replace(from: last) }
        } else if w.letters[last] == "l" {
            if last >= p2 && w.letter(at: last - 1) == "l" { w.replace(from: last) }
        }
    }

    // MARK: - Letters and tables

    private static let vowels = Set("aeiouy".unicodeScalars)

    private static func isVowel(_ letter: Unicode.Scalar) -> Bool { vowels.contains(letter) }

    /// Porter2's short syllable, ending at `end`: consonant-vowel-consonant where the last
    /// consonant is not w, x or Y; or vowel-consonant at the start of the word; or "past".
    private static func endsInShortSyllable(_ w: SnowballWord, at end: Int) -> Bool {
        if end >= 3 {
            let a = w.letters[end - 3], b = w.letters[end - 2], c = w.letters[end - 1]
            if !isVowel(c) && !"wxY".unicodeScalars.contains(c) && isVowel(b) && !isVowel(a) { return true }
        }
        if end == 2 && !isVowel(w.letters[1]) && isVowel(w.letters[0]) { return true }
        return w.hasSuffix("past", before: end)
    }

    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli",
        "early": "earli", "only": "onli", "singly": "singl", "sky": "sky", "news": "news",
        "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    /// Word starts whose R1 begins right after them (generate, communism, universe...).
    private static let specialPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]

    private static let ingExceptions: Set<String> = ["inn", "out", "cann", "herr", "earr", "even"]

    private static let apostropheEndings = SuffixTable<Bool>(["'", "'s", "'s'"])

    private static let step1bEndings = SuffixTable<Step1bRule>([
        ("eed", .eed), ("eedly", .eed), ("ed", .ed), ("edly", .ed), ("ingly", .ed), ("ing", .ing),
    ])

    private static let step2Endings = SuffixTable<Step2Rule>([
        ("tional", .replace("tion")), ("enci", .replace("ence")), ("anci", .replace("ance")),
        ("abli", .replace("able")), ("entli", .replace("ent")), ("izer", .replace("ize")),
        ("ization", .replace("ize")), ("ational", .replace("ate")), ("ation", .replace("ate")),
        ("ator", .replace("ate")), ("alism", .replace("al")), ("aliti", .replace("al")),
        ("alli", .replace("al")), ("fulness", .replace("ful")), ("ousli", .replace("ous")),
        ("ousness", .replace("ous")), ("iveness", .replace("ive")), ("iviti", .replace("ive")),
        ("biliti", .replace("ble")), ("bli", .replace("ble")), ("ogist", .replace("og")),
        ("ogi", .ogi), ("fulli", .replace("ful")), ("lessli", .replace("less")), ("li", .li),
    ])

    /// Replacement for each suffix; nil marks -ative, which is deleted only in R2.
    private static let step3Endings = SuffixTable<String?>([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", nil),
    ])

    private static let step4Endings = SuffixTable<Bool>([
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ])
}
