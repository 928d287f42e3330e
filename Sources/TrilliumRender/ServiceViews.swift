import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Template contexts for the service directory pages.
public struct DirectoryView: Sendable {
    public var searchIndex: String
    public var searchCoreJS: String
    public var directoryJS: String
    public var services: [ServiceCardView]
    public var count: Int
    public var countText: String
    public var countNone: String
    public var countOne: String
    public var countMany: String
    public var categories: [TermView]
    public var regions: [TermView]
    public var audiences: [TermView]
    public var languages: [TermView]
    /// On a category or region list page: the term listed.
    public var heading: String?
    public var isFullDirectory: Bool
    /// On a region's list page: the places the region covers.
    public var regionCovers: String?
}

public struct TermView: Sendable {
    public var id: String
    public var label: String
    public var href: String
    public var count: Int
}

public struct ServiceCardView: Sendable {
    public var id: String
    public var name: String
    public var href: String
    public var summary: String
    public var contacts: [ContactLinkView]
    public var tags: [String]
    public var categories: String
    public var regions: String
    public var audiences: String
    public var languages: String
    public var open247: Bool
    public var indigenousLed: Bool
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
