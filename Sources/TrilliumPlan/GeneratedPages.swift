import TrilliumModel
import TrilliumDirectory

/// Pages the build makes itself (service directory, lists, partners, embeds, update pages) and
/// the files it writes, with their URLs in each language.
public enum GeneratedPages {
    public enum Kind: Sendable, Hashable {
        /// The directory's first page: search, how to browse, the featured services.
        case directory
        /// Page `page` (from 1) of a list of services, usable without JavaScript: every service, a
        /// region, a category, a region with a category, or an audience (`ServiceListing.filters`).
        case serviceList(ServiceFilter, page: Int)
        case service(String)
        case partners
        /// Page `page` of the embeddable page (for an iframe), split like the lists.
        case embedServices(ServiceFilter, page: Int)
        /// Page `page` of the widget's data in one language: small records of the services a list
        /// holds (`/api/v1/lists/en/region/toronto/1.json`).
        case serviceData(ServiceFilter, page: Int)
        /// Block `block` (from 1) of the services' terms and flags, which the directory's search
        /// filters its results by (`/api/v1/lists/facets/1.json`). The same in both languages.
        case serviceFacets(Int)
        /// The site search page (`/en/search/`, `/fr/recherche/`).
        case search
        /// A page of the A–Z index: a letter's slug (`a`, `0-9`) and a page number from 1.
        case searchIndex(String, Int)

        /// Whether the kind is one file for both languages (rendered once, with English).
        public var isShared: Bool {
            if case .serviceFacets = self { return true }
            return false
        }

        /// A page or data file of the service directory (the search pages belong to the site search).
        public var isDirectoryPage: Bool {
            switch self {
            case .search, .searchIndex: false
            default: true
            }
        }

        /// A page of a list of services: on the site, in the embeddable page, as data, or a facets block.
        public var isList: Bool {
            switch self {
            case .serviceList, .embedServices, .serviceData, .serviceFacets: true
            default: false
            }
        }

        /// Whether the kind is an HTML page people visit (and the sitemap lists).
        public var isPage: Bool {
            switch self {
            case .serviceData, .serviceFacets: false
            default: true
            }
        }
    }

    /// Localized URL segments of generated pages.
    static func segment(_ english: String, _ language: Language) -> String {
        guard language == .fr else { return english }
        switch english {
        case "category": return "categorie"
        case "partners": return "partenaires"
        case "search": return "recherche"
        case "all": return "tous"
        case "audience": return "public"
        default: return english
        }
    }

    public static func urlPath(_ kind: Kind, _ language: Language) -> String {
        let lang = "/\(language.rawValue)/"
        switch kind {
        case .directory: return lang + "services/"
        case .serviceList(let filter, let page):
            let list = filter.isAll ? segment("all", language) + "/" : filterPath(filter, language)
            return lang + "services/" + list + pagePath(page)
        case .service(let id): return lang + "services/\(id)/"
        case .partners: return lang + "\(segment("partners", language))/"
        case .embedServices(let filter, let page): return lang + "embed/services/" + filterPath(filter, language) + pagePath(page)
        case .serviceData(let filter, let page):
            return "/" + ServiceAPI.listsFolder + "\(language.rawValue)/" + (filter.isAll ? "all/" : filterPath(filter, .en)) + "\(page).json"
        case .serviceFacets(let block): return "/" + ServiceAPI.facetsPath(block)
        case .search: return lang + "\(segment("search", language))/"
        case .searchIndex(let letter, let page): return urlPath(.search, language) + "\(letter)/" + pagePath(page)
        }
    }

    /// `region/toronto/category/crisis-line/` (French segments in French), or "" for every service.
    static func filterPath(_ filter: ServiceFilter, _ language: Language) -> String {
        filter.terms.map { "\(segment($0.facet.singular, language))/\($0.id)/" }.joined()
    }

    static func pagePath(_ page: Int) -> String { page > 1 ? "page/\(page)/" : "" }

