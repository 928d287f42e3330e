import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// The site search of one build: a collector per language that pages and services are added to
/// as they are rendered, and the index files written at the end.
///
/// Documents are numbered before rendering: each language's content pages in plan order, then
/// its services in directory order, so a worker can add a page the moment it is rendered. The
/// preview keeps its own (`LiveSearch`), which adds an edited page again.
public struct SiteSearch: Sendable {
    let collectors: [Language: SearchIndexCollector]
    /// The document number of each content page, by plan index.
    let documentNumbers: [Int]
    let pageCounts: [Language: Int]

    /// `timed`: the collectors count their CPU time (`analysisSeconds`).
    init(plan: SitePlan, services: ServiceDirectory?, timed: Bool = false) {
        var numbers: [Int] = []
        var counts: [Language: Int] = [:]
        for page in plan.pages {
            numbers.append(counts[page.language, default: 0])
            counts[page.language, default: 0] += 1
        }
        documentNumbers = numbers
        pageCounts = counts
        let serviceCount = services?.services.count ?? 0
        collectors = Dictionary(uniqueKeysWithValues: Language.allCases.map {
            ($0, SearchIndexCollector(language: $0, pages: counts[$0, default: 0], services: serviceCount, timed: timed))
        })
    }

    /// Adds content page `index`, made by `document`, and returns its fragment file.
    func addPage(_ index: Int, language: Language, _ document: () -> SearchDocument) -> OutputFile? {
        collectors[language]?.add(number: documentNumbers[index], document)
    }

    /// Adds the service at `position` in the directory, made by `document`, and returns its fragment file.
    func addService(_ position: Int, language: Language, _ document: () -> SearchDocument) -> OutputFile? {
        collectors[language]?.add(number: pageCounts[language, default: 0] + position, document)
    }

    /// Adds document `number` of `language` again (the preview); returns its fragment.
    func replace(number: Int, language: Language, _ document: () -> SearchDocument) -> OutputFile? {
        collectors[language]?.add(number: number, document)
    }

    /// `meta.json` and the shards of `language`.
    public func indexFiles(_ language: Language) -> [OutputFile] {
        collectors[language]?.files() ?? []
    }

    /// CPU seconds spent analyzing documents and writing the index, all languages and threads
    /// together (0 unless the search was made `timed`).
    public var analysisSeconds: Double { collectors.values.reduce(0) { $0 + $1.analysisSeconds } }
}

/// What the search keeps of a rendered content page until its document is made.
public struct SearchPageText: Sendable {
    /// The page's headings, one after the other.
    var headings: String
    var plainText: String
}

extension SiteRenderer {
    /// What the search indexes of a content page: title, headings, description and text.
    public func searchDocument(_ page: Page, _ text: SearchPageText) -> SearchDocument {
        let language = page.language
        func typography(_ value: String) -> String { language == .fr ? FrenchTypography.apply(toText: value) : value }
        let section = searchSection(page)
        return SearchDocument(
            kind: .page, url: config.href(page.urlPath), title: typography(page.frontMatter.title), section: typography(section),
            fields: [.title(page.frontMatter.title), .headings(text.headings), .description(page.frontMatter.description), .body(text.plainText)],
            excerpt: typography(SearchFragment.excerpt(of: [page.frontMatter.description, text.plainText])))
    }
}

extension ServicePagesRenderer {
    /// What the search indexes of a service: name, organization, summary, tags, description and phones.
    func searchDocument(_ service: Service, _ language: Language, context: ServiceRenderContext) -> SearchDocument {
        searchDocument(service, language, descriptionText: context.descriptionText(service.id, language))
    }

    func searchDocument(_ service: Service, _ language: Language, descriptionText: String) -> SearchDocument {
        func text(_ value: String) -> String { language == .fr ? FrenchTypography.apply(toText: value) : value }
        let phones = contacts(service, language).filter { $0.href.hasPrefix("tel:") || $0.href.hasPrefix("sms:") }
            .map { SearchPhone(text: text($0.text), href: $0.href) }
        let numbers = service.phones.map { "\($0.number.description) \($0.number.digits)" }.joined(separator: " ")
        return SearchDocument(
            kind: .service, url: config.href(GeneratedPages.urlPath(.service(service.id), language)), title: text(service.name[language]),
            section: text(t("directoryTitle", language)),
            fields: [.title(service.name[language]), .headings(service.organization.name[language]), .phones(numbers),
                     .description(service.summary[language]), .tags(tagText(service, language)), .body(descriptionText)],
            excerpt: text(SearchFragment.excerpt(of: [service.summary[language], descriptionText])), phones: phones)
    }
}
