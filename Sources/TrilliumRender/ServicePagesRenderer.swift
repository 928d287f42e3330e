import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// What the directory's jobs share, worked out once per directory.
public struct ServiceRenderContext: Sendable {
    /// Each service's description as HTML and as plain text, by id and language.
    var descriptions: [String: Localized<String>]
    var descriptionTexts: [String: Localized<String>]
    /// Problems found rendering the descriptions.
    public var diagnostics: [Diagnostic]
    var servicesByID: [String: Service]
    /// Each service's position in the directory (its search document follows the pages').
    var positions: [String: Int]
}

/// The service directory's pages and files: the directory with search, one page per service,
/// lists per category and region, the partners page, the embeddable page, and the API files.
struct ServicePagesRenderer {
    let renderer: SiteRenderer
    let directory: ServiceDirectory
    /// Service pages are added to the site search as they are rendered.
    var search: SiteSearch?

    var config: SiteConfig { renderer.config }
    var factory: ViewFactory { renderer.factory }

    func t(_ key: String, _ language: Language) -> String { factory.t(key, language) }

    func render(emit: OutputSink, diagnostics: inout DiagnosticList) -> [Language: Int] {
        var counts: [Language: Int] = [:]
        let context = makeContext()
        diagnostics.append(contentsOf: context.diagnostics)
        // Every page is independent: render them on all workers.
        let jobs = Self.jobs(directory)
        let allCards = Localized(Dictionary(uniqueKeysWithValues: Language.allCases.map { language in (language, directory.services.map { card($0, language) }) }))
        let outcomes = Parallel.map(jobs.count, workers: renderer.settings.workers) { index -> [Diagnostic] in
            let (language, kind) = jobs[index]
            var files = renderJob(language, kind, context: context, allCards: { allCards[$0] })
            if case .service(let id) = kind, let service = context.servicesByID[id], let position = context.positions[id],
               let fragment = search?.addService(position, language: language, { searchDocument(service, language, context: context) }) {
                files.append(fragment)
            }
            var local = DiagnosticList()
            SiteRenderer.deliver(files, to: emit, diagnostics: &local)
            return local.items
        }
        for items in outcomes { diagnostics.append(contentsOf: items) }
        for (language, kind) in jobs where kind != .partners { counts[language, default: 0] += 1 }
        SiteRenderer.deliver(exports(context: context), to: emit, diagnostics: &diagnostics)
        return counts
    }

    /// The directory's pages, one job per language and kind; the search pages are the search's.
    static func jobs(_ directory: ServiceDirectory) -> [(Language, GeneratedPages.Kind)] {
        Language.allCases.flatMap { language in
            GeneratedPages.kinds(services: directory).filter(\.isDirectoryPage).map { (language, $0) }
        }
    }

