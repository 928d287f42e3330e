import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// What the render stage needs: the settings, the compiled theme, the planned pages and the directory.
public struct RenderInput: Sendable {
    public var config: SiteConfig
    public var theme: Theme
    public var plan: SitePlan
    public var services: ServiceDirectory?

    public init(config: SiteConfig, theme: Theme, plan: SitePlan, services: ServiceDirectory?) {
        self.config = config
        self.theme = theme
        self.plan = plan
        self.services = services
    }
}

/// How to render: threads, and a progress callback for terminals.
public struct RenderSettings: Sendable {
    public var workers: Int
    /// Called now and then with pages rendered so far and the total.
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// The search index counts the CPU time it takes (`Summary.search.analysisSeconds`).
    public var timesSearch: Bool

    public init(workers: Int, onProgress: (@Sendable (Int, Int) -> Void)? = nil, timesSearch: Bool = false) {
        self.workers = max(1, workers)
        self.onProgress = onProgress
        self.timesSearch = timesSearch
    }
}

/// Receives rendered files: the writer at the edge, a collector in memory, or nothing (`check`).
/// Called from several threads at once.
public typealias OutputSink = @Sendable (OutputFile) throws -> Void

/// Renders a site into files: paths and bytes, handed to a sink page by page.
///
/// Rendering never touches the disk. Pages are rendered on several threads and each page's files
/// go to the sink as soon as they exist; only small facts (headings, anchors to check) are kept,
/// never every rendered page.
public struct SiteRenderer: Sendable {
    let input: RenderInput
    let settings: RenderSettings
    let factory: ViewFactory
    /// The theme's templates with what every page of a language shows the same (UI strings, site
    /// name, contact numbers, assets) rendered in advance, per language.
    let templates: Localized<TemplateLibrary>

    public init(_ input: RenderInput, settings: RenderSettings) {
        self.input = input
        self.settings = settings
        let factory = ViewFactory(config: input.config, theme: input.theme, plan: input.plan)
        self.factory = factory
        templates = Localized(en: factory.foldedTemplates(.en), fr: factory.foldedTemplates(.fr))
    }

    var config: SiteConfig { input.config }
    var plan: SitePlan { input.plan }

    /// Result of rendering one content page: its files and what the whole-site checks need.
    public struct PageOutcome: Sendable {
        public var files: [OutputFile]
        var headings: [Heading]
        var anchors: [ContentLinkResolver.AnchorCheck]
        public var diagnostics: [Diagnostic]
        var plainText: String
        /// Pages this page's links lead to, by index.
        var linkedPages: [Int]
        /// The questions its links asked of the plan.
        var lookups: [LinkLookup] = []
        /// What the site search indexes of the page; added to the index, then dropped.
        public var searchText: SearchPageText?

        /// What this page contributes to the anchor check.
        public var pageLinks: PageLinks { PageLinks(headings: headings, anchors: anchors) }
    }

    /// What a render produced besides files.
    public struct Summary: Sendable {
        public var pagesPerLanguage: [Language: Int]
        /// Each content page's text without markup (kept only when asked for, for `check`).
        public var plainTexts: [(Page, String)]
        /// Pages that some page's text links to, by index (the same resolution the build uses).
        public var linkedPages: Set<Int>
        /// Each content page's headings and the anchors its links point to, by page index
        /// (small; kept so a preview can re-render one page and still check every anchor).
        public var pageLinks: [PageLinks]
        /// The search index as built, kept so a preview can add an edited page again.
        public var search: SiteSearch
    }

    /// What one content page contributes to the anchor check.
    public struct PageLinks: Sendable {
        var headings: [Heading]
        var anchors: [ContentLinkResolver.AnchorCheck]
    }