    /// Every generated page and file of the service directory, in a stable order: the directory's
    /// own pages, then each service, then each page of each list, embeddable page and data file
    /// (the search pages are listed by the render stage, which knows the titles the A–Z index needs).
    public static func kinds(services: ServiceDirectory?) -> [Kind] {
        guard let services else { return [] }
        let listing = services.listing
        var kinds: [Kind] = [.directory, .partners]
        kinds += services.services.indices.map { .service(services.services.id(at: $0)) }
        for filter in listing.filters {
            kinds += (1...listing.pageCount(filter)).map { .serviceList(filter, page: $0) }
            kinds += (1...listing.pageCount(filter)).map { .embedServices(filter, page: $0) }
            kinds += (1...listing.pageCount(filter, pageSize: ServiceAPI.listPageSize)).map { .serviceData(filter, page: $0) }
        }
        kinds += (1...ServiceAPI.facetBlockCount(services: services.services.count)).map { .serviceFacets($0) }
        return kinds
    }

    /// URL paths of generated pages and files, so links to them can be checked before they exist.
    package static func paths(plan: SitePlan, services: ServiceDirectory?) -> Set<String> {
        paths(plan: plan).union(directoryPaths(services: services))
    }

    /// The directory's part of `paths(plan:services:)`: its pages and files.
    package static func directoryPaths(services: ServiceDirectory?) -> Set<String> {
        guard let services else { return [] }
        var paths: Set<String> = []
        let kinds = kinds(services: services)
        paths.reserveCapacity(kinds.count * 2)
        for language in Language.allCases {
            for kind in kinds { paths.insert(urlPath(kind, language)) }
        }
        paths.formUnion(ServiceAPI.publishedPaths(services: services.services.count).map { "/" + $0 })
        return paths
    }

    /// What changed in the directory's pages and files from one directory to another with the
    /// same lists (the same taxonomy ids in the same order): services that came or went, pages of
    /// lists and facet blocks that came or went as lists grew or shrank, the HSDS pages.
    public struct DirectoryChange: Sendable {
        /// Kinds of page or file that are no more, or are new.
        public var went: [Kind] = []
        public var came: [Kind] = []
        /// Their addresses (`directoryPaths(services:)` loses the first and gains the second).
        public var wentPaths: Set<String> = []
        public var camePaths: Set<String> = []

        public var isEmpty: Bool { wentPaths.isEmpty && camePaths.isEmpty }
    }