    /// Each service's description rendered once per language, shared by its pages, the search
    /// and the exports. Descriptions of services `reusable` says are unchanged are taken from `previous`.
    func makeContext(reusing previous: ServiceRenderContext? = nil, reusable: (Service) -> Bool = { _ in false }) -> ServiceRenderContext {
        var diagnostics = DiagnosticList()
        var descriptions: [String: Localized<String>] = [:]
        var descriptionTexts: [String: Localized<String>] = [:]
        for service in directory.services {
            if let previous, reusable(service), let html = previous.descriptions[service.id], let text = previous.descriptionTexts[service.id] {
                descriptions[service.id] = html
                descriptionTexts[service.id] = text
                continue
            }
            var texts: [Language: String] = [:]
            descriptions[service.id] = Localized(Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
                let markdown = MarkdownRenderer(allowedHTML: []).render(service.description[language], file: service.sourcePath,
                                                                       firstLine: service.descriptionLines[language], diagnostics: &diagnostics) { url, location, diagnostics in
                    if url.hasPrefix("/") || !(url.contains(":")) {
                        diagnostics.error(location, "service descriptions may only link to full https:// addresses", hint: "Write the whole address, e.g. https://example.org/.")
                    }
                    return nil
                }
                texts[language] = markdown.plainText
                return (language, markdown.html)
            }))
            descriptionTexts[service.id] = Localized(texts)
        }
        return ServiceRenderContext(
            descriptions: descriptions, descriptionTexts: descriptionTexts, diagnostics: diagnostics.items,
            servicesByID: Dictionary(directory.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            positions: Dictionary(directory.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The files of one job. `allCards` gives every service's card in a language (lists that show them all).
    func renderJob(_ language: Language, _ kind: GeneratedPages.Kind, context: ServiceRenderContext,
                   allCards: (Language) -> [ServiceCardView]) -> [OutputFile] {
        switch kind {
        case .directory:
            return [renderDirectory(language, cards: allCards(language), indexPath: config.href("/" + SearchIndex.metaPath(language)))]
        case .category(let id), .region(let id):
            let facet: Taxonomy.Facet = if case .category = kind { .categories } else { .regions }
            guard let term = directory.taxonomy.term(id, in: facet) else { return [] }
            let members = directory.services.filter { matches($0, term.id, facet) }.map { card($0, language) }
            return [renderList(language, kind: kind, term: term, facet: facet, cards: members)]
        case .service(let id):
            guard let service = context.servicesByID[id] else { return [] }
            return [renderService(service, language, descriptionHTML: context.descriptions[service.id]?[language] ?? "")]
        case .partners:
            return [renderPartners(language)]
        case .embedServices:
            return [renderEmbed(language, cards: allCards(language))]
        case .search, .searchIndex:
            return [] // rendered by the site search (SiteRenderer+Search.swift)
        }
    }

    /// services.json, its schema, the HSDS files and pages, and the OpenAPI document.
    func exports(context: ServiceRenderContext) -> [OutputFile] {
        let pageURL: (Service, Language) -> String = { service, language in config.absoluteURL(GeneratedPages.urlPath(.service(service.id), language)) }
        return [
            OutputFile(path: ServiceAPI.servicesPath,
                       data: ServiceAPI.servicesJSON(directory, config: config, descriptionHTML: { context.descriptions[$0.id]?[$1] ?? "" }, pageURL: pageURL)),
            OutputFile(path: ServiceAPI.schemaPath, data: ServiceAPI.schemaJSON(config: config)),
            OutputFile(path: ServiceAPI.hsdsPath, data: ServiceAPI.hsdsJSON(directory, config: config, pageURL: pageURL)),
            OutputFile(path: ServiceAPI.openAPIPath, data: ServiceAPI.openAPIJSON(
                config: config, embedPages: Localized(en: GeneratedPages.urlPath(.embedServices, .en), fr: GeneratedPages.urlPath(.embedServices, .fr)))),
        ] + ServiceAPI.hsdsPages(directory, config: config, pageURL: pageURL)
    }

    /// A service of the everywhere region serves every region, so it is listed under each.
    func matches(_ service: Service, _ id: String, _ facet: Taxonomy.Facet) -> Bool {
        directory.taxonomy.lists(service, under: id, in: facet)
    }

    // MARK: Search

    func tagText(_ service: Service, _ language: Language) -> String {
        Taxonomy.Facet.allCases.flatMap { facet in service.terms(facet).map { directory.taxonomy.label($0, in: facet, language: language) } }.joined(separator: " ")
    }

    // MARK: Views

    func contacts(_ service: Service, _ language: Language) -> [ContactLinkView] {
        var links = service.phones.map { phone in
            // A label such as "Dial 2-1-1" already says the number.
            let label = phone.label[language]
            let saysNumber = label.filter(\.isNumber).hasSuffix(phone.number.digits.count == 3 ? phone.number.digits : String(phone.number.digits.dropFirst()))
            return ContactLinkView(text: saysNumber ? label : "\(label) \(phone.number)", href: phone.number.telURI, isExternal: false)
        }
        if let website = service.website { links.append(ContactLinkView(text: t("website", language), href: website, isExternal: true)) }
        if let chat = service.chat { links.append(ContactLinkView(text: t("chat", language), href: chat, isExternal: true)) }
        if let email = service.email { links.append(ContactLinkView(text: email, href: "mailto:\(email)", isExternal: false)) }
        return links
    }

    func tags(_ service: Service, _ language: Language) -> [String] {
        var tags: [String] = []
        if service.hours.open24_7 { tags.append(t("open247", language)) }
        if service.cost == .free { tags.append(t("costFree", language)) }
        if service.confidential == true { tags.append(t("confidential", language)) }
        if service.indigenousLed == true { tags.append(t("indigenousLed", language)) }
        return tags
    }

    func card(_ service: Service, _ language: Language) -> ServiceCardView {
        let regions = directory.taxonomy.listedRegions(of: service)
        return ServiceCardView(id: service.id, name: service.name[language], href: config.href(GeneratedPages.urlPath(.service(service.id), language)),
                               summary: service.summary[language], contacts: contacts(service, language), tags: tags(service, language),
                               categories: service.categories.joined(separator: " "), regions: regions.joined(separator: " "),
                               audiences: service.audiences.joined(separator: " "), languages: service.languages.joined(separator: " "),
                               open247: service.hours.open24_7, indigenousLed: service.indigenousLed == true)
    }

    func terms(_ facet: Taxonomy.Facet, _ language: Language) -> [TermView] {
        directory.taxonomy.terms(facet).map { term in
            let kind: GeneratedPages.Kind? = facet == .categories ? .category(term.id) : facet == .regions ? .region(term.id) : nil
            return TermView(id: term.id, label: term.label[language], href: kind.map { config.href(GeneratedPages.urlPath($0, language)) } ?? "",
                            count: directory.services.filter { matches($0, term.id, facet) }.count)
        }
    }

    func directoryView(_ language: Language, cards: [ServiceCardView], indexPath: String, heading: String?) -> DirectoryView {
        let countText = cards.count == 1 ? t("countOne", language) : t("countMany", language).replacingOccurrences(of: "{n}", with: String(cards.count))
        return DirectoryView(searchIndex: indexPath, searchCoreJS: factory.asset("search-core.js"), directoryJS: factory.asset("directory-search.js"),
                             services: cards, count: cards.count, countText: countText, countNone: t("countNone", language),
                             countOne: t("countOne", language), countMany: t("countMany", language),
                             categories: terms(.categories, language), regions: terms(.regions, language),
                             audiences: terms(.audiences, language), languages: terms(.languages, language),
                             heading: heading, isFullDirectory: heading == nil)
    }

    func renderDirectory(_ language: Language, cards: [ServiceCardView], indexPath: String) -> OutputFile {
        let path = GeneratedPages.urlPath(.directory, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.directory, language.other),
                                title: t("directoryTitle", language), description: t("directoryDescription", language),
                                breadcrumbs: factory.breadcrumbs(language, [(t("directoryTitle", language), path)]), lastModified: latestVerification)
        view.directory = directoryView(language, cards: cards, indexPath: indexPath, heading: nil)
        view.scripts = [factory.asset("search-core.js"), factory.asset("directory-search.js")]
        return renderer.renderPage(view, template: "directory", to: path, language: language)
    }

    var latestVerification: Day? { directory.services.map(\.lastVerified).max() }

    func renderList(_ language: Language, kind: GeneratedPages.Kind, term: Taxonomy.Term, facet: Taxonomy.Facet,
                    cards: [ServiceCardView]) -> OutputFile {
        let path = GeneratedPages.urlPath(kind, language)
        let title = "\(t(facet == .categories ? "categoryTitle" : "regionTitle", language)) \(term.label[language])"
        let directoryPath = GeneratedPages.urlPath(.directory, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(kind, language.other), title: title,
                                description: "\(t("directoryDescription", language)) \(term.label[language]).",
                                breadcrumbs: factory.breadcrumbs(language, [(t("directoryTitle", language), directoryPath), (term.label[language], path)]),
                                lastModified: latestVerification)
        view.directory = directoryView(language, cards: cards, indexPath: "", heading: term.label[language])
        view.directory?.regionCovers = term.covers?[language]
        return renderer.renderPage(view, template: "directory", to: path, language: language)
    }

    func renderService(_ service: Service, _ language: Language, descriptionHTML: String) -> OutputFile {
        let path = GeneratedPages.urlPath(.service(service.id), language)
        let directoryPath = GeneratedPages.urlPath(.directory, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.service(service.id), language.other),
                                title: service.name[language], description: service.summary[language],
                                breadcrumbs: factory.breadcrumbs(language, [(t("directoryTitle", language), directoryPath), (service.name[language], path)]),
                                lastModified: service.lastVerified)
        var facts: [FactView] = [FactView(term: t("organization", language), value: service.organization.name[language])]
        facts.append(FactView(term: t("hours", language), value: hoursText(service.hours, language)))
        for (facet, key) in [(Taxonomy.Facet.regions, "regions"), (.categories, "categories"), (.audiences, "audiences"), (.languages, "languagesOffered")] {
            let links: [ContactLinkView] = service.terms(facet).map { id in
                let label = directory.taxonomy.label(id, in: facet, language: language)
                switch facet {
                case .categories: return ContactLinkView(text: label, href: config.href(GeneratedPages.urlPath(.category(id), language)), isExternal: false)
                case .regions: return ContactLinkView(text: label, href: config.href(GeneratedPages.urlPath(.region(id), language)), isExternal: false)
                default: return ContactLinkView(text: label, href: "", isExternal: false)
                }
            }
            let value = links.map(\.text).joined(separator: ", ")
            facts.append(FactView(term: t(key, language), value: value, links: facet == .categories || facet == .regions ? links : []))
        }
        // A fact the source does not state reads "Not stated", never "No".
        func answer(_ value: Bool?) -> String { t(value.map { $0 ? "answerYes" : "answerNo" } ?? "notStated", language) }
        facts.append(FactView(term: t("cost", language), value: service.cost.map { t("cost-" + $0.rawValue, language) } ?? t("notStated", language)))
        facts.append(FactView(term: t("confidentialTerm", language), value: answer(service.confidential)))
        facts.append(FactView(term: t("indigenousLed", language), value: answer(service.indigenousLed)))
        view.service = ServiceView(id: service.id, name: service.name[language], summary: service.summary[language], descriptionHTML: descriptionHTML,
                                   organization: service.organization.name[language], contacts: contacts(service, language), facts: facts,
                                   lastVerified: factory.date(service.lastVerified, language),
                                   source: factory.source(service.source, language), tags: tags(service, language))
        return renderer.renderPage(view, template: "service", to: path, language: language)
    }

    func hoursText(_ hours: ServiceHours, _ language: Language) -> String {
        var parts: [String] = []
        if hours.open24_7 { parts.append(t("open247Long", language)) }
        for block in hours.weekly {
            let days = block.days.map { t("day-" + $0.rawValue, language) }.joined(separator: ", ")
            let opens = LocalizedDate.time(block.opens, language), closes = LocalizedDate.time(block.closes, language)
            parts.append(language == .fr ? "\(days) : de \(opens) à \(closes)" : "\(days): \(opens) to \(closes)")
        }
        if let note = hours.note { parts.append(note[language]) }
        return parts.joined(separator: "; ")
    }

    func renderPartners(_ language: Language) -> OutputFile {
        let path = GeneratedPages.urlPath(.partners, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.partners, language.other),
                                title: t("partnersTitle", language), description: t("partnersDescription", language),
                                breadcrumbs: factory.breadcrumbs(language, [(t("partnersTitle", language), path)]), lastModified: latestVerification)
        let embedURL = config.absoluteURL("/embed.js")
        let frameURL = config.absoluteURL(GeneratedPages.urlPath(.embedServices, language))
        let category = directory.taxonomy.categories.first?.id ?? ""
        view.embedSnippets = EmbedSnippetsView(
            widget: "<script src=\"\(embedURL)\" defer></script>\n<trillium-services lang=\"\(language.rawValue)\" category=\"\(category)\" limit=\"5\"></trillium-services>",
            iframe: "<iframe src=\"\(frameURL)\" title=\"\(t("embedFrameTitle", language))\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>",
            frameListener: """
            <script>
            window.addEventListener("message", function (event) {
              if (event.origin !== "\(originOf(config.baseURL))" || !event.data || event.data.type !== "trillium:height") return;
              var frame = document.querySelector('iframe[src^="\(frameURL)"]');
              if (frame) frame.height = String(event.data.height);
            });
            </script>
            """,
            servicesJSON: config.absoluteURL(ServiceAPI.servicesPath), schemaJSON: config.absoluteURL(ServiceAPI.schemaPath),
            hsdsJSON: config.absoluteURL(ServiceAPI.hsdsPath), hsdsPagesJSON: config.absoluteURL(ServiceAPI.hsdsFirstPagePath),
            openAPIJSON: config.absoluteURL(ServiceAPI.openAPIPath), embedJS: embedURL, version: ServiceAPI.version)
        return renderer.renderPage(view, template: "partners", to: path, language: language)
    }

    func originOf(_ url: String) -> String {
        guard let range = url.range(of: "://") else { return url }
        let rest = url[range.upperBound...]
        return String(url[..<range.upperBound]) + String(rest.prefix { $0 != "/" })
    }

    func renderEmbed(_ language: Language, cards: [ServiceCardView]) -> OutputFile {
        let path = GeneratedPages.urlPath(.embedServices, language)
        var view = factory.base(language: language, urlPath: path, twinPath: GeneratedPages.urlPath(.embedServices, language.other),
                                title: t("directoryTitle", language), description: t("directoryDescription", language), breadcrumbs: [], lastModified: nil)
        view.directory = directoryView(language, cards: cards, indexPath: "", heading: nil)
        view.scripts = [factory.asset("embed-frame.js")]
        return renderer.renderPage(view, template: "embed-services", to: path, language: language)
    }
}
