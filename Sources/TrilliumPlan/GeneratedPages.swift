import TrilliumModel
import TrilliumDirectory

/// Pages the build makes itself (service directory, lists, partners, embeds, update pages) and
/// the files it writes, with their URLs in each language.
public enum GeneratedPages {
    public enum Kind: Sendable, Hashable {
        case directory
        case category(String)
        case region(String)
        case service(String)
        case partners
        case embedServices
        /// The site search page (`/en/search/`, `/fr/recherche/`).
        case search
        /// A page of the A–Z index: a letter's slug (`a`, `0-9`) and a page number from 1.
        case searchIndex(String, Int)

        /// A page of the service directory (the search pages belong to the site search).
        public var isDirectoryPage: Bool {
            switch self {
            case .search, .searchIndex: false
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
        default: return english
        }
    }

    public static func urlPath(_ kind: Kind, _ language: Language) -> String {
        let lang = "/\(language.rawValue)/"
        switch kind {
        case .directory: return lang + "services/"
        case .category(let id): return lang + "services/\(segment("category", language))/\(id)/"
        case .region(let id): return lang + "services/region/\(id)/"
        case .service(let id): return lang + "services/\(id)/"
        case .partners: return lang + "\(segment("partners", language))/"
        case .embedServices: return lang + "embed/services/"
        case .search: return lang + "\(segment("search", language))/"
        case .searchIndex(let letter, let page):
            return urlPath(.search, language) + "\(letter)/" + (page > 1 ? "page/\(page)/" : "")
        }
    }

    /// Every generated page of the service directory, in a stable order (the search pages are
    /// listed by the render stage, which knows the titles the A–Z index needs).
    public static func kinds(services: ServiceDirectory?) -> [Kind] {
        guard let services else { return [] }
        var kinds: [Kind] = [.directory, .partners, .embedServices]
        kinds += services.taxonomy.categories.map { .category($0.id) }
        kinds += services.taxonomy.regions.map { .region($0.id) }
        kinds += services.services.map { .service($0.id) }
        return kinds
    }

    /// URL paths of generated pages and files, so links to them can be checked before they exist.
    package static func paths(plan: SitePlan, services: ServiceDirectory?) -> Set<String> {
        var paths: Set<String> = ["/", "/sitemap.xml", "/robots.txt", "/embed.js", "/404.html"]
        for language in Language.allCases {
            paths.insert("/\(language.rawValue)/404.html")
            paths.insert(urlPath(.search, language))
            for kind in kinds(services: services) { paths.insert(urlPath(kind, language)) }
        }
        if let services {
            paths.formUnion(ServiceAPI.publishedPaths(services: services.services.count).map { "/" + $0 })
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
        let children = SiteStructure.children(of: section, in: plan)
        return !children.isEmpty && children.allSatisfy { !$0.isSection && $0.frontMatter.date != nil }
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
            dates = pages.map { $0.frontMatter.date }
            weights = pages.map { $0.frontMatter.weight }
            titles = pages.map { $0.frontMatter.title }
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
