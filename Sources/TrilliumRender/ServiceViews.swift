import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Template contexts for the service directory pages.
///
/// The directory's first page: a search with filters (shown by its script), the featured
/// services, and links into the lists, which hold the services without JavaScript.
public struct DirectoryView: Sendable {
    /// The site search index the directory's search reads.
    public var searchIndex: String
    /// Base URL of the lists' data in the page's language (`/api/v1/lists/en/`).
    public var listsURL: String
    /// Base URL of the facets blocks (`/api/v1/lists/facets/`).
    public var facetsURL: String
    public var categories: [TermView]
    public var regions: [TermView]
    public var audiences: [TermView]
    public var languages: [TermView]
    /// The list of every service.
    public var allServices: TermView
    /// The first services of the featured category (taxonomy `featured: true`) in the everywhere region.
    public var featured: FeaturedServicesView?
}

/// A few services shown first on the directory's first page, with a link to all of them.
public struct FeaturedServicesView: Sendable {
    public var heading: String
    /// Where the services' cards go: the renderer copies them in, each rendered once per build.
    public var cardsHTML: String
    /// The whole list these come from.
    public var more: TermView
}

/// A page of one of the directory's lists (all services, a region, a category, both, an
/// audience), on the site or in the embeddable page.
public struct ServiceListView: Sendable {
    /// "1,234 services, page 2 of 50".
    public var countText: String
    /// Where this page's cards go: the renderer copies them in, each rendered once per build and language.
    public var cardsHTML: String
    public var isEmpty: Bool
    public var hasGroups: Bool
    public var hasWiden: Bool
    /// On a region's lists: the places the region covers.
    public var regionCovers: String?
    /// Links to narrower lists (a region's categories, a category's regions), with their counts.
    public var groups: [TermGroupView]
    /// Links to the wider lists this one is part of.
    public var widen: [LinkView]
}

/// A heading and the lists under it.
public struct TermGroupView: Sendable {
    public var heading: String
    public var terms: [TermView]
}

public struct TermView: Sendable {
    public var id: String
    public var label: String
    public var href: String
    public var count: Int
    /// The count as the page's language writes it ("1,234", "1 234").
    public var countText: String
}

public struct ServiceCardView: Sendable {
    public var id: String
    public var name: String
    public var href: String
    public var summary: String
    public var contacts: [ContactLinkView]
    public var tags: [String]
}

public struct ContactLinkView: Sendable {
    public var text: String
    public var href: String
    public var isExternal: Bool
}

public struct FactView: Sendable {
    public var term: String
    public var value: String
    public var links: [ContactLinkView]
    public var hasLinks: Bool

    public init(term: String, value: String, links: [ContactLinkView] = []) {
        self.term = term
        self.value = value
        self.links = links
        self.hasLinks = !links.isEmpty
    }
}

public struct ServiceView: Sendable {
    public var id: String
    public var name: String
    public var summary: String
    public var descriptionHTML: String
    public var organization: String
    public var contacts: [ContactLinkView]
    public var facts: [FactView]
    public var lastVerified: DateView
    public var source: SourceView
    public var tags: [String]
}

public struct EmbedSnippetsView: Sendable {
    public var widget: String
    public var iframe: String
    public var frameListener: String
    public var servicesJSON: String
    public var schemaJSON: String
    public var hsdsJSON: String
    /// The first of the HSDS `/services` pages.
    public var hsdsPagesJSON: String
    public var openAPIJSON: String
    public var embedJS: String
    public var version: String
}
