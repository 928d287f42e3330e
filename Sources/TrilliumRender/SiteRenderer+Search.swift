import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// The search index files, the search page of each language and its A–Z index: every page and
/// service by the first letter of its title, in pages of `azPageSize`, for use without JavaScript.
extension SiteRenderer {
    /// Entries on one page of the A–Z index.
    static let azPageSize = 100

    /// The index files and search pages of both languages, in that order per language, then
    /// `also`'s files. Like the 404 pages, the search pages are not counted in the build's summary.
    ///
    /// The parts need nothing from one another but the A–Z entries (each language's pages link
    /// to the other's), so they are made on all workers, the costliest first: alone, they kept
    /// one core busy for a second at the end of a 10,000-page build. The files come back in the
    /// same order whatever the workers.
    func renderSearchFiles(_ search: SiteSearch, also: (@Sendable () -> [OutputFile])? = nil) -> [OutputFile] {
        let languages = Language.allCases
        enum Part: Sendable { case files([OutputFile]), entries([SearchEntryView]) }
        var work: [@Sendable () -> Part] = languages.map { language in { .files(search.indexFiles(language)) } }
        if let also { work.append { .files(also()) } }
        work += languages.map { language in { .entries(searchEntries(language)) } }
        let jobs = work
        let parts = Parallel.map(jobs.count, workers: settings.workers) { jobs[$0]() }
        func files(_ index: Int) -> [OutputFile] { if case .files(let files) = parts[index] { files } else { [] } }
        var found: [Language: [SearchEntryView]] = [:]
        for (offset, language) in languages.enumerated() {
            if case .entries(let list) = parts[jobs.count - languages.count + offset] { found[language] = list }
        }
        let entries = found
        // Each language's A–Z pages link to the pages of the other's letters.
        let pageCounts = entries.mapValues { list in
            Dictionary(grouping: list, by: { Self.azLetter(of: $0.title) }).mapValues { ($0.count + Self.azPageSize - 1) / Self.azPageSize }
        }
        let pages = Parallel.map(languages.count, workers: settings.workers) { index in
            let language = languages[index]
            return renderSearchPages(language, entries: entries[language] ?? [], otherPageCounts: pageCounts[language.other] ?? [:])
        }
        return languages.indices.flatMap { files($0) + pages[$0] } + (also == nil ? [] : files(languages.count))
    }

