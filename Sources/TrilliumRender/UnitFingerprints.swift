import TrilliumDirectory
import TrilliumModel
import TrilliumPlan

/// Hashes of a site's sources, kept per file by the preview so they are not read again.
public struct SourceHashes: Sendable {
    /// `site.yaml` and the build's options (base URL, drafts, date).
    public var settings: Int
    /// Every file of the theme.
    public var theme: Int
    /// Each page's file.
    public var pages: [PageKey: Int]
    /// Each service's file, by service id.
    public var services: [String: Int]
    public var taxonomy: Int

    public init(settings: Int, theme: Int, pages: [PageKey: Int], services: [String: Int], taxonomy: Int) {
        self.settings = settings
        self.theme = theme
        self.pages = pages
        self.services = services
        self.taxonomy = taxonomy
    }
}

/// What each render unit depends on, written down as a hash of exactly what it reads.
///
/// A unit whose fingerprint is the same before and after an edit renders to the same bytes, so
/// the preview leaves it alone; every other unit is rendered again. Each case below lists what the
/// unit's rendering reads (see `SiteRenderer.renderContentPage`, `ServicePagesRenderer`); the
/// preview's tests compare randomized sequences of edits against full builds to catch anything
/// read but not listed.
public struct UnitFingerprints: Sendable {
    let plan: SitePlan
    let config: SiteConfig
    let services: ServiceDirectory?
    let hashes: SourceHashes
    /// Per language: settings, theme, menus and footer as resolved, whether there is a directory.
    let global: [Language: Int]
    /// The taxonomy and every service, in directory order.
    let directory: Int
    /// Per language: the home page's latest updates and its feeds' section.
    let home: [Language: Int]

    public init(_ renderer: SiteRenderer, hashes: SourceHashes) {
        plan = renderer.plan
        config = renderer.config
        services = renderer.input.services
        self.hashes = hashes
        var global: [Language: Int] = [:]
        var home: [Language: Int] = [:]
        for language in Language.allCases {
            var hasher = Hasher()
            hasher.combine(hashes.settings)
            hasher.combine(hashes.theme)
            hasher.combine(renderer.input.services != nil)
            let settings = renderer.config.languages[language]
            for item in settings.menu + settings.footer { hasher.combine(plan.menuTarget(item.link, language)) }
            global[language] = hasher.finalize()

            var latest = Hasher()
            for card in renderer.latestUpdatesPages(language) { Self.combineCard(card, into: &latest) }
            latest.combine(renderer.updatesSection(language)?.urlPath)
            home[language] = latest.finalize()
        }
        self.global = global
        self.home = home
        var directory = Hasher()
        directory.combine(hashes.taxonomy)
        for service in renderer.input.services?.services ?? [] {
            directory.combine(service.id)
            directory.combine(hashes.services[service.id] ?? 0)
        }
        self.directory = directory.finalize()
    }

    /// The fingerprint of `unit`; for a page, `lookups` are the questions its links asked when it
    /// was last rendered (their answers are part of what it reads).
    public func fingerprint(_ unit: RenderUnit, lookups: [LinkLookup] = []) -> Int {
        var hasher = Hasher()
        switch unit {
        case .page(let key):
            guard let index = plan.indexByPath[key] else { return 0 }
            let page = plan.pages[index]
            hasher.combine(global[page.language])
            hasher.combine(hashes.pages[key] ?? 0)
            hasher.combine(page.urlPath)
            hasher.combine(plan.twin(of: index).urlPath)
            // Breadcrumbs: each ancestor's title and address.
            for ancestor in SiteStructure.ancestors(of: page, in: plan) {
                hasher.combine(ancestor.relativePath)
                hasher.combine(ancestor.frontMatter.title)
                hasher.combine(ancestor.urlPath)
            }
            // Cards, pagination and feeds of a section: its pages' titles, addresses, summaries and dates.
            for child in SiteStructure.children(of: page, in: plan) { Self.combineCard(child, into: &hasher) }
            if page.isHome { hasher.combine(home[page.language]) }
            for lookup in lookups { hasher.combine(lookup.answer(in: plan)) }
        case .directoryPage(let language, let kind):
            hasher.combine(global[language])
            hasher.combine(kind)
            if case .service(let id) = kind {
                hasher.combine(hashes.services[id] ?? 0)
                hasher.combine(hashes.taxonomy)
            } else {
                hasher.combine(directory)
            }
        case .exports:
            hasher.combine(hashes.settings)
            hasher.combine(hashes.theme)
            hasher.combine(directory)
        case .search:
            // Every page's title, address, section and text, and every service.
            for language in Language.allCases { hasher.combine(global[language]) }
            hasher.combine(directory)
            for page in plan.pages {
                hasher.combine(page.relativePath)
                hasher.combine(hashes.pages[PageKey(page.language, page.relativePath)] ?? 0)
                hasher.combine(page.urlPath)
            }
        case .siteFiles:
            // The sitemap: every page's address, its twin's and its date; the directory's pages;
            // the widget's settings (the taxonomy, UI strings); assets and settings.
            for language in Language.allCases { hasher.combine(global[language]) }
            hasher.combine(directory)
            for (index, page) in plan.pages.enumerated() {
                hasher.combine(page.urlPath)
                hasher.combine(plan.twin(of: index).urlPath)
                hasher.combine(page.frontMatter.lastmod ?? page.frontMatter.date)
            }
        }
        return hasher.finalize()
    }

    static func combineCard(_ page: Page, into hasher: inout Hasher) {
        hasher.combine(page.relativePath)
        hasher.combine(page.isSection)
        hasher.combine(page.frontMatter.title)
        hasher.combine(page.urlPath)
        hasher.combine(page.frontMatter.description)
        hasher.combine(page.frontMatter.date)
        hasher.combine(page.frontMatter.lastmod)
    }
}
