import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Typed template contexts. Every page template receives a `PageView`; swift-mustache reads
/// its properties by name. Views hold display-ready strings: no logic runs in templates.
public struct PageView: Sendable {
    public var lang: String
    public var htmlLang: String
    public var isFrench: Bool
    /// UI strings of the page's language, `{{t.skipLink}}`.
    public var t: [String: String]
    public var site: SiteView
    public var title: String
    public var documentTitle: String
    public var description: String
    public var canonical: String
    public var alternates: [AlternateView]
    public var toggle: LinkView?
    public var assets: AssetsView
    public var quickExitURL: String
    public var menu: [LinkView]
    public var footerLinks: [LinkView]
    public var breadcrumbs: [LinkView]
    public var content: String
    public var toc: [TocItem]
    public var children: [CardView]
    public var lastModified: DateView?
    public var published: DateView?
    public var contact: ContactView
    public var feeds: FeedLinksView?
    public var latestUpdates: [CardView]
    public var pagination: PaginationView?
    public var directory: DirectoryView?
    /// A page of one of the directory's lists.
    public var serviceList: ServiceListView?
    public var service: ServiceView?
    public var embedSnippets: EmbedSnippetsView?
    public var languageChoice: LanguageChoiceView?
    /// Extra scripts for this page (already site paths).
    public var scripts: [String]
    /// Where the page's facts come from, listed at its end.
    public var sources: [SourceView] = []
    /// Opens the page with a short "get help now" box.
    public var helpBox: HelpBoxView?
    /// The search field in the header.
    public var siteSearch: SiteSearchFormView?
    /// The search page or a page of its A–Z index.
    public var search: SearchPageView?

    // Flags for templates (Mustache reads stored properties only); set by `prepared()`.
    public var hasToc = false
    public var hasChildren = false
    public var hasBreadcrumbs = false
    public var hasLatestUpdates = false
    public var hasSources = false

    /// The view with its template flags filled in from its content.
    public func prepared() -> PageView {
        var view = self
        view.hasToc = !toc.isEmpty
        view.hasChildren = !children.isEmpty
        view.hasBreadcrumbs = breadcrumbs.count > 1
        view.hasLatestUpdates = !latestUpdates.isEmpty
        view.hasSources = !sources.isEmpty
        return view
    }
}

public struct SiteView: Sendable {
    public var title: String
    public var description: String
    public var homeHref: String
    public var rootHref: String
}

public struct AlternateView: Sendable {
    public var hreflang: String
    public var href: String
}

public struct LinkView: Sendable {
    public var title: String
    public var href: String
    public var current: Bool = false
    public var lang: String = ""
    public var hreflang: String = ""
}

public struct AssetsView: Sendable {
    public var css: String
    public var printCSS: String
    public var exitJS: String
}

public struct TocItem: Sendable {
    public var text: String
    public var id: String
    public var children: [TocItem] { didSet { hasChildren = !children.isEmpty } }
    public var hasChildren = false

    public init(text: String, id: String, children: [TocItem]) {
        self.text = text
        self.id = id
        self.children = children
        self.hasChildren = !children.isEmpty
    }
}

public struct CardView: Sendable {
    public var title: String
    public var href: String
    public var text: String
    public var date: DateView?
}

public struct DateView: Sendable {
    /// `2020-03-06`, for `<time datetime>`.
    public var iso: String
    /// "March 6, 2020" / "6 mars 2020".
    public var text: String
    /// "March 6, 2020" / "le 6 mars 2020".
    public var inSentence: String
}

public struct ContactView: Sendable {
    public var emergency: PhoneView
    public var hotline: PhoneView
    public var hotlineName: String
}

public struct PhoneView: Sendable {
    public var display: String
    public var tel: String
}

public struct FeedLinksView: Sendable {
    public var atom: String
    public var json: String
}

public struct PaginationView: Sendable {
    public var previous: String?
    public var next: String?
    public var pages: [PageNumberView]
    public var current: Int
    public var total: Int
}

/// A page number: a link, the current page (no link), or a gap in a long list of pages.
public struct PageNumberView: Sendable {
    public var title: String
    public var href: String?
    public var current: Bool
    public var isGap: Bool

    public init(title: String, href: String?, current: Bool, isGap: Bool = false) {
        self.title = title
        self.href = href
        self.current = current
        self.isGap = isGap
    }

    /// Page `number` of `current`, linked to `href` unless it is the current one.
    public init(number: Int, current: Int, href: String) {
        self.init(title: String(number), href: number == current ? nil : href, current: number == current)
    }
}

/// A cited source: its title (or address) as a link, and the date it gives for itself.
public struct SourceView: Sendable {
    public var href: String
    public var text: String
    public var date: DateView?
    /// The source's language, when it is not the page's (named apart from the page's `lang`, which
    /// Mustache would find in the parent context when this one is nil).
    public var otherLanguage: String?
}

/// The short "get help now" box some pages open with.
public struct HelpBoxView: Sendable {
    /// The service directory, when the site has one.
    public var directoryHref: String?
}

/// The language-choice page's second language.
public struct LanguageChoiceView: Sendable {
    public var english: LinkView
    public var french: LinkView
    public var descriptionEn: String
    public var descriptionFr: String
    public var tFr: [String: String]
    /// Worded as the site-wide "page not found" page.
    public var notFound: Bool
}
