import TrilliumModel

/// One thing the site search can find: a page or a service, in one language.
public struct SearchDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case page
        case service
    }

    public var kind: Kind
    /// The page a result links to (a site path, base path included).
    public var url: String
    public var title: String
    /// What a result shows beside its title: the page's section, or the directory's name.
    public var section: String
    /// The indexed text. Only fields are indexed: give the title as a field too.
    public var fields: [SearchField]
    /// The text a result's snippet is taken from (the description, then the body), written
    /// to the fragment as it is: cut it with `SearchFragment.excerpt`.
    public var excerpt: String
    /// Phone numbers a service's result shows.
    public var phones: [SearchPhone]

    public init(kind: Kind, url: String, title: String, section: String, fields: [SearchField], excerpt: String, phones: [SearchPhone] = []) {
        self.kind = kind
        self.url = url
        self.title = title
        self.section = section
        self.fields = fields
        self.excerpt = excerpt
        self.phones = phones
    }
}

/// A phone number as a result shows it ("Call 1-833-900-1010"), dialled with `href` (`tel:` or `sms:`).
public struct SearchPhone: Sendable, Equatable {
    public var text: String
    public var href: String

    public init(text: String, href: String) {
        self.text = text
        self.href = href
    }
}
