import TrilliumModel

extension SearchText {
    /// Joined words longer than this are not indexed: nobody types them.
    static let longestJoinedWord = 40

    /// The words of a name as someone might type them without spaces: the folded chunks with
    /// their apostrophes removed, stop words kept ("Jeunesse, J'écoute" gives jeunesse, jecoute).
    static func nameChunks(_ text: String) -> [String] {
        rawNameChunks(text).map { $0.filter { $0 != "'" } }.filter { !$0.isEmpty }
    }

    private static func rawNameChunks(_ text: String) -> [Substring] {
        fold(text).split(separator: " ").filter { $0.contains { $0 != "'" } }
    }

    /// Extra terms for a name, so it is found when typed without its spaces, hyphens or
    /// apostrophes: each chunk that held an apostrophe, without it; every run of two or three
    /// adjacent chunks joined; then all chunks joined (when there are more than three). Each
    /// is made a term like any word, in that order, repeats dropped.
    ///
    /// "Kids Help Phone" gives the terms of kidshelp, helpphone and kidshelpphone.
    /// search-core.js `joinedTerms` does the same; the shared vectors check it.
    public static func joinedTerms(_ name: String, language: Language) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for word in joinedWords(name) {
            let term = term(forWord: word, language: language)
            if !term.isEmpty, seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }

    /// The joined words behind `joinedTerms`, before stemming, repeats kept.
    static func joinedWords(_ name: String) -> [String] {
        let raw = rawNameChunks(name)
        let chunks = raw.map { $0.filter { $0 != "'" } }
        var joined: [String] = []
        for start in chunks.indices {
            if raw[start].contains("'") { joined.append(chunks[start]) }
            for length in 2...3 where start + length <= chunks.count {
                joined.append(chunks[start..<(start + length)].joined())
            }
        }
        if chunks.count > 3 { joined.append(chunks.joined()) }
        return joined.filter { $0.count <= longestJoinedWord }
    }

    /// The term of a whole query typed as one word ("kids help phone" as kidshelpphone), or nil
    /// for a query of fewer than two chunks. The query side of `joinedTerms`.
    public static func fullJoin(_ text: String, language: Language) -> String? {
        let chunks = nameChunks(text)
        let word = chunks.joined()
        guard chunks.count >= 2, word.count <= longestJoinedWord else { return nil }
        let term = term(forWord: word, language: language)
        return term.isEmpty ? nil : term
    }
}
