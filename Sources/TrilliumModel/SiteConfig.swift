/// Settings from `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public struct MenuItem: Sendable, Hashable {
        public var title: String
        /// A content path (`get-help/_index.md`) or a site URL (`/en/services/`).
        public var link: String
        public var location: SourceLocation

        public init(title: String, link: String, location: SourceLocation) {
            self.title = title
            self.link = link
            self.location = location
        }
    }

    public struct LanguageSettings: Sendable, Hashable {
        public var title: String
        public var description: String
        public var menu: [MenuItem]
        /// Links in the footer, same form as the menu.
        public var footer: [MenuItem]

        public init(title: String, description: String, menu: [MenuItem], footer: [MenuItem]) {
            self.title = title
            self.description = description
            self.menu = menu
            self.footer = footer
        }
    }

    public struct Contact: Sendable, Hashable {
        /// Emergency number, `911`.
        public var emergency: PhoneNumber
        /// The help line every page shows, `1-800-555-0199`.
        public var hotline: PhoneNumber
        public var hotlineName: Localized<String>

        public init(emergency: PhoneNumber, hotline: PhoneNumber, hotlineName: Localized<String>) {
            self.emergency = emergency
            self.hotline = hotline
            self.hotlineName = hotlineName
        }
    }

    /// Absolute base URL ending in `/`, e.g. `https://example.org/help/`.
    public var baseURL: String {
        didSet { basePath = BaseURL.path(of: baseURL) }
    }
    public var theme: String
    /// Where `theme:` is written, for diagnostics about the theme (nil when site.yaml leaves it out).
    public var themeLocation: SourceLocation?
    /// Where "Exit this page" leads: a neutral site.
    public var quickExitURL: String
    public var languages: Localized<LanguageSettings>
    public var contact: Contact
    /// HTML elements authors may write in Markdown (off by default: raw HTML is omitted).
    public var allowedHTMLElements: [String]
    /// Posts per page on update lists.
    public var paginate: Int
    /// How opening hours are meant, e.g. "Eastern time (Toronto)"; said in data exports.
    public var localTime: Localized<String>

    public static let defaultLocalTime = Localized(en: "local time", fr: "heure locale")

    public init(baseURL: String, theme: String, quickExitURL: String, languages: Localized<LanguageSettings>, contact: Contact,
                allowedHTMLElements: [String], paginate: Int, localTime: Localized<String> = SiteConfig.defaultLocalTime) {
        self.baseURL = baseURL
        self.basePath = BaseURL.path(of: baseURL)
        self.theme = theme
        self.quickExitURL = quickExitURL
        self.languages = languages
        self.contact = contact
        self.allowedHTMLElements = allowedHTMLElements
        self.paginate = paginate
        self.localTime = localTime
    }

    /// The base URL's path, with leading and trailing slash: `/` or `/help/` (kept with `baseURL`).
    public private(set) var basePath: String

    /// A site path (`/en/…`) as written in pages, under the base path.
    public func href(_ sitePath: String) -> String {
        sitePath.utf8.first == UInt8(ascii: "/") ? basePath + sitePath.dropFirst() : basePath + sitePath
    }

    /// A site path as an absolute URL.
    public func absoluteURL(_ sitePath: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        return base + sitePath.drop { $0 == "/" }
    }
}