    /// The change from `old` to `new`, worked out from their services and their lists' lengths
    /// rather than from every address; nil when their lists differ (a new taxonomy).
    package static func directoryChange(from old: ServiceDirectory, to new: ServiceDirectory) -> DirectoryChange? {
        let filters = new.listing.filters
        guard old.listing.filters == filters else { return nil }
        var change = DirectoryChange()
        // Both are in id order: one walk finds the services that came and went.
        let before = old.services, after = new.services
        var i = 0, j = 0
        while i < before.count || j < after.count {
            let was = i < before.count ? before.id(at: i) : nil, now = j < after.count ? after.id(at: j) : nil
            if let was, now.map({ was < $0 }) ?? true {
                change.went.append(.service(was))
                i += 1
            } else if let now, was.map({ now < $0 }) ?? true {
                change.came.append(.service(now))
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        func compare(_ was: Int, _ now: Int, _ kind: (Int) -> Kind) {
            if now > was { change.came += (was + 1...now).map(kind) }
            if was > now { change.went += (now + 1...was).map(kind) }
        }
        for filter in filters {
            let was = old.listing.pageCount(filter), now = new.listing.pageCount(filter)
            compare(was, now) { .serviceList(filter, page: $0) }
            compare(was, now) { .embedServices(filter, page: $0) }
            compare(old.listing.pageCount(filter, pageSize: ServiceAPI.listPageSize), new.listing.pageCount(filter, pageSize: ServiceAPI.listPageSize)) {
                .serviceData(filter, page: $0)
            }
        }
        compare(ServiceAPI.facetBlockCount(services: before.count), ServiceAPI.facetBlockCount(services: after.count)) { .serviceFacets($0) }
        let published = Set(ServiceAPI.publishedPaths(services: after.count).map { "/" + $0 })
        let publishedBefore = Set(ServiceAPI.publishedPaths(services: before.count).map { "/" + $0 })
        for language in Language.allCases {
            for kind in change.went { change.wentPaths.insert(urlPath(kind, language)) }
            for kind in change.came { change.camePaths.insert(urlPath(kind, language)) }
        }
        change.wentPaths.formUnion(publishedBefore.subtracting(published))
        change.wentPaths.subtract(published)
        change.camePaths.formUnion(published.subtracting(publishedBefore))
        return change
    }

    /// `paths(plan:services:)` without the directory's.
    package static func paths(plan: SitePlan) -> Set<String> {
        var paths: Set<String> = ["/", "/sitemap.xml", "/robots.txt", "/embed.js", "/404.html"]
        for language in Language.allCases {
            paths.insert("/\(language.rawValue)/404.html")
            paths.insert(urlPath(.search, language))
        }
        for page in plan.pages where page.isSection && UpdatesSection.isUpdates(page, plan: plan) {
            paths.insert(page.urlPath + "feed.xml")
            paths.insert(page.urlPath + "feed.json")
        }
        return paths
    }
}

/// A section whose pages are dated posts: listed newest first, paginated, with feeds.
package enum UpdatesSection {
    package static func isUpdates(_ section: Page, plan: SitePlan) -> Bool {
        // Through the indices, so no page is copied (the preview asks on every edit).
        guard section.isSection, let index = plan.index(section.language, section.relativePath), let children = plan.childrenOf[index] else { return false }
        return !children.isEmpty && children.allSatisfy { !plan.pages[$0].isSection && plan.pages[$0].date != nil }
    }
}

/// Parent/child relations between content pages.
package enum SiteStructure {
    /// Pages directly inside a section: its regular pages and its subsections' own pages.
    package static func children(of section: Page, in plan: SitePlan) -> [Page] {
        guard section.isSection, let index = plan.index(section.language, section.relativePath) else { return [] }
        return (plan.childrenOf[index] ?? []).map { plan.pages[$0] }
    }

    /// Dated pages newest first; others by weight, then title.
    package static func order(_ a: Page, _ b: Page) -> Bool {
        if let da = a.frontMatter.date, let db = b.frontMatter.date, da != db { return da > db }
        if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
        return a.frontMatter.title < b.frontMatter.title
    }

    /// `order` over page indices, with each page's sort fields read once.
    package struct OrderKeys {
        let dates: [Day?]
        let weights: [Int]
        let titles: [String]

        package init(_ pages: [Page]) {
            var dates: [Day?] = [], weights: [Int] = [], titles: [String] = []
            dates.reserveCapacity(pages.count)
            weights.reserveCapacity(pages.count)
            titles.reserveCapacity(pages.count)
            for page in pages {
                let fields = page.orderFields
                dates.append(fields.date)
                weights.append(fields.weight)
                titles.append(fields.title)
            }
            (self.dates, self.weights, self.titles) = (dates, weights, titles)
        }

        /// `order(pages[a], pages[b])`.
        package func precedes(_ a: Int, _ b: Int) -> Bool {
            if let da = dates[a], let db = dates[b], da != db { return da > db }
            if weights[a] != weights[b] { return weights[a] < weights[b] }
            return titles[a] < titles[b]
        }
    }

    /// The home page, then each enclosing section, ending with the page itself.
    package static func ancestors(of page: Page, in plan: SitePlan) -> [Page] {
        var chain: [Page] = []
        if let home = plan.page(page.language, "_index.md") { chain.append(home) }
        let folders = page.sectionFolder.split(separator: "/").map(String.init)
        for depth in folders.indices {
            let path = folders[...depth].joined(separator: "/") + "/_index.md"
            if path != page.relativePath || true, let section = plan.page(page.language, path), section.relativePath != page.relativePath {
                chain.append(section)
            }
        }
        if !page.isHome { chain.append(page) }
        return chain
    }
}
