import TrilliumModel

/// Turns a document's fields into term scores. Pure: no files, no clock.
public enum SearchIndexBuilder {
    /// Most occurrences of a term that count in one field, so repeating a word in a body
    /// cannot outrank a title.
    public static let occurrenceCap = 3

    /// Each field's weight and its words (joined words of names included) with their counts,
    /// before stemming: the part of the analysis that needs no shared state.
    public static func wordCounts(of fields: [SearchField], language: Language) -> [FieldWords] {
        fields.compactMap { field in
            guard field.weight > 0 else { return nil }
            var counts: [String: Int] = [:]
            for word in SearchText.words(field.text, language: language) { counts[word, default: 0] += 1 }
            if field.isName {
                for word in SearchText.joinedWords(field.text) { counts[word, default: 0] += 1 }
            }
            return counts.isEmpty ? nil : FieldWords(weight: field.weight, counts: counts)
        }
    }

    /// Each term's score in a document: the sum over its fields of
    /// weight × min(occurrences of the term in the field, `occurrenceCap`).
    /// `term` stems one folded word (callers may cache it).
    public static func scores(of fields: [FieldWords], term: (String) -> String) -> [String: Int] {
        var scores: [String: Int] = [:]
        for field in fields {
            var counts: [String: Int] = [:]
            for (word, count) in field.counts {
                let term = term(word)
                if !term.isEmpty { counts[term, default: 0] += count }
            }
            for (term, count) in counts { scores[term, default: 0] += field.weight * min(count, occurrenceCap) }
        }
        return scores
    }

    /// `scores(of:term:)` with the plain stemmer.
    public static func scores(of fields: [SearchField], language: Language) -> [String: Int] {
        scores(of: wordCounts(of: fields, language: language)) { SearchText.term(forWord: $0, language: language) }
    }

    /// One field's weight and its folded words with their counts.
    public struct FieldWords: Sendable, Equatable {
        public var weight: Int
        public var counts: [String: Int]
    }
}
