import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// What the directory's jobs share, worked out once per directory: each service's description,
/// rendered once per language for its pages, the search and the exports.
public struct ServiceRenderContext: Sendable {
    /// Each service's description as HTML and as plain text, by id: made for the whole
    /// directory, then the services edited since (`edited`) over it, so an edit does not copy
    /// 60,000 entries.
    private var made: [String: Described]
    private var edited: [String: Described] = [:]
    /// Problems found rendering the descriptions.
    public var diagnostics: [Diagnostic]

    struct Described: Sendable {
        var html: Localized<String>
        var text: Localized<String>
    }

    init(made: [String: Described], diagnostics: [Diagnostic]) {
        self.made = made
        self.diagnostics = diagnostics
    }

    func described(_ id: String) -> Described? { edited[id] ?? made[id] }
    func descriptionHTML(_ id: String, _ language: Language) -> String { described(id)?.html[language] ?? "" }
    func descriptionText(_ id: String, _ language: Language) -> String { described(id)?.text[language] ?? "" }

    /// This context with the descriptions of `services` made again; nil when one of them, before
    /// or now, has a problem (the problems are then made again in directory order).
    func updating(_ services: [Service], describe: (Service) -> (Described, [Diagnostic])) -> ServiceRenderContext? {
        let files = Set(services.map(\.sourcePath))
        guard !diagnostics.contains(where: { files.contains($0.location.file) }) else { return nil }
        var next = self
        for service in services {
            let (described, problems) = describe(service)
            guard problems.isEmpty else { return nil }
            next.edited[service.id] = described
        }
        return next
    }
}

/// The service directory's pages and files: the directory's first page, one page per service,
/// the lists (all services, each region, category, region with category, audience) in pages, the
/// partners page, the embeddable page (split the same way), the widget's data and the API files.
///
/// Each page or data file is one job: a `GeneratedPages.Kind` in one language, a function of the
/// kind and the directory, rendered on all workers. Cards and list records that many lists repeat
/// are made once per render (`ServiceRenderCache`).
final class ServicePagesRenderer: Sendable {
    let renderer: SiteRenderer
    let directory: ServiceDirectory
    /// Service pages are added to the site search as they are rendered.
    let search: SiteSearch?
    let cache: ServiceRenderCache
    /// The day the most recently checked service was checked: the lists' "date modified".
    let latestVerification: Day?
    /// The page context cards are rendered in, per language.
    let cardContexts: Localized<PageView>

    init(renderer: SiteRenderer, directory: ServiceDirectory, search: SiteSearch? = nil, cache: ServiceRenderCache? = nil) {
        self.renderer = renderer
        self.directory = directory
        self.search = search
        self.cache = cache ?? ServiceRenderCache(services: directory.services.count)
        latestVerification = directory.latestVerification
        cardContexts = Self.cardContexts(renderer.factory)
    }

    var config: SiteConfig { renderer.config }
    var factory: ViewFactory { renderer.factory }
    var listing: ServiceListing { directory.listing }

    func t(_ key: String, _ language: Language) -> String { factory.t(key, language) }

    /// The whole directory, for a build. Unlike the preview, it holds no `ServiceRenderContext`: a
    /// service's description is rendered by its page's job, which also gives the search its text,
    /// and again for the exports (at 60,000 services, holding every description in both languages
    /// as HTML and text takes about 170 MB for the whole build; rendering them again, a few seconds of CPU).
    func render(emit: OutputSink, diagnostics: inout DiagnosticList) -> [Language: Int] {
        // Every page is independent: render them on all workers, a language at a time, so the cards
        // and records of one language are dropped before the other's are made.
        let jobs = Self.jobs(directory)
        for language in Language.allCases {
            let ofLanguage = jobs.filter { $0.0 == language }
            render(ofLanguage, emit: emit, diagnostics: &diagnostics)
            cache.clear(language)
        }
        renderExports(emit: emit, diagnostics: &diagnostics) { [self] service in
            var reported = DiagnosticList() // the pages' jobs reported them
            return Localized(en: describe(service, .en, diagnostics: &reported).html, fr: describe(service, .fr, diagnostics: &reported).html)
        }
        return Self.pageCounts(jobs)
    }

    /// Renders `jobs` on all workers, each service's description where its page is rendered.
    private func render(_ jobs: [(Language, GeneratedPages.Kind)], emit: OutputSink, diagnostics: inout DiagnosticList) {
        let outcomes = Parallel.map(jobs.count, workers: renderer.settings.workers) { index -> [Diagnostic] in
            let (language, kind) = jobs[index]
            var local = DiagnosticList()
            var descriptionText = ""
            var files = renderJob(language, kind) { service in
                let description = describe(service, language, diagnostics: &local)
                descriptionText = description.plainText
                return description.html
            }
            if case .service(let id) = kind, let position = directory.position(of: id),
               let fragment = search?.addService(position, language: language, { searchDocument(directory.services[position], language, descriptionText: descriptionText) }) {
                files.append(fragment)
            }
            SiteRenderer.deliver(files, to: emit, diagnostics: &local)
            return local.items
        }
        for items in outcomes { diagnostics.append(contentsOf: items) }
    }

