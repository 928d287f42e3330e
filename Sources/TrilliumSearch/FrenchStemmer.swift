import TrilliumModel

/// Snowball's "french" stemmer, as published by snowballstem.org (Snowball 3).
///
/// Expects one lowercase word, accented or not; it follows the published algorithm for
/// accented words too, so it can be checked against Snowball's vocabulary. The search
/// pipeline calls it on folded words (see `SearchText.term(forWord:language:)`).
/// Mirrored line for line by `stemFrench` in Themes/default/assets/js/search-core.js.
public enum FrenchStemmer {
    public static func stem(_ word: String) -> String {
        var w = SnowballWord(word)
        removeElision(&w)
        markConsonantVowels(&w)

        var stemming = Stemming(word: w)
        if stemming.standardSuffix() || stemming.iVerbSuffix() || stemming.verbSuffix() {
            if stemming.w.hasSuffix("Y") {
                stemming.w.replace(from: stemming.w.count - 1, with: "i")
            } else if stemming.w.hasSuffix("ç") {
                stemming.w.replace(from: stemming.w.count - 1, with: "c")
            }
        } else {
            stemming.residualSuffix()
        }
        w = stemming.w
        if doubledEndings.contains(where: { w.hasSuffix($0) }) { w.replace(from: w.count - 1) }
        unAccent(&w)
        return postlude(w)
    }

    // MARK: - Before and after the suffix steps

    /// Drops a leading c' d' j' l' m' n' s' t' or qu' when something follows it.
    private static func removeElision(_ w: inout SnowballWord) {
        let length: Int
        if w.letter(at: 1) == "'", let first = w.letter(at: 0), "cdjlmnst".unicodeScalars.contains(first) {
            length = 2
        } else if w.hasPrefix("qu'") {
            length = 3
        } else {
            return
        }
        if w.count > length { w.letters.removeFirst(length) }
    }

    /// Snowball's prelude: u, i and y that act as consonants become U, I and Y; ë and ï
    /// become He and Hi. A position is tested again after a change, as "repeat goto" does.
    private static func markConsonantVowels(_ w: inout SnowballWord) {
        var i = 0
        while i < w.count {
            let c = w.letters[i], d = w.letter(at: i + 1)
            if isVowel(c) && d == "u" && isVowel(w.letter(at: i + 2)) {
                w.letters[i + 1] = "U"
            } else if isVowel(c) && d == "i" && isVowel(w.letter(at: i + 2)) {
                w.letters[i + 1] = "I"
            } else if isVowel(c) && d == "y" {
                w.letters[i + 1] = "Y"
            } else if c == "ë" {
                w.letters.replaceSubrange(i...i, with: ["H", "e"])
            } else if c == "ï" {
                w.letters.replaceSubrange(i...i, with: ["H", "i"])
            } else if c == "y" && isVowel(d) {
                w.letters[i] = "Y"
            } else if c == "q" && d == "u" {
                w.letters[i + 1] = "U"
            } else {
                i += 1
            }
        }
    }

    /// An é or è before the final consonants becomes e.
    private static func unAccent(_ w: inout SnowballWord) {
        var i = w.count
        while i > 0 && !isVowel(w.letters[i - 1]) { i -= 1 }
        if i < w.count && i > 0 && (w.letters[i - 1] == "é" || w.letters[i - 1] == "è") {
            w.letters[i - 1] = "e"
        }
    }

