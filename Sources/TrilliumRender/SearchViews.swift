import TrilliumModel

/// The search field in every page's header: a plain GET form to the search page.
public struct SiteSearchFormView: Sendable {
    /// The search page of the page's language.
    public var href: String
}

/// The search page and the pages of its A–Z index.
public struct SearchPageView: Sendable {
    /// The index the search page's script reads (`search/<lang>/meta.json`); empty on A–Z pages.
    public var indexURL: String
    /// True on the search page itself, false on an A–Z page.
    public var isSearchPage: Bool
    /// One link per letter that has entries; the current letter is marked.
    public var letters: [LinkView]
    /// The current A–Z page's entries.
    public var entries: [SearchEntryView]
    public var hasEntries: Bool
    /// The script's wording (French typography applied), with `{n}` and `{q}` to fill in.
    public var resultsNone: String
    public var resultsOne: String
    public var resultsMany: String
    public var resultsError: String
}

/// One line of the A–Z index: a page or a service, where it belongs, and a service's phone.
public struct SearchEntryView: Sendable {
    public var title: String
    public var href: String
    public var section: String
    public var phone: ContactLinkView?
}
