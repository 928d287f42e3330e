import TrilliumModel

extension SearchText {
    /// Joined words longer than this are not indexed: nobody types them.
    static let longestJoinedWord = 40

    /// The words of a name as someone might type them without spaces: the folded chunks with
    /// their apostrophes removed, stop words kept ("Jeunesse, J'écoute" gives jeunesse, jecoute).
    static func nameChunks(_ text: String) -> [String] {
        nameChunkBytes(text).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Each folded chunk without its apostrophes, and whether it had one.
    private static func nameChunkBytes(_ text: String) -> [(bytes: [UInt8], hadApostrophe: Bool)] {
        var chunks: [(bytes: [UInt8], hadApostrophe: Bool)] = []
        var current: [UInt8] = [], apostrophe = false
        for byte in TextFolding.foldedUTF8(text) + [UInt8(ascii: " ")] {
            switch byte {
            case UInt8(ascii: " "):
                if !current.isEmpty { chunks.append((current, apostrophe)) }
                current = []
                apostrophe = false
            case UInt8(ascii: "'"): apostrophe = true
            default: current.append(byte)
            }
        }
        return chunks
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
        let chunks = nameChunkBytes(name)
        var joined: [[UInt8]] = []
        for start in chunks.indices {
            if chunks[start].hadApostrophe { joined.append(chunks[start].bytes) }
            for length in 2...3 where start + length <= chunks.count {
                joined.append(chunks[start..<(start + length)].flatMap(\.bytes))
            }
        }
        if chunks.count > 3 { joined.append(chunks.flatMap(\.bytes)) }
        return joined.filter { $0.count <= longestJoinedWord }.map { String(decoding: $0, as: UTF8.self) }
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
