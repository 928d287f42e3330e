import TrilliumModel

/// Builds the search index of one language from its documents. Pure: no files, no clock.
public enum SearchIndexBuilder {
    /// Most occurrences of a term that count in one field, so repeating a word in a
    /// description cannot outrank a name.
    public static let occurrenceCap = 3

    /// Each term's score in a document is the sum over its fields of
    /// weight × min(occurrences in the field, `occurrenceCap`).
    public static func build(documents: [SearchDocument], language: Language) -> SearchIndex {
        var scores: [String: [Int: Int]] = [:]
        var termOfWord: [String: String] = [:] // the same word comes back often; stem it once
        for (index, document) in documents.enumerated() {
            for field in document.fields where field.weight > 0 {
                var counts: [String: Int] = [:]
                for word in SearchText.words(field.text, language: language) {
                    let term: String
                    if let known = termOfWord[word] {
                        term = known
                    } else {
                        term = SearchText.term(forWord: word, language: language)
                        termOfWord[word] = term
                    }
                    if !term.isEmpty { counts[term, default: 0] += 1 }
                }
                for (term, count) in counts {
                    scores[term, default: [:]][index, default: 0] += field.weight * min(count, occurrenceCap)
                }
            }
        }
        let terms = scores.mapValues { byDocument in
            byDocument.sorted { $0.key < $1.key }.map { SearchIndex.Posting(document: $0.key, score: $0.value) }
        }
        let entries = documents.map { SearchIndex.Entry(id: $0.id, url: $0.url, title: $0.title) }
        return SearchIndex(language: language, documents: entries, terms: terms)
    }
}
