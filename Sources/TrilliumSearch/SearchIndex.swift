import TrilliumModel

/// The search index of one language: for each term, the documents that hold it and the term's
/// score there.
///
/// Documents are numbered pages first, then services: `0..<pages` are pages and
/// `pages..<(pages + services)` are services, in the order they were given. Written as a
/// sharded index by `files()` (see SearchIndex+Files.swift) and read in the browser by
/// `TrilliumSearchCore` (Themes/default/assets/js/search-core.js); the format is versioned by
/// `formatVersion`, so change both sides together.
public struct SearchIndex: Sendable, Equatable {
    /// One document that contains a term, with the term's score there.
    public struct Posting: Sendable, Equatable {
        public var document: Int
        /// Σ over the document's fields of weight × occurrences (at most 3 per field).
        public var score: Int

        public init(document: Int, score: Int) {
            self.document = document
            self.score = score
        }
    }

    /// The `v` of every file; search-core.js refuses any other.
    public static let formatVersion = 2

    public var language: Language
    public var pages: Int
    public var services: Int
    /// For each term, its postings in document order.
    public var terms: [String: [Posting]]

    public init(language: Language, pages: Int, services: Int, terms: [String: [Posting]]) {
        self.language = language
        self.pages = pages
        self.services = services
        self.terms = terms
    }

    public var documentCount: Int { pages + services }

    /// The index of `documents` (pages first, then services, each in the order given).
    public static func build(_ documents: [SearchDocument], language: Language) -> SearchIndex {
        let ordered = documents.filter { $0.kind == .page } + documents.filter { $0.kind == .service }
        let pages = ordered.prefix { $0.kind == .page }.count
        let collector = SearchIndexCollector(language: language, pages: pages, services: ordered.count - pages)
        for (number, document) in ordered.enumerated() { collector.add(document, number: number) }
        return collector.index()
    }
}