    /// Renders everything, handing each file to `emit`.
    public func render(keepPlainText: Bool = false, emit: OutputSink, diagnostics: inout DiagnosticList) -> Summary {
        let total = plan.pages.count
        let progress = settings.onProgress
        let search = SiteSearch(plan: plan, services: input.services, timed: settings.timesSearch)
        let outcomes = Parallel.map(total, workers: settings.workers) { index in
            if let progress, index % 200 == 0 { progress(index, total) }
            var outcome = renderContentPage(index, keepPlainText: keepPlainText)
            if let text = outcome.searchText, let fragment = search.addPage(index, language: plan.pages[index].language, { searchDocument(plan.pages[index], text) }) {
                outcome.files.append(fragment)
            }
            outcome.searchText = nil
            var problems = DiagnosticList()
            Self.deliver(outcome.files, to: emit, diagnostics: &problems)
            outcome.files = []
            outcome.diagnostics += problems.items
            return outcome
        }
        progress?(total, total)
        let texts = keepPlainText ? zip(plan.pages, outcomes.map(\.plainText)).map { ($0, $1) } : []
        for outcome in outcomes { diagnostics.append(contentsOf: outcome.diagnostics) }
        checkAnchors(outcomes, diagnostics: &diagnostics)
        var counts: [Language: Int] = [:]
        for page in plan.pages { counts[page.language, default: 0] += 1 }
        if let services = input.services {
            let generated = ServicePagesRenderer(renderer: self, directory: services, search: search).render(emit: emit, diagnostics: &diagnostics)
            for (language, count) in generated { counts[language, default: 0] += count }
        }
        // The site's own files are made beside the search's (`renderSearchFiles`), delivered after them.
        Self.deliver(renderSearchFiles(search, also: { [self] in renderSiteFiles() }), to: emit, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: problems)
        return Summary(pagesPerLanguage: counts, plainTexts: texts, linkedPages: Set(outcomes.flatMap(\.linkedPages)),
                       pageLinks: outcomes.map { PageLinks(headings: $0.headings, anchors: $0.anchors) }, search: search)
    }

    /// Hands files to the sink; a file it cannot take is an error naming the file.
    static func deliver(_ files: [OutputFile], to emit: OutputSink, diagnostics: inout DiagnosticList) {
        for file in files {
            do { try emit(file) } catch {
                diagnostics.error(SourceLocation(file: "Public/" + file.path), "could not write the file: \(error.localizedDescription)")
            }
        }
    }

    // MARK: Content pages

    /// Renders one content page (with its pagination pages and feeds) into files.
    public func renderContentPage(_ index: Int, keepPlainText: Bool) -> PageOutcome {
        let page = plan.pages[index]
        var diagnostics = DiagnosticList()
        var resolver = ContentLinkResolver(plan: plan, page: page, config: config)
        let markdown = MarkdownRenderer(allowedHTML: Set(config.allowedHTMLElements))
            .render(page.body, file: page.sourcePath, firstLine: page.bodyStartLine, diagnostics: &diagnostics) { url, location, diagnostics in
                resolver.resolve(url, at: location, diagnostics: &diagnostics)
            }
        for location in markdown.imagesWithoutAlt {
            diagnostics.error(location, "this image has no alternative text", hint: "Describe the image between the brackets: ![what it shows](file.png).")
        }
        checkHeadingLevels(markdown, page: page, diagnostics: &diagnostics)
        let twin = plan.twin(of: index)
        var view = factory.base(language: page.language, urlPath: page.urlPath, twinPath: twin.urlPath, title: page.frontMatter.title,
                                description: page.frontMatter.description, breadcrumbs: factory.breadcrumbs(for: page),
                                lastModified: page.frontMatter.lastmod ?? page.frontMatter.date)
        view.content = markdown.html
        view.published = page.frontMatter.date.map { factory.date($0, page.language) }
        view.sources = page.frontMatter.sources.map { factory.source($0, page.language) }
        if page.frontMatter.helpBox {
            view.helpBox = HelpBoxView(directoryHref: input.services == nil ? nil : config.href(GeneratedPages.urlPath(.directory, page.language)))
        }
        if markdown.headings.filter({ $0.level == 2 }).count >= 3 { view.toc = ViewFactory.toc(markdown.headings) }
        let template = page.frontMatter.layout ?? (page.isHome ? "home" : page.isSection ? "section" : "page")
        guard input.theme.templateNames.contains(template) else {
            diagnostics.error(page.location(ofKey: "layout"), "layout `\(template)` does not exist in the theme",
                              hint: "Use one of: \(input.theme.templateNames.sorted().joined(separator: ", ")).")
            return PageOutcome(files: [], headings: markdown.headings, anchors: resolver.anchors, diagnostics: diagnostics.items,
                               plainText: keepPlainText ? markdown.plainText : "", linkedPages: resolver.linkedPages, lookups: resolver.lookups)
        }
        var files: [OutputFile] = []
        if page.isHome {
            view.latestUpdates = latestUpdates(page.language)
            // The home page advertises the updates feeds too.
            if let updates = updatesSection(page.language) {
                view.feeds = FeedLinksView(atom: config.href(updates.urlPath + "feed.xml"), json: config.href(updates.urlPath + "feed.json"))
            }
        }
        let children = SiteStructure.children(of: page, in: plan)
        if page.isSection, UpdatesSection.isUpdates(page, plan: plan) {
            view.feeds = FeedLinksView(atom: config.href(page.urlPath + "feed.xml"), json: config.href(page.urlPath + "feed.json"))
            let pages = stride(from: 0, to: children.count, by: config.paginate).map { Array(children[$0..<min(children.count, $0 + config.paginate)]) }
            for (number, slice) in pages.enumerated() {
                var paged = view
                paged.children = slice.map(card)
                let path = number == 0 ? page.urlPath : page.urlPath + "page/\(number + 1)/"
                if pages.count > 1 {
                    paged.pagination = pagination(section: page, current: number + 1, total: pages.count)
                    if number > 0 {
                        paged.canonical = config.absoluteURL(path)
                        paged.documentTitle += " (\(number + 1)/\(pages.count))"
                    }
                }
                files.append(renderPage(paged, template: template, to: path, language: page.language))
            }
            files += feeds(section: page, posts: children)
        } else {
            view.children = children.map(card)
            files.append(renderPage(view, template: template, to: page.urlPath, language: page.language))
        }
        return PageOutcome(files: files, headings: markdown.headings, anchors: resolver.anchors, diagnostics: diagnostics.items,
                           plainText: keepPlainText ? markdown.plainText : "", linkedPages: resolver.linkedPages, lookups: resolver.lookups,
                           searchText: SearchPageText(headings: markdown.headings.map(\.text).joined(separator: " "), plainText: markdown.plainText))
    }

