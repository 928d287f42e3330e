import TrilliumModel
import TrilliumSource

/// The shared vocabulary of the help directory, read from `Content/services/taxonomy.yaml`.
///
/// Services refer to terms by id; the taxonomy gives each id a label in both languages.
public struct Taxonomy: Sendable {
    /// One entry of a facet: a URL-safe id and its label in both languages.
    public struct Term: Sendable, Hashable {
        public var id: String
        public var label: Localized<String>
        /// For a region: the places it covers (cities, counties, districts), shown on its page.
        public var covers: Localized<String>?

        public init(id: String, label: Localized<String>, covers: Localized<String>? = nil) {
            self.id = id
            self.label = label
            self.covers = covers
        }
    }

    /// The four lists a service is classified by. The raw value is the key in `taxonomy.yaml` and in a service file.
    public enum Facet: String, Sendable, CaseIterable, Hashable {
        case categories
        case regions
        case audiences
        case languages

        /// Singular noun for messages ("category `x` is not in the taxonomy").
        public var singular: String {
            switch self {
            case .categories: "category"
            case .regions: "region"
            case .audiences: "audience"
            case .languages: "language"
            }
        }
    }

    public var categories: [Term]
    public var regions: [Term]
    public var audiences: [Term]
    public var languages: [Term]
    /// Where each term is defined, keyed by facet then id, so unused terms can be reported at their line.
    public var termLocations: [Facet: [String: SourceLocation]]
    /// The region that stands for the whole area the site serves (`everywhere: true` in
    /// taxonomy.yaml): its services are listed under every region.
    public var everywhereRegion: String?
    /// The category whose services the directory's first page shows first (`featured: true` in
    /// taxonomy.yaml), e.g. the crisis lines.
    public var featuredCategory: String?

    public init(categories: [Term], regions: [Term], audiences: [Term], languages: [Term],
                termLocations: [Facet: [String: SourceLocation]] = [:], everywhereRegion: String? = nil,
                featuredCategory: String? = nil) {
        self.categories = categories
        self.regions = regions
        self.audiences = audiences
        self.languages = languages
        self.termLocations = termLocations
        self.everywhereRegion = everywhereRegion
        self.featuredCategory = featuredCategory
    }

    /// The regions a service is listed under: all of them for a service of the everywhere region.
    public func listedRegions(of service: Service) -> [String] {
        if let everywhereRegion, service.regions.contains(everywhereRegion) { return regions.map(\.id) }
        return service.regions
    }

    /// Whether `service` is listed under the term `id` of `facet` (everywhere services under every region).
    public func lists(_ service: Service, under id: String, in facet: Taxonomy.Facet) -> Bool {
        facet == .regions ? listedRegions(of: service).contains(id) : service.terms(facet).contains(id)
    }

    /// A taxonomy with no terms, used when `taxonomy.yaml` could not be read.
    public static let empty = Taxonomy(categories: [], regions: [], audiences: [], languages: [])

    /// The terms of one facet, in the order the taxonomy lists them.
    public func terms(_ facet: Facet) -> [Term] {
        switch facet {
        case .categories: categories
        case .regions: regions
        case .audiences: audiences
        case .languages: languages
        }
    }

    /// The term with `id` in `facet`, if the taxonomy defines it.
    public func term(_ id: String, in facet: Facet) -> Term? {
        terms(facet).first { $0.id == id }
    }

    /// Whether `facet` defines `id`.
    public func contains(_ id: String, in facet: Facet) -> Bool {
        term(id, in: facet) != nil
    }

    /// Label of a category id, or nil for an unknown id.
    public func label(category id: String) -> Localized<String>? { term(id, in: .categories)?.label }

    /// Label of a region id, or nil for an unknown id.
    public func label(region id: String) -> Localized<String>? { term(id, in: .regions)?.label }

    /// Label of an audience id, or nil for an unknown id.
    public func label(audience id: String) -> Localized<String>? { term(id, in: .audiences)?.label }

    /// Label of a language id, or nil for an unknown id.
    public func label(language id: String) -> Localized<String>? { term(id, in: .languages)?.label }

    /// Label of any term in one language, falling back to the id itself so a page never shows an empty string.
    public func label(_ id: String, in facet: Facet, language: Language) -> String {
        term(id, in: facet)?.label[language] ?? id
    }
}
