import TrilliumModel
import TrilliumSource

/// One help service in the directory, read from `Content/services/<id>.yaml` and validated.
public struct Service: Sendable {
    /// URL-safe id, equal to the file name without `.yaml`.
    public var id: String
    public var name: Localized<String>
    /// One plain-language sentence for lists and cards.
    public var summary: Localized<String>
    /// Markdown, rendered by the pipeline.
    public var description: Localized<String>
    public var organization: ServiceOrganization
    public var phones: [ServicePhone]
    /// The service's own website, always `https:`.
    public var website: String?
    /// The service's online chat page, always `https:`.
    public var chat: String?
    public var email: String?
    public var hours: ServiceHours
    /// Ids from the taxonomy's facets.
    public var regions: [String]
    public var categories: [String]
    public var audiences: [String]
    public var languages: [String]
    /// Whether the organization says it is Indigenous-led; nil when its source does not say.
    public var indigenousLed: Bool?
    /// What it costs; nil when the source does not say.
    public var cost: ServiceCost?
    /// Whether the source says contacts are confidential; nil when it does not say.
    public var confidential: Bool?
    /// When a person last checked the facts against `source`.
    public var lastVerified: Day
    /// The `https:` page the facts were checked against, with its title and own date when given.
    public var source: Citation
    /// Path below the site folder, for diagnostics: `Content/services/x.yaml`.
    public var sourcePath: String
    /// File line where each language's description text starts.
    public var descriptionLines: Localized<Int>

    public init(id: String, name: Localized<String>, summary: Localized<String>, description: Localized<String>,
                organization: ServiceOrganization, phones: [ServicePhone], website: String?, chat: String? = nil, email: String?,
                hours: ServiceHours, regions: [String], categories: [String], audiences: [String], languages: [String],
                indigenousLed: Bool?, cost: ServiceCost?, confidential: Bool?, lastVerified: Day, source: Citation,
                sourcePath: String, descriptionLines: Localized<Int>) {
        self.id = id
        self.name = name
        self.summary = summary
        self.description = description
        self.organization = organization
        self.phones = phones
        self.website = website
        self.chat = chat
        self.email = email
        self.hours = hours
        self.regions = regions
        self.categories = categories
        self.audiences = audiences
        self.languages = languages
        self.indigenousLed = indigenousLed
        self.cost = cost
        self.confidential = confidential
        self.lastVerified = lastVerified
        self.source = source
        self.sourcePath = sourcePath
        self.descriptionLines = descriptionLines
    }

    /// The ids this service lists in one taxonomy facet.
    public func terms(_ facet: Taxonomy.Facet) -> [String] {
        switch facet {
        case .categories: categories
        case .regions: regions
        case .audiences: audiences
        case .languages: languages
        }
    }

    /// Location of the description's text in one language, for Markdown diagnostics.
    public func descriptionLocation(_ language: Language) -> SourceLocation {
        SourceLocation(file: sourcePath, line: descriptionLines[language])
    }
}

/// The organization that runs a service. Several services may share one organization id.
public struct ServiceOrganization: Sendable, Hashable {
    public var id: String
    public var name: Localized<String>
    /// One sentence about the organization.
    public var description: Localized<String>

    public init(id: String, name: Localized<String>, description: Localized<String>) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// What a service costs the person using it. The raw value is the word written in a service file and in exports.
public enum ServiceCost: String, Sendable, Hashable, CaseIterable {
    case free
    case lowCost = "low-cost"
    case varies
}