    /// The directory's jobs, one per language and kind (files shared by both languages once, with
    /// English); the search pages are the search's.
    static func jobs(_ directory: ServiceDirectory) -> [(Language, GeneratedPages.Kind)] {
        let kinds = GeneratedPages.kinds(services: directory).filter(\.isDirectoryPage)
        return Language.allCases.flatMap { language in
            kinds.filter { language == .en || !$0.isShared }.map { (language, $0) }
        }
    }

    /// How many HTML pages people visit the jobs make, per language.
    static func pageCounts(_ jobs: [(Language, GeneratedPages.Kind)]) -> [Language: Int] {
        var counts: [Language: Int] = [:]
        for (language, kind) in jobs where kind.isPage && kind != .partners { counts[language, default: 0] += 1 }
        return counts
    }

    /// Each service's description rendered once per language, shared by its pages, the search
    /// and the exports. Descriptions of services `reusable` says are unchanged (by id) are taken from `previous`.
    func makeContext(reusing previous: ServiceRenderContext? = nil, reusable: (String) -> Bool = { _ in false }) -> ServiceRenderContext {
        var diagnostics = DiagnosticList()
        var made: [String: ServiceRenderContext.Described] = [:]
        made.reserveCapacity(directory.services.count)
        for position in directory.services.indices {
            // By id first: a service is copied only to be described.
            let id = directory.services.id(at: position)
            if let previous, reusable(id), let described = previous.described(id) {
                made[id] = described
                continue
            }
            made[id] = described(directory.services[position], diagnostics: &diagnostics)
        }
        return ServiceRenderContext(made: made, diagnostics: diagnostics.items)
    }

    /// `previous` with the descriptions of the services `ids` made again, when that gives what
    /// `makeContext` would (see `ServiceRenderContext.updating`).
    func updateContext(_ previous: ServiceRenderContext, ids: Set<String>) -> ServiceRenderContext? {
        var services: [Service] = []
        for id in ids.sorted() {
            guard let position = directory.position(of: id) else { return nil }
            services.append(directory.services[position])
        }
        return previous.updating(services) { service in
            var problems = DiagnosticList()
            let described = described(service, diagnostics: &problems)
            return (described, problems.items)
        }
    }

    private func described(_ service: Service, diagnostics: inout DiagnosticList) -> ServiceRenderContext.Described {
        let en = describe(service, .en, diagnostics: &diagnostics), fr = describe(service, .fr, diagnostics: &diagnostics)
        return ServiceRenderContext.Described(html: Localized(en: en.html, fr: fr.html), text: Localized(en: en.plainText, fr: fr.plainText))
    }

    /// The files of one job: a generated page or data file in one language.
    func renderJob(_ language: Language, _ kind: GeneratedPages.Kind, context: ServiceRenderContext) -> [OutputFile] {
        renderJob(language, kind) { context.descriptionHTML($0.id, language) }
    }

    /// The files of one job, a service page's description HTML given by `descriptionHTML`.
    func renderJob(_ language: Language, _ kind: GeneratedPages.Kind, descriptionHTML: (Service) -> String) -> [OutputFile] {
        switch kind {
        case .directory:
            return [renderDirectory(language)]
        case .serviceList(let filter, let page):
            return [renderList(filter, page: page, language)]
        case .service(let id):
            guard let position = directory.position(of: id) else { return [] }
            return [renderService(directory.services[position], language, descriptionHTML: descriptionHTML(directory.services[position]))]
        case .partners:
            return [renderPartners(language)]
        case .embedServices(let filter, let page):
            return [renderEmbed(filter, page: page, language)]
        case .serviceData(let filter, let page):
            return [renderData(filter, page: page, language)]
        case .serviceFacets(let block):
            return [OutputFile(path: String(GeneratedPages.urlPath(kind, language).dropFirst()), data: ServiceAPI.facetsBlock(block, directory: directory))]
        case .search, .searchIndex:
            return [] // rendered by the site search (SiteRenderer+Search.swift)
        }
    }

    /// A service's description (Markdown) in one language, as HTML and as plain text.
    func describe(_ service: Service, _ language: Language, diagnostics: inout DiagnosticList) -> MarkdownDocument {
        MarkdownRenderer(allowedHTML: []).render(service.description[language], file: service.sourcePath,
                                                 firstLine: service.descriptionLines[language], diagnostics: &diagnostics) { url, location, diagnostics in
            if url.hasPrefix("/") || !(url.contains(":")) {
                diagnostics.error(location, "service descriptions may only link to full https:// addresses", hint: "Write the whole address, e.g. https://example.org/.")
            }
            return nil
        }
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
        ServiceCardView(id: service.id, name: service.name[language], href: config.href(GeneratedPages.urlPath(.service(service.id), language)),
                        summary: service.summary[language], contacts: contacts(service, language), tags: tags(service, language))
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
                case .categories:
                    return ContactLinkView(text: label, href: listHref(ServiceFilter(category: id), language), isExternal: false)
                case .regions:
                    return ContactLinkView(text: label, href: listHref(ServiceFilter(region: id), language), isExternal: false)
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
        let frameURL = config.absoluteURL(GeneratedPages.urlPath(.embedServices(.all, page: 1), language))
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
}
