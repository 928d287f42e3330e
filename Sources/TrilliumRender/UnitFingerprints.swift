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
    public var services: ShardedDictionary<String, Int>
    public var taxonomy: Int

    public init(settings: Int, theme: Int, pages: [PageKey: Int], services: ShardedDictionary<String, Int>, taxonomy: Int) {
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
    let hashes: SourceHashes
    /// Per language: settings, theme, menus and footer as resolved, whether there is a directory.
    let global: [Language: Int]
    /// The taxonomy and every service, in directory order: a hash of the taxonomy, the count
    /// and `directorySum`.
    let directory: Int
    /// The sum of a hash of each service's position, id and file: a service read again changes
    /// its own term only.
    let directorySum: Int
    /// What every list of the directory reads besides its own services: the taxonomy, how many
    /// services each list holds (page counts, the counts beside the links to other lists), the
    /// number of services and the latest day one was checked (the lists' date).
    let listings: Int
    /// The directory's services in order and its lists (a list page reads the services it shows).
    let services: ServiceList
    let listing: ServiceListing?
    /// Per language: the home page's latest updates and its feeds' section.
    let home: [Language: Int]
    /// Per page (plan index), what other pages show of it: as a card (path, section or not,
    /// title, address, summary, dates), in breadcrumbs (path, title, address), its address alone.
    var card: [Int]
    var crumb: [Int]
    var address: [Int]
    /// Per page, the nearest section above it (nil for the home page and pages without one).
    var parent: [Int?]
    /// Every page's key and address and every path the build writes: when it is the same, every
    /// link finds what it found before.
    public private(set) var structure = 0
    /// Per page, its part of what the search reads (key, breadcrumb, file) and of what the
    /// sitemap reads (address, its twin's, date); the sums are kept up to date after an edit
    /// rather than worked out again from every page.
    private var searchTerms: [Int] = []
    private var siteTerms: [Int] = []
    private var searchSum = 0
    private var siteSum = 0

    /// A list page's services (ids and files, in order) and what every list reads.
    private func combineMembers(filter: ServiceFilter, page: Int, pageSize: Int, into hasher: inout Hasher) {
        hasher.combine(listings)
        guard let listing else { return }
        for position in listing.positions(filter, page: page, pageSize: pageSize) {
            let service = services[Int(position)]
            hasher.combine(service.id)
            hasher.combine(hashes.services[service.id] ?? 0)
        }
    }

    /// Whether what every page of every list reads (the taxonomy, the lists' counts, the number
    /// of services, the latest check) differs from `other`'s.
    public func listsChanged(since other: UnitFingerprints) -> Bool {
        listings != other.listings
    }

    /// Whether what every page of `language` reads (settings, theme, menus) differs from `other`'s.
    public func globalChanged(_ language: Language, since other: UnitFingerprints) -> Bool {
        global[language] != other.global[language]
    }

    public init(_ renderer: SiteRenderer, hashes: SourceHashes) {
        self.init(renderer, hashes: hashes, updating: nil, swapped: [])
    }

    private static func directoryTerm(_ position: Int, _ id: String, _ hash: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(position)
        hasher.combine(id)
        hasher.combine(hash)
        return hasher.finalize()
    }

    /// `init(_:hashes:)` for a site whose plan is `previous`'s with the pages at `swapped` (plan
    /// indices) read again: only their summaries are worked out again. `changedServices`, when
    /// given, holds the ids of the only services that may have changed (in the same places).
    /// With `moved`, the plan is `previous`'s restructured (`SitePlan.restructured`): the
    /// summaries of the pages that stayed are kept, those of the pages that changed worked out.
    public init(_ renderer: SiteRenderer, hashes: SourceHashes, updating previous: UnitFingerprints?, swapped: Set<Int>,
                changedServices: Set<String>? = nil, moved: PlanChange? = nil) {
        plan = renderer.plan
        self.hashes = hashes
        var global: [Language: Int] = [:]
        var home: [Language: Int] = [:]
        // The home page's latest posts and feeds read only dated pages and sections: kept when no
        // page read again or moved is either (looking for them goes through every page).
        var homeKept = false
        let pages = renderer.plan.pages
        if let previous {
            let before = previous.plan
            if let moved {
                homeKept = moved.changed.allSatisfy { pages[$0].date == nil }
                    && moved.replaced.keys.allSatisfy { key in before.indexByPath[key].map { before.pages[$0].date == nil } ?? true }
            } else if previous.card.count == pages.count {
                homeKept = swapped.allSatisfy { !pages[$0].isSection && pages[$0].date == nil && before.pages[$0].date == nil }
            }
        }
        for language in Language.allCases {
            var hasher = Hasher()
            hasher.combine(hashes.settings)
            hasher.combine(hashes.theme)
            hasher.combine(renderer.input.services != nil)
            let settings = renderer.config.languages[language]
            for item in settings.menu + settings.footer { hasher.combine(plan.menuTarget(item.link, language)) }
            global[language] = hasher.finalize()

            if homeKept, let previous {
                home[language] = previous.home[language]
                continue
            }
            var latest = Hasher()
            for card in renderer.latestUpdatesPages(language) { Self.combineCard(card, into: &latest) }
            latest.combine(renderer.updatesSection(language)?.urlPath)
            home[language] = latest.finalize()
        }
        self.global = global
        self.home = home
        let all = renderer.input.services?.services ?? ServiceList([])
        var sum = 0
        if let previous, let changedServices, previous.services.count == all.count, let found = renderer.input.services {
            sum = previous.directorySum
            for id in changedServices {
                guard let position = found.position(of: id) else { continue }
                sum &-= Self.directoryTerm(position, id, previous.hashes.services[id] ?? 0)
                sum &+= Self.directoryTerm(position, id, hashes.services[id] ?? 0)
            }
        } else {
            for (position, service) in all.enumerated() { sum &+= Self.directoryTerm(position, service.id, hashes.services[service.id] ?? 0) }
        }
        directorySum = sum
        var directory = Hasher()
        directory.combine(hashes.taxonomy)
        directory.combine(all.count)
        directory.combine(sum)
        self.directory = directory.finalize()
        var listings = Hasher()
        listings.combine(hashes.taxonomy)
        if let found = renderer.input.services {
            listings.combine(found.services.count)
            listings.combine(found.latestVerification)
            for filter in found.listing.filters { listings.combine(found.listing.count(filter)) }
        }
        self.listings = listings.finalize()
        services = renderer.input.services?.services ?? ServiceList([])
        listing = renderer.input.services?.listing
        if let previous, let moved, previous.card.count == moved.newIndexOfOld.count {
            let count = plan.pages.count
            var card = [Int](repeating: 0, count: count), crumb = card, address = card
            var parent = [Int?](repeating: nil, count: count)
            let newIndexOfOld = moved.newIndexOfOld
            for old in newIndexOfOld.indices {
                let new = newIndexOfOld[old]
                guard new >= 0 else { continue }
                card[new] = previous.card[old]
                crumb[new] = previous.crumb[old]
                address[new] = previous.address[old]
                // A page that stays has the nearest section it had (the pages below a section
                // that moved, came or went are all in `moved.changed`).
                if let above = previous.parent[old] {
                    parent[new] = newIndexOfOld[above] >= 0 ? newIndexOfOld[above] : Self.nearestSection(above: plan.pages[new], in: plan)
                }
            }
            var layout = Hasher()
            layout.combine(previous.structure)
            for index in moved.changed {
                let page = plan.pages[index]
                (card[index], crumb[index], address[index]) = Self.summaries(of: page)
                parent[index] = Self.nearestSection(above: page, in: plan)
                layout.combine(page.relativePath)
                layout.combine(page.urlPath)
            }
            for (key, url) in moved.replaced.sorted(by: { $0.key < $1.key }) {
                layout.combine(key)
                layout.combine(url)
            }
            (self.card, self.crumb, self.address, self.parent) = (card, crumb, address, parent)
            // Another structure than `previous`'s (and than any before it, most likely): links are checked again.
            structure = layout.finalize()
            var before: Set<Int> = [], after = Set(moved.changed)
            for key in moved.replaced.keys {
                guard let old = previous.plan.indexByPath[key] else { continue }
                before.insert(old)
                if previous.plan.twinOf[old] >= 0 { before.insert(previous.plan.twinOf[old]) }
            }
            for index in moved.changed where plan.twinOf[index] >= 0 { after.insert(plan.twinOf[index]) }
            updateTerms(from: previous, mapping: newIndexOfOld, removing: before, adding: after)
            return
        }
        if let previous, previous.card.count == plan.pages.count {
            (card, crumb, address, parent) = (previous.card, previous.crumb, previous.address, previous.parent)
            structure = previous.structure
            for index in swapped { (card[index], crumb[index], address[index]) = Self.summaries(of: plan.pages[index]) }
            updateTerms(from: previous, mapping: nil, removing: swapped, adding: swapped)
            return
        }
        var card: [Int] = [], crumb: [Int] = [], address: [Int] = []
        card.reserveCapacity(plan.pages.count)
        crumb.reserveCapacity(plan.pages.count)
        address.reserveCapacity(plan.pages.count)
        // Summarized on all workers, a block of pages each (every page after a structural edit).
        let block = 1024
        let blocks = Parallel.map((pages.count + block - 1) / block, workers: renderer.settings.workers) { number in
            pages[(number * block)..<min(pages.count, (number + 1) * block)].map { Self.summaries(of: $0) }
        }
        for summary in blocks.joined() {
            card.append(summary.card)
            crumb.append(summary.crumb)
            address.append(summary.address)
        }
        // A section's pages have it as their nearest section; the others (a folder without its
        // own `_index.md` between them) look for it.
        var parent = [Int?](repeating: nil, count: plan.pages.count)
        for (section, children) in plan.childrenOf {
            for child in children { parent[child] = section }
        }
        for (index, page) in plan.pages.enumerated() where parent[index] == nil && !page.isHome {
            parent[index] = Self.nearestSection(above: page, in: plan)
        }
        self.card = card
        self.crumb = crumb
        self.address = address
        self.parent = parent
        var layout = Hasher()
        layout.combine(plan.knownPaths)
        for page in plan.pages {
            layout.combine(page.language)
            layout.combine(page.relativePath)
            layout.combine(page.urlPath)
        }
        structure = layout.finalize()
        let terms = plan.pages.indices.map(terms)
        searchTerms = terms.map(\.search)
        siteTerms = terms.map(\.site)
        searchSum = searchTerms.reduce(0, &+)
        siteSum = siteTerms.reduce(0, &+)
    }

    /// A page's terms: what the search reads of it (key, breadcrumb, file) and what the sitemap
    /// reads (key, address, its twin's, date).
    private func terms(_ index: Int) -> (search: Int, site: Int) {
        let page = plan.pages[index]
        var search = Hasher(), site = Hasher()
        search.combine(page.language)
        search.combine(page.relativePath)
        site.combine(page.language)
        site.combine(page.relativePath)
        search.combine(crumb[index])
        search.combine(hashes.pages[PageKey(page.language, page.relativePath)] ?? 0)
        site.combine(address[index])
        site.combine(plan.twinOf[index] >= 0 ? address[plan.twinOf[index]] : 0)
        site.combine(page.frontMatter.lastmod ?? page.frontMatter.date)
        return (search.finalize(), site.finalize())
    }

    /// The terms and sums of `previous` with the pages at `removing` (its indices) taken out and
    /// those at `adding` (this plan's) worked out again; `mapping` gives each earlier page's
    /// index in this plan (-1 when it went), nil when the indices stayed.
    private mutating func updateTerms(from previous: UnitFingerprints, mapping: [Int]?, removing: Set<Int>, adding: Set<Int>) {
        if let mapping {
            searchTerms = [Int](repeating: 0, count: plan.pages.count)
            siteTerms = searchTerms
            for old in mapping.indices where mapping[old] >= 0 {
                searchTerms[mapping[old]] = previous.searchTerms[old]
                siteTerms[mapping[old]] = previous.siteTerms[old]
            }
        } else {
            (searchTerms, siteTerms) = (previous.searchTerms, previous.siteTerms)
        }
        (searchSum, siteSum) = (previous.searchSum, previous.siteSum)
        for old in removing {
            searchSum &-= previous.searchTerms[old]
            siteSum &-= previous.siteTerms[old]
        }
        for index in adding {
            (searchTerms[index], siteTerms[index]) = terms(index)
            searchSum &+= searchTerms[index]
            siteSum &+= siteTerms[index]
        }
    }

    /// What other pages show of `page`: as a card, in breadcrumbs, its address.
    static func summaries(of page: Page) -> (card: Int, crumb: Int, address: Int) {
        var hasher = Hasher()
        combineCard(page, into: &hasher)
        var breadcrumb = Hasher()
        breadcrumb.combine(page.relativePath)
        breadcrumb.combine(page.frontMatter.title)
        breadcrumb.combine(page.urlPath)
        return (hasher.finalize(), breadcrumb.finalize(), page.urlPath.hashValue)
    }

    /// The units whose fingerprint can differ from `previous`'s when only the pages at `swapped`
    /// were read again (and perhaps some services): those pages, the sections that list them,
    /// the pages below a section whose breadcrumb changed, the home pages, the directory's units
    /// when services changed (a service's page only when its file did), and the site-wide ones.
    /// Every other unit reads nothing that changed.
    /// `changedServices`, when given, holds the ids of every service whose file may have changed.
    public func candidates(after previous: UnitFingerprints, swapped: Set<Int>, units: [RenderUnit], changedServices: Set<String>? = nil) -> [RenderUnit] {
        var pages: Set<Int> = []
        var renamedSections: Set<Int> = []
        for index in swapped {
            pages.insert(index)
            if card[index] != previous.card[index], let above = parent[index] { pages.insert(above) }
            if crumb[index] != previous.crumb[index], plan.pages[index].isSection { renamedSections.insert(index) }
        }
        if !renamedSections.isEmpty {
            for index in plan.pages.indices {
                var step = parent[index]
                while let above = step {
                    if renamedSections.contains(above) { pages.insert(index); break }
                    step = parent[above]
                }
            }
        }
        for (index, page) in plan.pages.enumerated() where page.isHome { pages.insert(index) }
        var result = pages.sorted().map { RenderUnit.page(PageKey(plan.pages[$0].language, plan.pages[$0].relativePath)) }
        // The directory's units read the services, the taxonomy and the settings (unchanged here,
        // or the caller would not ask): none changed when no service did, and a service's page
        // only when its own file did.
        let directoryKept = directory == previous.directory
        let taxonomyKept = hashes.taxonomy == previous.hashes.taxonomy
        let pagesOfLists = directoryKept ? nil : listPages(changedSince: previous, among: changedServices)
        if let changedServices, taxonomyKept, directoryKept || pagesOfLists != nil {
            // Few directory units can have changed: name them rather than go through every unit
            // (at 211's scale, a few hundred thousand). Same units as the filter below.
            let ids = changedServices.filter { hashes.services[$0] != previous.hashes.services[$0] }.sorted()
            let lists = (pagesOfLists ?? []).sorted { GeneratedPages.urlPath($0, .en) < GeneratedPages.urlPath($1, .en) }
            if !directoryKept, listing != nil {
                for language in Language.allCases {
                    result.append(.directoryPage(language, .directory))
                    result += lists.filter { language == .en || !$0.isShared }.map { .directoryPage(language, $0) }
                    result += ids.map { .directoryPage(language, .service($0)) }
                    result.append(.directoryPage(language, .partners))
                }
                result.append(.exports)
            }
            return result + [.search, .siteFiles]
        }
        result += units.filter { unit in
            switch unit {
            case .page: false
            case .directoryPage(_, .service(let id)):
                !taxonomyKept || (changedServices.map { $0.contains(id) } ?? true) && hashes.services[id] != previous.hashes.services[id]
            case .directoryPage(_, let kind) where kind.isList: pagesOfLists.map { $0.contains(kind) } ?? !directoryKept
            case .directoryPage, .exports: !directoryKept
            default: true
            }
        }
        return result
    }

    /// The units whose fingerprint can differ from `previous`'s when the plan was restructured
    /// (`moved`) and nothing else changed: the pages added or read again, their twins, the
    /// sections they left or joined, the home pages, the pages at `linked` (whose links ask about
    /// those pages or their addresses), and the site-wide units. No other page's address, twin,
    /// breadcrumbs or section changed, and the directory reads nothing of the pages.
    public func candidates(after previous: UnitFingerprints, moved: PlanChange, linked: Set<PageKey>) -> [RenderUnit] {
        var pages = moved.sections
        for index in moved.changed {
            pages.insert(index)
            if plan.twinOf[index] >= 0 { pages.insert(plan.twinOf[index]) }
        }
        for key in moved.replaced.keys {
            if let twin = plan.indexByPath[PageKey(key.language.other, key.path)] { pages.insert(twin) }
        }
        for key in linked {
            if let index = plan.indexByPath[key] { pages.insert(index) }
        }
        for language in Language.allCases {
            if let home = plan.indexByPath[PageKey(language, "_index.md")] { pages.insert(home) }
        }
        return pages.sorted().map { RenderUnit.page(PageKey(plan.pages[$0].language, plan.pages[$0].relativePath)) } + [.search, .siteFiles]
    }

    /// The pages of the directory's lists (site, embeddable, data, facets blocks) that show a
    /// service whose file changed, when every list holds the same services in the same places
    /// (same taxonomy and counts, changed services in the lists they were in); nil when every list
    /// page must be compared.
    /// `among`, when given, holds the ids of every service that may have changed.
    func listPages(changedSince previous: UnitFingerprints, among ids: Set<String>? = nil) -> Set<GeneratedPages.Kind>? {
        guard let listing, let before = previous.listing, hashes.taxonomy == previous.hashes.taxonomy, listings == previous.listings,
              services.count == previous.services.count else { return nil }
        var changed: [Int32] = []
        let positions: [Int] = ids.map { ids in ids.compactMap { ServiceDirectory.position(of: $0, in: services) }.sorted() } ?? Array(services.indices)
        for position in positions where hashes.services[services[position].id] != previous.hashes.services[services[position].id] {
            guard previous.services[position].id == services[position].id else { return nil }
            changed.append(Int32(position))
        }
        var kinds: Set<GeneratedPages.Kind> = []
        for position in changed {
            kinds.insert(.serviceFacets(Int(position) / ServiceAPI.facetBlockSize + 1))
            for filter in listing.filters {
                let index = listing.index(of: position, in: filter)
                // A service that moved between lists moves the others on their pages too (even
                // when every count stays the same): compare every list page then.
                guard index == before.index(of: position, in: filter) else { return nil }
                guard let index else { continue }
                kinds.insert(.serviceList(filter, page: index / ServiceListing.pageSize + 1))
                kinds.insert(.embedServices(filter, page: index / ServiceListing.pageSize + 1))
                kinds.insert(.serviceData(filter, page: index / ServiceAPI.listPageSize + 1))
            }
        }
        return kinds
    }

    /// The section whose page comes last before `page` in its breadcrumbs (`SiteStructure.ancestors`).
    static func nearestSection(above page: Page, in plan: SitePlan) -> Int? {
        if page.isHome { return nil }
        var folder = page.isSection ? (page.parentFolder ?? "") : page.sectionFolder
        while true {
            if let index = plan.indexByPath[PageKey(page.language, folder.isEmpty ? "_index.md" : folder + "/_index.md")] { return index }
            guard !folder.isEmpty else { return nil }
            folder = folder.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(folder[..<$0]) } ?? ""
        }
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
            hasher.combine(address[index])
            hasher.combine(address[plan.twinOf[index]])
            // Breadcrumbs: each ancestor's title and address, from the home page down.
            var chain: [Int] = [index]
            var step = parent[index]
            while let above = step {
                chain.append(above)
                step = parent[above]
            }
            for ancestor in chain.reversed() { hasher.combine(crumb[ancestor]) }
            // Cards, pagination and feeds of a section: its pages' titles, addresses, summaries and dates.
            for child in plan.childrenOf[index] ?? [] { hasher.combine(card[child]) }
            if page.isHome { hasher.combine(home[page.language]) }
            hasher.combine(answers(lookups))
        case .directoryPage(let language, let kind):
            hasher.combine(global[language])
            hasher.combine(kind)
            switch kind {
            case .service(let id):
                hasher.combine(hashes.services[id] ?? 0)
                hasher.combine(hashes.taxonomy)
            case .serviceList(let filter, let page), .embedServices(let filter, let page):
                combineMembers(filter: filter, page: page, pageSize: ServiceListing.pageSize, into: &hasher)
            case .serviceData(let filter, let page):
                combineMembers(filter: filter, page: page, pageSize: ServiceAPI.listPageSize, into: &hasher)
            case .serviceFacets(let block):
                hasher.combine(listings)
                let start = min(services.count, max(0, (block - 1) * ServiceAPI.facetBlockSize))
                for service in services[start..<min(services.count, start + ServiceAPI.facetBlockSize)] {
                    hasher.combine(service.id)
                    hasher.combine(hashes.services[service.id] ?? 0)
                }
            default:
                // The first page (featured services, counts), the partners page.
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
            hasher.combine(plan.pages.count)
            hasher.combine(searchSum)
        case .siteFiles:
            // The sitemap: every page's address, its twin's and its date; the directory's pages;
            // the widget's settings (the taxonomy, UI strings); assets and settings.
            for language in Language.allCases { hasher.combine(global[language]) }
            hasher.combine(directory)
            hasher.combine(plan.pages.count)
            hasher.combine(siteSum)
        }
        return hasher.finalize()
    }

    /// What `lookups` find in the plan: the address of each page asked for, whether each site
    /// path is written and which page has it.
    public func answers(_ lookups: [LinkLookup]) -> Int {
        var hasher = Hasher()
        for lookup in lookups {
            switch lookup {
            case .page(let key):
                hasher.combine(plan.indexByPath[key].map { address[$0] })
            case .sitePath(let path):
                hasher.combine(plan.knownPaths.contains(path))
                hasher.combine(plan.indexByURL[path] != nil)
            }
        }
        return hasher.finalize()
    }

    /// Whether each of `lookups` finds something (a page, an address the build writes), not
    /// where: a link can break only when this changes (an address that moved is not an error).
    public func found(_ lookups: [LinkLookup]) -> Int {
        var hasher = Hasher()
        for lookup in lookups {
            switch lookup {
            case .page(let key):
                hasher.combine(plan.indexByPath[key] != nil)
            case .sitePath(let path):
                hasher.combine(plan.knownPaths.contains(path))
                hasher.combine(plan.indexByURL[path] != nil)
            }
        }
        return hasher.finalize()
    }

    /// A page as a card in its section's list, with what orders the list (date, weight, title).
    static func combineCard(_ page: Page, into hasher: inout Hasher) {
        hasher.combine(page.relativePath)
        hasher.combine(page.frontMatter.weight)
        hasher.combine(page.isSection)
        hasher.combine(page.frontMatter.title)
        hasher.combine(page.urlPath)
        hasher.combine(page.frontMatter.description)
        hasher.combine(page.frontMatter.date)
        hasher.combine(page.frontMatter.lastmod)
    }
}
