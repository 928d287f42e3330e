import TrilliumModel

/// The search index of one language: its documents and, for each term, where it occurs.
///
/// Built by `SearchIndexBuilder`, written by `jsonData()`, read in the browser by
/// `TrilliumSearchCore.query` (Themes/default/assets/js/search-core.js). The JSON format
/// is versioned by `formatVersion`; change both sides together.
public struct SearchIndex: Sendable, Equatable {
    /// What a result shows: the document's id, URL and title.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var url: String
        public var title: String

        public init(id: String, url: String, title: String) {
            self.id = id
            self.url = url
            self.title = title
        }
    }

    /// One document that contains a term, with the term's score there.
    public struct Posting: Sendable, Equatable {
        /// Position of the document in `documents`.
        public var document: Int
        /// Sum over the document's fields of weight × occurrences (at most 3 per field).
        public var score: Int

        public init(document: Int, score: Int) {
            self.document = document
            self.score = score
        }
    }

    /// The `v` of the JSON; search-core.js refuses any other.
    public static let formatVersion = 1

    public var language: Language
    /// In the order they were given to the builder.
    public var documents: [Entry]
    /// For each term, its postings in document order.
    public var terms: [String: [Posting]]

    public init(language: Language, documents: [Entry], terms: [String: [Posting]]) {
        self.language = language
        self.documents = documents
        self.terms = terms
    }
}
