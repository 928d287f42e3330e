import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// A part of the site rendered as one piece. A full build renders every unit; the preview keeps
/// each unit's fingerprint (`UnitFingerprints`) and re-renders only the units an edit changes.
public enum RenderUnit: Hashable, Sendable {
    /// A content page with its pagination pages and feeds.
    case page(PageKey)
    /// One page of the service directory in one language.
    case directoryPage(Language, GeneratedPages.Kind)
    /// The site search of both languages: index files, one fragment per document, search pages.
    case search
    /// The directory's files for partners: services.json, its schema, HSDS, OpenAPI.
    case exports
    /// The language-choice root, the 404 pages, assets, sitemap, robots.txt and host headers.
    case siteFiles
}

/// What rendering one unit gave.
public struct UnitOutcome: Sendable {
    public var files: [OutputFile]
    /// Every path the unit owns now, when it wrote only some of them (the search writes only
    /// the fragments that changed); nil when `files` is all of them.
    public var ownedPaths: Set<String>?
    public var diagnostics: [Diagnostic]
    /// For a content page: what the site-wide checks and the search keep of it.
    public var page: PageFacts?

    public init(files: [OutputFile], ownedPaths: Set<String>? = nil, diagnostics: [Diagnostic], page: PageFacts? = nil) {
        self.files = files
        self.ownedPaths = ownedPaths
        self.diagnostics = diagnostics
        self.page = page
    }

    /// The paths the unit owns.
    public var paths: Set<String> { ownedPaths ?? Set(files.map(\.path)) }
}

/// What a rendered content page leaves behind for the rest of the site.
public struct PageFacts: Sendable {
    /// Its heading ids, which other pages' anchors may point to.
    public var headingIDs: [String] { links.headings.map(\.id) }

    /// The questions its links asked of the plan.
    public var lookups: [LinkLookup]
    /// Its headings and the anchors its links point to.
    public var links: SiteRenderer.PageLinks
    /// What the search indexes of it.
    public var searchText: SearchPageText
}

extension SiteRenderer {
    /// Every unit of this site, content pages in plan order first.
    public func units() -> [RenderUnit] {
        var units = plan.pages.map { RenderUnit.page(PageKey($0.language, $0.relativePath)) }
        if let services = input.services {
            units += ServicePagesRenderer.jobs(services).map { RenderUnit.directoryPage($0.0, $0.1) }
            units.append(.exports)
        }
        units += [.search, .siteFiles]
        return units
    }

    /// The directory's shared rendering (descriptions), reusing `previous` for the services (by id) `reusable` accepts.
    public func serviceContext(reusing previous: ServiceRenderContext? = nil, reusable: (String) -> Bool = { _ in false }) -> ServiceRenderContext? {
        input.services.map { ServicePagesRenderer(renderer: self, directory: $0).makeContext(reusing: previous, reusable: reusable) }
    }

    /// `previous` with the descriptions of the services `ids` made again; nil when that cannot
    /// give what `serviceContext()` gives (a description with a problem).
    public func serviceContext(updating previous: ServiceRenderContext, ids: Set<String>) -> ServiceRenderContext? {
        input.services.flatMap { ServicePagesRenderer(renderer: self, directory: $0).updateContext(previous, ids: ids) }
    }

    /// Renders one unit other than `.search` (see `LiveSearch`). `services` is this site's
    /// `serviceContext()`; `allCards` caches each language's service cards between units.
    public func render(_ unit: RenderUnit, services: ServiceRenderContext?, allCards: ServiceCards?) -> UnitOutcome {
        switch unit {
        case .page(let key):
            guard let index = plan.indexByPath[key] else { return UnitOutcome(files: [], diagnostics: []) }
            let outcome = renderContentPage(index, keepPlainText: false)
            let text = outcome.searchText ?? SearchPageText(headings: "", plainText: "")
            return UnitOutcome(files: outcome.files, diagnostics: outcome.diagnostics,
                               page: PageFacts(lookups: outcome.lookups, links: outcome.pageLinks, searchText: text))
        case .directoryPage(let language, let kind):
            guard let directory = input.services, let services else { return UnitOutcome(files: [], diagnostics: []) }
            let renderer = allCards?.renderer(self, directory) ?? ServicePagesRenderer(renderer: self, directory: directory)
            return UnitOutcome(files: renderer.renderJob(language, kind, context: services), diagnostics: [])
        case .exports:
            guard let directory = input.services, let services else { return UnitOutcome(files: [], diagnostics: []) }
            let renderer = allCards?.renderer(self, directory) ?? ServicePagesRenderer(renderer: self, directory: directory)
            return UnitOutcome(files: renderer.exports(context: services), diagnostics: [])
        case .siteFiles:
            return UnitOutcome(files: renderSiteFiles(), diagnostics: [])
        case .search:
            return UnitOutcome(files: [], diagnostics: [])
        }
    }

    /// A hash of the theme's UI strings in both languages: what search documents read of the
    /// theme (its templates they do not).
    public var uiStringsHash: Int {
        var hasher = Hasher()
        for language in Language.allCases {
            for (key, value) in factory.strings(language).sorted(by: { $0.key < $1.key }) {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
        return hasher.finalize()
    }

    /// The directory's counts for a build report: every directory page but the partners page.
    public func directoryPageCounts() -> [Language: Int] {
        guard let services = input.services else { return [:] }
        return ServicePagesRenderer.pageCounts(ServicePagesRenderer.jobs(services))
    }
}

/// The directory's renderer for one site, with the cards and list records its lists share, made
/// once and kept between the units of that site (a new site needs new `ServiceCards`).
public final class ServiceCards: @unchecked Sendable {
    private let lock = NSLock()
    private var made: ServicePagesRenderer?

    public init() {}

    func renderer(_ site: SiteRenderer, _ directory: ServiceDirectory) -> ServicePagesRenderer {
        lock.withLock {
            if let made { return made }
            let renderer = ServicePagesRenderer(renderer: site, directory: directory)
            made = renderer
            return renderer
        }
    }
}
