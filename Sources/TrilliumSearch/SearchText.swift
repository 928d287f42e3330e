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
        forEachWord(text, language: language) { bytes in
            let word = String(decoding: bytes, as: UTF8.self)
            if !stopWords.contains(word) { result.append(word) }
        }
        return result
    }

    /// Calls `body` with the folded bytes of each word of steps 1 to 3, in order, stop words
    /// included (step 4 is the caller's). Works on bytes, since this runs over every page's text.
    static func forEachWord(_ text: String, language: Language, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = TextFolding.foldedUTF8(text)
        bytes.withUnsafeBufferPointer { folded in
            forEachWord(inFolded: folded, from: 0, language: language) { start, end in
                body(UnsafeBufferPointer(rebasing: folded[start..<end]))
            }
        }
    }

    /// Folds `text` onto the end of `buffer` and appends to `ranges` where each of its words
    /// (steps 1 to 3, stop words included) starts and ends in `buffer`, two numbers a word: the
    /// words are not copied again.
    static func appendWords(_ text: String, language: Language, to buffer: inout [UInt8], ranges: inout [Int32]) {
        let from = buffer.count
        TextFolding.appendFoldedUTF8(text, to: &buffer)
        // Words are at least a byte long and never overlap: at most one per folded byte.
        let found = buffer.withUnsafeBufferPointer { folded in
            [Int32](unsafeUninitializedCapacity: 2 * (folded.count - from)) { pairs, written in
                var count = 0
                forEachWord(inFolded: folded, from: from, language: language) { start, end in
                    pairs[count] = Int32(start)
                    pairs[count + 1] = Int32(end)
                    count += 2
                }
                written = count
            }
        }
        ranges.append(contentsOf: found)
    }

    /// The tokenizer: calls `body` with the range of each word of `folded` from `from` on.
    @inline(__always)
    private static func forEachWord(inFolded folded: UnsafeBufferPointer<UInt8>, from: Int, language: Language, _ body: (Int, Int) -> Void) {
        let apostrophe = UInt8(ascii: "'"), space = UInt8(ascii: " ")
        var index = from
        while index < folded.count {
            while index < folded.count && folded[index] == space { index += 1 }
            var start = index
            while index < folded.count && folded[index] != space { index += 1 }
            var end = index
            while start < end && folded[start] == apostrophe { start += 1 }
            while end > start && folded[end - 1] == apostrophe { end -= 1 }
            guard start < end else { continue }
            switch language {
            case .fr:
                // Every elision ends in an apostrophe, at most seven bytes in: most words have none.
                var apostropheNear = false
                for offset in 1..<min(8, end - start) where folded[start + offset] == apostrophe {
                    apostropheNear = true
                    break
                }
                if apostropheNear, let elision = frenchElisionBytes.first(where: { Self.bytes(folded, start, end, beginWith: $0) }) {
                    start += elision.count
                }
            case .en:
                if end - start >= 2 && folded[end - 2] == apostrophe && folded[end - 1] == UInt8(ascii: "s") { end -= 2 }
            }
            // Words: split on apostrophes and where letters meet digits.
            var wordStart = start
            var position = start
            while position <= end {
                let boundary = position == end || folded[position] == apostrophe
                    || (position > wordStart && isDigit(folded[position]) != isDigit(folded[position - 1]))
                if boundary {
                    if position > wordStart { body(wordStart, position) }
                    wordStart = position < end && folded[position] == apostrophe ? position + 1 : position
                }
                position += 1
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func bytes(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, beginWith prefix: [UInt8]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where buffer[start + offset] != byte { return false }
        return true
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
    private static let frenchElisionBytes = frenchElisions.map { Array($0.utf8) }

    /// Checked in order; the first ending that matches wins.
    private static let frenchAccentedEndings: [(String, String)] = [
        ("ierement", "ièrement"), ("ieres", "ières"), ("iere", "ière"),
        ("ees", "ées"), ("ee", "ée"), ("ites", "ités"), ("ite", "ité"),
    ]
}