    private static func postlude(_ w: SnowballWord) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < w.count {
            switch w.letters[i] {
            case "H":
                let next = w.letter(at: i + 1)
                if next == "e" { out.append("ë"); i += 1 } else if next == "i" { out.append("ï"); i += 1 }
            case "I": out.append("i")
            case "U": out.append("u")
            case "Y": out.append("y")
            case let other: out.append(other)
            }
            i += 1
        }
        return String(out)
    }

    // MARK: - The suffix steps

    /// The word with its regions: RV from pV, R1 from p1, R2 from p2.
    private struct Stemming {
        var w: SnowballWord
        let pV: Int
        let p1: Int
        let p2: Int

        init(word: SnowballWord) {
            w = word
            let n = word.count
            if n >= 3 && isVowel(word.letters[0]) && isVowel(word.letters[1]) {
                pV = 3
            } else if ["par", "col", "tap"].contains(where: { word.hasPrefix($0) })
                || (word.hasPrefix("ni") && isVowel(word.letter(at: 2))) {
                pV = 3
            } else {
                pV = (1..<max(1, n)).first(where: { isVowel(word.letters[$0]) }).map { $0 + 1 } ?? n
            }
            p1 = word.region(from: 0) { FrenchStemmer.isVowel($0) }
            p2 = word.region(from: p1) { FrenchStemmer.isVowel($0) }
        }

        /// Start of `suffix` if the word ends with it, else nil.
        private func start(of suffix: String) -> Int? {
            w.hasSuffix(suffix) ? w.count - suffix.unicodeScalars.count : nil
        }

        /// Replaces the "ic" before a removed suffix: deleted in R2, otherwise iqU.
        private mutating func reduceIc() {
            if let k = start(of: "ic") { w.replace(from: k, with: k >= p2 ? "" : "iqU") }
        }

        mutating func standardSuffix() -> Bool {
            guard let match = w.longestSuffix(in: standardEndings) else { return false }
            let n = match.start
            switch match.rule {
            case .deleteInR2:
                guard n >= p2 else { return false }
                w.replace(from: n)
            case .ateur:
                guard n >= p2 else { return false }
                w.replace(from: n)
                reduceIc()
            case .logie:
                guard n >= p2 else { return false }
                w.replace(from: n, with: "log")
            case .ution:
                guard n >= p2 else { return false }
                w.replace(from: n, with: "u")
            case .ence:
                guard n >= p2 else { return false }
                w.replace(from: n, with: "ent")
            case .ement:
                guard n >= pV else { return false }
                w.replace(from: n)
                guard let inner = w.longestSuffix(in: ementEndings) else { break }
                let k = inner.start
                switch inner.rule {
                case .iv:
                    if k >= p2 {
                        w.replace(from: k)
                        if let at = start(of: "at"), at >= p2 { w.replace(from: at) }
                    }
                case .eus:
                    if k >= p2 { w.replace(from: k) } else if k >= p1 { w.replace(from: k, with: "eux") }
                case .ablOrIqU:
                    if k >= p2 { w.replace(from: k) }
                case .ier:
                    if k >= pV { w.replace(from: k, with: "i") }
                }
            case .ite:
                guard n >= p2 else { return false }
                w.replace(from: n)
                guard let inner = w.longestSuffix(in: iteEndings) else { break }
                let k = inner.start
                switch inner.rule {
                case .abil: w.replace(from: k, with: k >= p2 ? "" : "abl")
                case .ic: w.replace(from: k, with: k >= p2 ? "" : "iqU")
                case .iv: if k >= p2 { w.replace(from: k) }
                }
            case .ive:
                guard n >= p2 else { return false }
                w.replace(from: n)
                if let at = start(of: "at"), at >= p2 {
                    w.replace(from: at)
                    reduceIc()
                }
            case .eaux:
                w.replace(from: n, with: "eau")
            case .aux:
                guard n >= p1 else { return false }
                w.replace(from: n, with: "al")
            case .oux:
                guard let before = w.letter(at: n - 1), "bhjlnp".unicodeScalars.contains(before) else { return false }
                w.replace(from: n, with: "ou")
            case .euse:
                if n >= p2 { w.replace(from: n) } else if n >= p1 { w.replace(from: n, with: "eux") } else { return false }
            case .issement:
                guard n >= p1, let before = w.letter(at: n - 1), !isVowel(before) else { return false }
                w.replace(from: n)
            case .amment:
                if n >= pV { w.replace(from: n, with: "ant") }
                return false // so the verb steps still run
            case .emment:
                if n >= pV { w.replace(from: n, with: "ent") }
                return false
            case .ment:
                if n - 1 >= pV, isVowel(w.letter(at: n - 1)) { w.replace(from: n) }
                return false
            }
            return true
        }

        mutating func iVerbSuffix() -> Bool {
            guard w.count >= pV, let match = w.longestSuffix(in: iVerbEndings, notBefore: pV) else { return false }
            let n = match.start
            guard n - 1 >= pV, let before = w.letter(at: n - 1), before != "H", !isVowel(before) else { return false }
            w.replace(from: n)
            return true
        }

        mutating func verbSuffix() -> Bool {
            guard w.count >= pV, let match = w.longestSuffix(in: verbEndings, notBefore: pV) else { return false }
            var n = match.start
            switch match.rule {
            case .ions:
                guard n >= p2 else { return false }
            case .delete:
                break
            case .deleteWithE:
                if n - 1 >= pV && w.letter(at: n - 1) == "e" { n -= 1 }
            case .ais:
                // Not in balais, mauvais, déplais...
                if (w.hasSuffix("al", before: n) && n == 3) || w.hasSuffix("auv", before: n) || w.hasSuffix("épl", before: n) {
                    return false
                }
            }
            w.replace(from: n)
            return true
        }

        mutating func residualSuffix() {
            let last = w.count - 1
            if last >= 1 && w.letters[last] == "s" {
                let before = w.letters[last - 1]
                if w.hasSuffix("Hi", before: last) || !"aiouès".unicodeScalars.contains(before) { w.replace(from: last) }
            }
            guard w.count >= pV, let match = w.longestSuffix(in: residualEndings, notBefore: pV) else { return }
            let n = match.start
            switch match.rule {
            case .ion:
                if n >= p2 && n - 1 >= pV, let before = w.letter(at: n - 1), before == "s" || before == "t" {
                    w.replace(from: n)
                }
            case .ier:
                w.replace(from: n, with: "i")
            case .e:
                w.replace(from: n)
            }
        }
    }

    // MARK: - Letters and tables

    private static let vowels = Set("aeiouyâàëéêèïîôûù".unicodeScalars)

    private static func isVowel(_ letter: Unicode.Scalar?) -> Bool {
        letter.map { vowels.contains($0) } ?? false
    }

    private static let doubledEndings = ["enn", "onn", "ett", "ell", "eill"]

    private enum StandardRule: Sendable {
        case deleteInR2, ateur, logie, ution, ence, ement, ite, ive, eaux, aux, oux, euse, issement, amment, emment, ment
    }

    private static let standardEndings = SuffixTable<StandardRule>(grouped: [
        (.deleteInR2, ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"]),
        (.ateur, ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"]),
        (.logie, ["logie", "logies"]),
        (.ution, ["usion", "ution", "usions", "utions"]),
        (.ence, ["ence", "ences"]),
        (.ement, ["ement", "ements"]),
        (.ite, ["ité", "ités"]),
        (.ive, ["if", "ive", "ifs", "ives"]),
        (.eaux, ["eaux"]),
        (.aux, ["aux"]),
        (.oux, ["oux"]),
        (.euse, ["euse", "euses"]),
        (.issement, ["issement", "issements"]),
        (.amment, ["amment"]),
        (.emment, ["emment"]),
        (.ment, ["ment", "ments"]),
    ])

    private enum EmentRule: Sendable { case iv, eus, ablOrIqU, ier }

    private static let ementEndings = SuffixTable<EmentRule>([
        ("iv", .iv), ("eus", .eus), ("abl", .ablOrIqU), ("iqU", .ablOrIqU), ("ièr", .ier), ("Ièr", .ier),
    ])

    private enum IteRule: Sendable { case abil, ic, iv }

    private static let iteEndings = SuffixTable<IteRule>([("abil", .abil), ("ic", .ic), ("iv", .iv)])

    private static let iVerbEndings = SuffixTable<Bool>([
        "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
        "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait",
        "issant", "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez",
        "issions", "issons", "it",
    ])

    private enum VerbRule: Sendable { case ions, delete, deleteWithE, ais }

    private static let verbEndings = SuffixTable<VerbRule>(grouped: [
        (.ions, ["ions"]),
        (.delete, ["é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras",
                   "erez", "eriez", "erions", "erons", "eront", "ez", "iez", "eais"]),
        (.deleteWithE, ["âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as",
                        "asse", "assent", "asses", "assiez", "assions"]),
        (.ais, ["ais", "aise", "aises"]),
    ])

    private enum ResidualRule: Sendable { case ion, ier, e }

    private static let residualEndings = SuffixTable<ResidualRule>([
        ("ion", .ion), ("ier", .ier), ("ière", .ier), ("Ier", .ier), ("Ière", .ier), ("e", .e),
    ])
}