    func card(_ page: Page) -> CardView {
        CardView(title: page.frontMatter.title, href: config.href(page.urlPath), text: page.frontMatter.description,
                 date: page.frontMatter.date.map { factory.date($0, page.language) })
    }

    func latestUpdates(_ language: Language) -> [CardView] {
        latestUpdatesPages(language).map(card)
    }

    /// The three newest dated pages of `language` (the home page lists them), in one pass over
    /// the pages: the same three, in the same order, as a stable sort would give.
    func latestUpdatesPages(_ language: Language) -> [Page] {
        var newest: [Page] = []
        for page in plan.pages where page.language == language && !page.isSection && page.date != nil {
            let position = newest.firstIndex { SiteStructure.order(page, $0) } ?? newest.count
            if position < 3 {
                newest.insert(page, at: position)
                if newest.count > 3 { newest.removeLast() }
            }
        }
        return newest
    }

    /// The first section of dated posts of `language`, whose feeds the home page advertises.
    func updatesSection(_ language: Language) -> Page? {
        plan.pages.first { $0.language == language && $0.isSection && UpdatesSection.isUpdates($0, plan: plan) }
    }

    func pagination(section: Page, current: Int, total: Int) -> PaginationView {
        func path(_ number: Int) -> String { config.href(number == 1 ? section.urlPath : section.urlPath + "page/\(number)/") }
        return PaginationView(previous: current > 1 ? path(current - 1) : nil, next: current < total ? path(current + 1) : nil,
                              pages: (1...total).map { PageNumberView(number: $0, current: current, href: path($0)) },
                              current: current, total: total)
    }

    /// Headings start at h2 (the title is the h1) and never skip a level.
    func checkHeadingLevels(_ markdown: MarkdownDocument, page: Page, diagnostics: inout DiagnosticList) {
        var previous = 1
        for (index, heading) in markdown.headings.enumerated() {
            let location = SourceLocation(file: page.sourcePath, line: index < markdown.headingLines.count ? markdown.headingLines[index] : 1)
            if heading.level == 1 {
                diagnostics.warning(location, "heading “\(heading.text)” is a level-1 heading; the page title is already the h1",
                                    hint: "Start section headings at ## (level 2).")
            } else if heading.level > previous + 1 {
                diagnostics.warning(location, "heading “\(heading.text)” jumps from level \(previous) to level \(heading.level)",
                                    hint: "Don't skip heading levels: screen-reader users navigate by them.")
            }
            previous = heading.level
        }
    }

    func checkAnchors(_ outcomes: [PageOutcome], diagnostics: inout DiagnosticList) {
        checkAnchors(outcomes.map { PageLinks(headings: $0.headings, anchors: $0.anchors) }, diagnostics: &diagnostics)
    }

