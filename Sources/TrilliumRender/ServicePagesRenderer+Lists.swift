import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// The directory's first page and its lists: pages of `ServiceListing.pageSize` cards that hold
/// every service without JavaScript, on the site and in the embeddable page.
extension ServicePagesRenderer {
    /// Featured services shown on the directory's first page.
    static let featuredCount = 10

    // MARK: The first page

    func renderDirectory(_ language: Language) -> OutputFile {
        let path = GeneratedPages.urlPath(.directory, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.directory, language.other),
                                title: t("directoryTitle", language), description: t("directoryDescription", language),
                                breadcrumbs: factory.breadcrumbs(language, [(t("directoryTitle", language), path)]), lastModified: latestVerification)
        view.directory = DirectoryView(
            searchIndex: config.href("/" + SearchIndex.metaPath(language)),
            listsURL: config.href("/" + ServiceAPI.listsFolder + language.rawValue + "/"),
            facetsURL: config.href("/" + ServiceAPI.listsFolder + "facets/"),
            categories: terms(.categories, language), regions: terms(.regions, language),
            audiences: terms(.audiences, language), languages: terms(.languages, language),
            allServices: termView(.all, label: t("listAllTitle", language), language),
            featured: featured(language))
        view.scripts = [factory.asset("search-core.js"), factory.asset("directory-search.js")]
        return renderer.renderPage(view, template: "directory", to: path, language: language,
                                   inserting: cards(featuredPositions(), language), at: Self.cardsMarker)
    }

    /// The list the directory's first page starts with: the featured category, in the everywhere
    /// region when it has services there (the lines anyone can call), else anywhere.
    var featuredFilter: ServiceFilter? {
        guard let category = directory.taxonomy.featuredCategory, directory.taxonomy.contains(category, in: .categories) else { return nil }
        if let everywhere = directory.taxonomy.everywhereRegion, listing.count(ServiceFilter(region: everywhere, category: category)) > 0 {
            return ServiceFilter(region: everywhere, category: category)
        }
        return ServiceFilter(category: category)
    }

    func featuredPositions() -> ArraySlice<Int32> {
        featuredFilter.map { listing.positions($0).prefix(Self.featuredCount) } ?? []
    }

    func featured(_ language: Language) -> FeaturedServicesView? {
        guard let filter = featuredFilter, !featuredPositions().isEmpty else { return nil }
        let count = listing.count(filter)
        let more = t(count == 1 ? "featuredMoreOne" : "featuredMore", language).filling("{n}", with: formatCount(count, language))
        return FeaturedServicesView(heading: listTitle(filter, language), cardsHTML: Self.cardsMarker, more: termView(filter, label: more, language))
    }

    /// The terms of a facet with their lists and how many services each holds.
    func terms(_ facet: Taxonomy.Facet, _ language: Language) -> [TermView] {
        directory.taxonomy.terms(facet).map { term in
            let filter: ServiceFilter? = switch facet {
            case .categories: ServiceFilter(category: term.id)
            case .regions: ServiceFilter(region: term.id)
            case .audiences: ServiceFilter(audience: term.id)
            case .languages: nil
            }
            guard let filter else {
                // Counted in place: `filter` would copy every matching service.
                let services = directory.services
                var count = 0
                for index in services.indices where services[index].languages.contains(term.id) { count += 1 }
                return TermView(id: term.id, label: term.label[language], href: "", count: count, countText: formatCount(count, language))
            }
            return termView(filter, label: term.label[language], language)
        }
    }

    func termView(_ filter: ServiceFilter, label: String, _ language: Language) -> TermView {
        let count = listing.count(filter)
        return TermView(id: filter.terms.last?.id ?? "", label: label, href: listHref(filter, language), count: count,
                        countText: formatCount(count, language))
    }

    func listHref(_ filter: ServiceFilter, _ language: Language, page: Int = 1) -> String {
        config.href(GeneratedPages.urlPath(.serviceList(filter, page: page), language))
    }

    // MARK: Lists

    /// The name of a list: "All services", "Services in this region: Toronto", "Crisis lines in Toronto"…
    func listTitle(_ filter: ServiceFilter, _ language: Language) -> String {
        let taxonomy = directory.taxonomy
        func label(_ id: String?, _ facet: Taxonomy.Facet) -> String { id.map { taxonomy.label($0, in: facet, language: language) } ?? "" }
        switch (filter.region, filter.category, filter.audience) {
        case (nil, nil, nil): return t("listAllTitle", language)
        case (let region?, let category?, _):
            return t("listPairTitle", language).filling("{category}", with: label(category, .categories))
                .filling("{region}", with: label(region, .regions))
        case (let region?, nil, _): return "\(t("regionTitle", language)) \(label(region, .regions))"
        case (nil, let category?, _): return "\(t("categoryTitle", language)) \(label(category, .categories))"
        case (nil, nil, let audience?): return "\(t("audienceTitle", language)) \(label(audience, .audiences))"
        }
    }

    /// "1,234" in English, "1 234" (narrow no-break space) in French.
    func formatCount(_ count: Int, _ language: Language) -> String {
        let digits = Array(String(count))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += language == .fr ? "\u{202F}" : "," }
            out.append(digit)
        }
        return out
    }

    func renderList(_ filter: ServiceFilter, page: Int, _ language: Language) -> OutputFile {
        renderer.renderPage(listPage(filter, page: page, language), template: "service-list",
                            to: GeneratedPages.urlPath(.serviceList(filter, page: page), language), language: language,
                            inserting: cards(listing.positions(filter, page: page), language), at: Self.cardsMarker)
    }

    /// The view of page `page` of the list of `filter`, its cards still to be copied in.
    func listPage(_ filter: ServiceFilter, page: Int, _ language: Language) -> PageView {
        let kind = GeneratedPages.Kind.serviceList(filter, page: page)
        let path = GeneratedPages.urlPath(kind, language)
        let title = listTitle(filter, language)
        let directoryPath = GeneratedPages.urlPath(.directory, language)
        var steps: [(String, String)] = [(t("directoryTitle", language), directoryPath)]
        if filter.region != nil && filter.category != nil, let region = filter.region {
            steps.append((listTitle(ServiceFilter(region: region), language), GeneratedPages.urlPath(.serviceList(ServiceFilter(region: region), page: 1), language)))
        }
        steps.append((title, GeneratedPages.urlPath(.serviceList(filter, page: 1), language)))
        if page > 1 { steps.append((pageLabel(page, of: listing.pageCount(filter), language), path)) }
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(kind, language.other), title: title,
                                description: "\(title). \(t("directoryDescription", language)).",
                                breadcrumbs: factory.breadcrumbs(language, steps), lastModified: latestVerification)
        let pages = listing.pageCount(filter)
        if pages > 1 { view.documentTitle = "\(title) (\(pageLabel(page, of: pages, language))) – \(config.languages[language].title)" }
        view.serviceList = listView(filter, page: page, language, groups: narrowerLists(filter, language), widen: widerLists(filter, language))
        if pages > 1 { view.pagination = pager(page: page, of: pages) { listHref(filter, language, page: $0) } }
        return view
    }

    func pageLabel(_ page: Int, of total: Int, _ language: Language) -> String {
        t("listPageOf", language).filling("{page}", with: String(page)).filling("{pages}", with: String(total))
    }

    /// The cards and count of page `page` of a list.
    func listView(_ filter: ServiceFilter, page: Int, _ language: Language, groups: [TermGroupView] = [], widen: [LinkView] = []) -> ServiceListView {
        let count = listing.count(filter), pages = listing.pageCount(filter)
        let positions = listing.positions(filter, page: page)
        var countText = count == 1 ? t("countOne", language) : t("countMany", language).filling("{n}", with: formatCount(count, language))
        if pages > 1 { countText += t("listCountPage", language).filling("{page}", with: pageLabel(page, of: pages, language)) }
        return ServiceListView(countText: countText, cardsHTML: Self.cardsMarker, isEmpty: positions.isEmpty,
                               hasGroups: !groups.isEmpty, hasWiden: !widen.isEmpty,
                               regionCovers: filter.region.flatMap { directory.taxonomy.term($0, in: .regions)?.covers?[language] },
                               groups: groups, widen: widen)
    }

    /// Links to the first and last pages, and to the pages near the current one, with gaps between.
    func pager(page: Int, of total: Int, href: (Int) -> String) -> PaginationView {
        var numbers: [Int] = [1]
        numbers += (max(2, page - 2)...max(2, min(total - 1, page + 2))).filter { $0 < total }
        if total > 1 { numbers.append(total) }
        var items: [PageNumberView] = []
        for (index, number) in numbers.enumerated() {
            if index > 0 && number > numbers[index - 1] + 1 { items.append(PageNumberView(title: "…", href: nil, current: false, isGap: true)) }
            items.append(PageNumberView(number: number, current: page, href: href(number)))
        }
        return PaginationView(previous: page > 1 ? href(page - 1) : nil, next: page < total ? href(page + 1) : nil,
                                  pages: items, current: page, total: total)
    }

    /// Lists inside this one: a region's categories, a category's regions; from every service, each facet's lists.
    func narrowerLists(_ filter: ServiceFilter, _ language: Language) -> [TermGroupView] {
        let taxonomy = directory.taxonomy
        func group(_ heading: String, _ filters: [(ServiceFilter, String)]) -> TermGroupView? {
            let terms = filters.filter { listing.count($0.0) > 0 }.map { termView($0.0, label: $0.1, language) }
            return terms.isEmpty ? nil : TermGroupView(heading: heading, terms: terms)
        }
        switch (filter.region, filter.category, filter.audience) {
        case (nil, nil, nil):
            return [
                group(t("browseByCategory", language), taxonomy.categories.map { (ServiceFilter(category: $0.id), $0.label[language]) }),
                group(t("browseByRegion", language), taxonomy.regions.map { (ServiceFilter(region: $0.id), $0.label[language]) }),
                group(t("browseByAudience", language), taxonomy.audiences.map { (ServiceFilter(audience: $0.id), $0.label[language]) }),
            ].compactMap { $0 }
        case (let region?, nil, nil):
            return [group(t("narrowByCategory", language),
                          taxonomy.categories.map { (ServiceFilter(region: region, category: $0.id), $0.label[language]) })].compactMap { $0 }
        case (nil, let category?, nil):
            return [group(t("narrowByRegion", language),
                          taxonomy.regions.map { (ServiceFilter(region: $0.id, category: category), $0.label[language]) })].compactMap { $0 }
        default:
            return []
        }
    }

    /// The lists this one is part of.
    func widerLists(_ filter: ServiceFilter, _ language: Language) -> [LinkView] {
        var wider: [ServiceFilter] = []
        if filter.region != nil && filter.category != nil {
            wider = [ServiceFilter(region: filter.region), ServiceFilter(category: filter.category)]
        } else if !filter.isAll {
            wider = [.all]
        }
        return wider.map { LinkView(title: listTitle($0, language), href: listHref($0, language)) }
    }

    // MARK: Cards

    /// What a page's view holds where its cards go; the renderer copies the cards in.
    static let cardsMarker = "<!--trillium:cards-->"

    /// The cards of the services at `positions`, with their typography, each made once per build and language.
    func cards<Positions: Sequence>(_ positions: Positions, _ language: Language) -> [[UInt8]] where Positions.Element == Int32 {
        positions.map { position in
            cache.card(Int(position), language) {
                let card = renderCard(directory.services[Int(position)], language)
                return language == .fr ? FrenchTypography.bytes(applyingToHTML: card) : card
            }
        }
    }

    /// One service's card (`service-card` template), in the context of a page of its language, before typography.
    func renderCard(_ service: Service, _ language: Language) -> [UInt8] {
        renderer.renderFragment("service-card", stack: [cardContexts[language], card(service, language)], language: language, capacity: 1024)
    }

    /// What a card sees around it: the directory's first page in its language (UI strings, site settings).
    static func cardContexts(_ factory: ViewFactory) -> Localized<PageView> {
        Localized(Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language, factory.base(language: language, urlPath: GeneratedPages.urlPath(.directory, language),
                                    twinPath: GeneratedPages.urlPath(.directory, language.other), title: "", description: "",
                                    breadcrumbs: [], lastModified: nil).prepared())
        }))
    }

    // MARK: The embeddable page

    func renderEmbed(_ filter: ServiceFilter, page: Int, _ language: Language) -> OutputFile {
        let kind = GeneratedPages.Kind.embedServices(filter, page: page)
        let path = GeneratedPages.urlPath(kind, language)
        let title = filter.isAll ? t("directoryTitle", language) : listTitle(filter, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(kind, language.other),
                                title: title, description: t("directoryDescription", language), breadcrumbs: [], lastModified: nil)
        let pages = listing.pageCount(filter)
        if pages > 1 { view.documentTitle = "\(title) (\(pageLabel(page, of: pages, language))) – \(config.languages[language].title)" }
        view.serviceList = listView(filter, page: page, language)
        if pages > 1 { view.pagination = pager(page: page, of: pages) { config.href(GeneratedPages.urlPath(.embedServices(filter, page: $0), language)) } }
        view.scripts = [factory.asset("embed-frame.js")]
        return renderer.renderPage(view, template: "embed-services", to: path, language: language,
                                   inserting: cards(listing.positions(filter, page: page), language), at: Self.cardsMarker)
    }
}
