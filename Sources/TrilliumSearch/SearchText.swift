import TrilliumModel

/// Turns text into search terms, the same way at build time (here) and at query time
/// (Themes/default/assets/js/search-core.js).
///
/// The steps, for both languages:
/// 1. `fold`: lowercase ASCII letters and digits, apostrophes, and spaces for everything
///    that separates words (see SearchText+Folding.swift).
/// 2. Chunks are runs of letters, digits and apostrophes, with apostrophes trimmed at both
///    ends. French drops a leading elision (l' d' qu' jusqu' lorsqu' puisqu' c' j' m' n'
///    s' t'); English drops a trailing 's.
/// 3. Chunks are split into words on apostrophes and where letters meet digits, so
///    "Talk4Healing" is "talk 4 healing" and "2SLGBTQ+" is "2 slgbtq".
/// 4. Stop words (their folded spelling) are dropped.
/// 5. Each word becomes a term: `EnglishStemmer`, or for French `FrenchStemmer` with the
///    result folded again.
///
/// Folding comes before stemming, so two spellings that differ only in accents always give
/// the same term: a visitor typing "securite" finds "sécurité". Snowball's French rules read
/// a few accents, so French words first get back the accent of four endings whose folded
/// spelling can only come from one accented ending: -ee(s) from -ée(s), -iere(s) from
/// -ière(s), -ierement from -ièrement, -ite(s) from -ité(s). On Debian's 346,000-form French
/// word list (literary passé simple and imperfect subjunctive forms left out), 98.3% of the
/// pairs of forms that Snowball gives one stem on accented text still share a term; without
/// this step it is 88%. That list was only used to choose the rule; it is not shipped.
///
/// Tests/Fixtures/search-vectors.json holds expected outputs that both implementations
/// must give, and the stop word lists they must share.
public enum SearchText {
    /// The search terms of `text`, in order, repeats kept.
    public static func tokens(_ text: String, language: Language) -> [String] {
        words(text, language: language).map { term(forWord: $0, language: language) }.filter { !$0.isEmpty }
    }

    /// Steps 1 to 4: the folded words of `text` that are not stop words, in order.
    static func words(_ text: String, language: Language) -> [String] {
        let stopWords = stopWords(for: language)
        var result: [String] = []
        for piece in fold(text).split(separator: " ") {
            var chunk = Substring(piece.drop(while: { $0 == "'" }))
            while chunk.last == "'" { chunk = chunk.dropLast() }
            switch language {
            case .fr:
                if let elision = frenchElisions.first(where: { chunk.hasPrefix($0) }) {
                    chunk = chunk.dropFirst(elision.count)
                }
            case .en:
                if chunk.hasSuffix("'s") { chunk = chunk.dropLast(2) }
            }
            for part in chunk.split(separator: "'") {
                for word in letterAndDigitRuns(part) where !stopWords.contains(word) {
                    result.append(word)
                }
            }
        }
        return result
    }

    /// The runs of letters and of digits in a folded word: "talk4healing" gives talk, 4, healing.
    static func letterAndDigitRuns(_ word: Substring) -> [String] {
        var runs: [String] = []
        var start = word.startIndex
        var previousIsDigit: Bool?
        for index in word.indices {
            let isDigit = word[index].isASCII && word[index].isNumber
            if let previous = previousIsDigit, previous != isDigit {
                runs.append(String(word[start..<index]))
                start = index
            }
            previousIsDigit = isDigit
        }
        if start < word.endIndex { runs.append(String(word[start...])) }
        return runs
    }

    /// Step 5: the term for one folded word.
    static func term(forWord word: String, language: Language) -> String {
        switch language {
        case .en:
            return EnglishStemmer.stem(word)
        case .fr:
            return fold(FrenchStemmer.stem(restoringFrenchAccents(word)))
        }
    }

    /// Puts back the accent of the folded endings that can only come from one accented ending.
    static func restoringFrenchAccents(_ word: String) -> String {
        for (folded, accented) in frenchAccentedEndings where word.hasSuffix(folded) {
            return word.dropLast(folded.count) + accented
        }
        return word
    }

    /// Longest first, so "qu'" is never read as a shorter elision.
    private static let frenchElisions = ["jusqu'", "lorsqu'", "puisqu'", "qu'", "c'", "d'", "j'", "l'", "m'", "n'", "s'", "t'"]

    /// Checked in order; the first ending that matches wins.
    private static let frenchAccentedEndings: [(String, String)] = [
        ("ierement", "ièrement"), ("ieres", "ières"), ("iere", "ière"),
        ("ees", "ées"), ("ee", "ée"), ("ites", "ités"), ("ite", "ité"),
    ]
}
