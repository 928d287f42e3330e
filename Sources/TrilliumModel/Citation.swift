/// A source a fact was checked against: a page's `sources:` entry or a service's `source`.
public struct Citation: Sendable, Hashable {
    /// The source's own title; nil when a service gives only a URL.
    public var title: String?
    /// An absolute web address.
    public var url: String
    /// The date the source gives for itself (published or updated), never a guess.
    public var date: Day?
    /// The language of the source and its title (`en`, `fr`, `tl`…), when it differs from the page's.
    public var language: String?
    /// Where it is written, for diagnostics.
    public var location: SourceLocation?

    public init(title: String? = nil, url: String, date: Day? = nil, language: String? = nil, location: SourceLocation? = nil) {
        self.title = title
        self.url = url
        self.date = date
        self.language = language
        self.location = location
    }
}
