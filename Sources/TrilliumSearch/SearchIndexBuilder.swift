import TrilliumModel

/// How a document's fields become term scores.
///
/// Each term's score in a document is the sum over its fields of
/// weight × min(occurrences of the term in the field, `occurrenceCap`). The one
/// implementation is `SearchIndexCollector.add`; `scores(of:language:)` runs it on one
/// document, for tests and tools.
public enum SearchIndexBuilder {
    /// Most occurrences of a term that count in one field, so repeating a word in a body
    /// cannot outrank a title.
    public static let occurrenceCap = 3

    /// Each term's score for one document made of `fields`.
    public static func scores(of fields: [SearchField], language: Language) -> [String: Int] {
        let collector = SearchIndexCollector(language: language, pages: 1, services: 0)
        collector.add(SearchDocument(kind: .page, url: "", title: "", section: "", fields: fields, excerpt: ""), number: 0)
        return collector.index().terms.mapValues { $0.first?.score ?? 0 }
    }
}
