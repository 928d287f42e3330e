import TrilliumModel

/// One thing the site search can find: a service or a page, with the text to index.
public struct SearchDocument: Sendable, Equatable {
    /// A stable id, such as the service id; returned with each result.
    public var id: String
    /// The page URL a result links to.
    public var url: String
    /// What a result shows. Only `fields` are indexed, so give the title as a field too.
    public var title: String
    public var fields: [SearchField]

    public init(id: String, url: String, title: String, fields: [SearchField]) {
        self.id = id
        self.url = url
        self.title = title
        self.fields = fields
    }
}