    public func checkAnchors(_ pages: [PageLinks], diagnostics: inout DiagnosticList) {
        var byKey: [PageKey: PageLinks] = [:]
        for (index, page) in plan.pages.enumerated() where index < pages.count { byKey[PageKey(page.language, page.relativePath)] = pages[index] }
        checkAnchors(byKey, diagnostics: &diagnostics)
    }

    /// `checkAnchors` for pages kept by key (the preview), in plan order.
    public func checkAnchors(_ pages: [PageKey: PageLinks], diagnostics: inout DiagnosticList) {
        checkAnchors(of: nil, links: { pages[$0] }, diagnostics: &diagnostics)
    }

    /// Checks the anchors of the pages at `keys` (every page, in plan order, when nil), with each
    /// page's headings and anchors from `links`.
    public func checkAnchors(of keys: [PageKey]?, links: (PageKey) -> PageLinks?, diagnostics: inout DiagnosticList) {
        for key in keys ?? plan.pages.map({ PageKey($0.language, $0.relativePath) }) {
            guard let page = links(key) else { continue }
            for anchor in page.anchors {
                guard let targetIndex = plan.indexByPath[anchor.targetKey] else { continue }
                let headings = links(anchor.targetKey)?.headings ?? []
                if !(headings.contains { $0.id == anchor.fragment } || anchor.fragment == "main") {
                    let known = headings.map(\.id).prefix(8).joined(separator: ", ")
                    diagnostics.error(anchor.location, "link to #\(anchor.fragment) in \(plan.pages[targetIndex].sourcePath), but that page has no such heading",
                                      hint: known.isEmpty ? "That page has no headings." : "Its heading ids are: \(known).")
                }
            }
        }
    }

    /// Problems found deep in rendering so far (missing UI strings, assets or templates).
    public var problems: [Diagnostic] { factory.problems.all }

    // MARK: Pages as files

    /// Renders a view with a template into `index.html` under `urlPath` (or at a file path).
    func renderPage(_ view: PageView, template: String, to urlPath: String, language: Language) -> OutputFile {
        OutputFile(path: Self.filePath(urlPath), data: Data(renderBytes(view, template: template, language: language)))
    }

    /// A page whose view holds `marker` where `pieces` go: pieces that many pages repeat (cards),
    /// each rendered and given its typography once, are copied in after the page's own typography.
    func renderPage(_ view: PageView, template: String, to urlPath: String, language: Language,
                    inserting pieces: [[UInt8]], at marker: String) -> OutputFile {
        let page = renderBytes(view, template: template, language: language)
        let mark = Array(marker.utf8)
        guard let start = Self.firstIndex(of: mark, in: page) else {
            return OutputFile(path: Self.filePath(urlPath), data: Data(page))
        }
        var data = Data(capacity: page.count + pieces.reduce(0) { $0 + $1.count })
        data.append(contentsOf: page[..<start])
        for piece in pieces { data.append(contentsOf: piece) }
        data.append(contentsOf: page[(start + mark.count)...])
        return OutputFile(path: Self.filePath(urlPath), data: data)
    }

    /// `index.html` under a folder URL path, or the file a path names.
    static func filePath(_ urlPath: String) -> String {
        urlPath.hasSuffix("/") ? String(urlPath.dropFirst()) + "index.html" : String(urlPath.dropFirst())
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A template rendered on its own with `stack` as its context, outermost first (a card that
    /// many pages repeat), before French typography: the page it goes into gets that.
    func renderFragment(_ template: String, stack: [any TemplateObject], language: Language, capacity: Int) -> [UInt8] {
        guard let bytes = templates[language].render(template, stack: stack, capacity: capacity) else {
            factory.problems.record(.error(SourceLocation(file: "\(input.theme.origin)/templates/\(template).mustache"),
                                           "template `\(template)` could not be rendered", hint: "Check that the theme has this template."))
            return []
        }
        return bytes
    }

    func renderHTML(_ view: PageView, template: String, language: Language) -> String {
        String(decoding: renderBytes(view, template: template, language: language), as: UTF8.self)
    }

    /// The page's bytes, with French typography on French pages.
    func renderBytes(_ view: PageView, template: String, language: Language) -> [UInt8] {
        guard let html = templates[language].render(template, with: view.prepared()) else {
            factory.problems.record(.error(SourceLocation(file: "\(input.theme.origin)/templates/\(template).mustache"),
                                           "template `\(template)` could not be rendered", hint: "Check that the theme has this template."))
            return []
        }
        return language == .fr ? FrenchTypography.bytes(applyingToHTML: html) : html
    }
}