    /// The search page and every page of the A–Z index of `language`. Each letter that either
    /// language uses has a page in both (saying so when it lists nothing), so every A–Z page's
    /// twin is the same letter and page, or that letter's first page.
    func renderSearchPages(_ language: Language, entries: [SearchEntryView], otherPageCounts: [String: Int]) -> [OutputFile] {
        let byLetter = Dictionary(grouping: entries, by: { Self.azLetter(of: $0.title) })
        let letters = byLetter.keys.sorted()
        func letterLinks(current: String?) -> [LinkView] {
            letters.map { LinkView(title: Self.azLabel(of: $0), href: config.href(GeneratedPages.urlPath(.searchIndex($0, 1), language)), current: $0 == current) }
        }
        let searchPath = GeneratedPages.urlPath(.search, language)
        let title = factory.t("searchTitle", language)
        var files: [OutputFile] = []
        var view = factory.base(language: language, urlPath: searchPath, twinPath: GeneratedPages.urlPath(.search, language.other), title: title,
                                description: factory.t("searchDescription", language),
                                breadcrumbs: factory.breadcrumbs(language, [(title, searchPath)]), lastModified: nil)
        view.search = searchPageView(language, letters: letterLinks(current: nil), entries: [], isSearchPage: true)
        view.scripts = [factory.asset("search-core.js"), factory.asset("site-search.js")]
        files.append(renderPage(view, template: "search", to: searchPath, language: language))
        for letter in Set(letters).union(otherPageCounts.keys).sorted() {
            let members = byLetter[letter] ?? []
            let pages = members.isEmpty ? [[]] : stride(from: 0, to: members.count, by: Self.azPageSize).map { Array(members[$0..<min(members.count, $0 + Self.azPageSize)]) }
            for (number, slice) in pages.enumerated() {
                let path = GeneratedPages.urlPath(.searchIndex(letter, number + 1), language)
                let heading = "\(factory.t("searchIndexTitle", language)) \(Self.azLabel(of: letter))"
                let twinPage = number + 1 <= otherPageCounts[letter, default: 1] ? number + 1 : 1
                var page = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.searchIndex(letter, twinPage), language.other),
                                        title: heading, description: factory.t("searchDescription", language),
                                        breadcrumbs: factory.breadcrumbs(language, [(title, searchPath), (heading, path)]), lastModified: nil)
                page.search = searchPageView(language, letters: letterLinks(current: letter), entries: slice, isSearchPage: false)
                if pages.count > 1 {
                    func href(_ page: Int) -> String { config.href(GeneratedPages.urlPath(.searchIndex(letter, page), language)) }
                    page.pagination = PaginationView(previous: number > 0 ? href(number) : nil, next: number + 1 < pages.count ? href(number + 2) : nil,
                                                     pages: (1...pages.count).map { PageNumberView(number: $0, current: number + 1, href: href($0)) },
                                                     current: number + 1, total: pages.count)
                    if number > 0 { page.documentTitle = "\(heading) (\(number + 1)/\(pages.count)) – \(config.languages[language].title)" }
                }
                files.append(renderPage(page, template: "search", to: path, language: language))
            }
        }
        return files
    }

    func searchPageView(_ language: Language, letters: [LinkView], entries: [SearchEntryView], isSearchPage: Bool) -> SearchPageView {
        func text(_ key: String) -> String {
            language == .fr ? FrenchTypography.apply(toText: factory.t(key, language)) : factory.t(key, language)
        }
        return SearchPageView(indexURL: isSearchPage ? config.href("/" + SearchIndex.metaPath(language)) : "", isSearchPage: isSearchPage,
                              letters: letters, entries: entries, hasEntries: !entries.isEmpty,
                              resultsNone: text("searchResultsNone"), resultsOne: text("searchResultsOne"),
                              resultsMany: text("searchResultsMany"), resultsError: text("searchError"))
    }

    /// Every page and service of `language`, sorted by folded title, then title and address.
    func searchEntries(_ language: Language) -> [SearchEntryView] {
        var entries = plan.pages.filter { $0.language == language }.map { page in
            SearchEntryView(title: page.frontMatter.title, href: config.href(page.urlPath), section: searchSection(page), phone: nil)
        }
        if let directory = input.services {
            let services = ServicePagesRenderer(renderer: self, directory: directory)
            let section = factory.t("directoryTitle", language)
            entries += directory.services.map { service in
                let phone = services.contacts(service, language).first { $0.href.hasPrefix("tel:") || $0.href.hasPrefix("sms:") }
                return SearchEntryView(title: service.name[language], href: config.href(GeneratedPages.urlPath(.service(service.id), language)),
                                       section: section, phone: phone)
            }
        }
        let keyed = entries.map { (TextFolding.fold($0.title), $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1.title != b.1.title { return a.1.title < b.1.title }
            return a.1.href < b.1.href
        }.map(\.1)
    }

    /// The title of the top section a page belongs to ("Home" for the home page and the pages
    /// beside it): the first section above it in its folders, as its breadcrumbs show.
    func searchSection(_ page: Page) -> String {
        let folders = page.sectionFolder.split(separator: "/")
        for depth in folders.indices {
            let path = folders[...depth].joined(separator: "/") + "/_index.md"
            if path != page.relativePath, let section = plan.page(page.language, path) { return section.frontMatter.title }
        }
        return factory.t("home", page.language)
    }

    /// The A–Z slug of a title: its first letter folded (`a`…`z`), or `0-9` for a digit or none.
    static func azLetter(of title: String) -> String {
        guard let first = TextFolding.fold(title).first(where: { $0.isLetter || $0.isNumber }), first.isLetter else { return "0-9" }
        return String(first)
    }

    static func azLabel(of letter: String) -> String {
        letter == "0-9" ? "0–9" : letter.uppercased()
    }
}
