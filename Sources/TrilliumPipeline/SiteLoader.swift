import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// Everything read from a site folder and validated, ready to render.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var theme: Theme
    public var plan: SitePlan
    public var services: ServiceDirectory?
    public var files: SiteFileSystem
    public var options: BuildOptions

    /// What the render stage reads.
    public var renderInput: RenderInput { RenderInput(config: config, theme: theme, plan: plan, services: services) }

    /// A renderer for this site with the options' workers and progress callback.
    public var renderer: SiteRenderer {
        SiteRenderer(renderInput, settings: RenderSettings(workers: options.workers, onProgress: options.onProgress))
    }
}

/// Reads `Content/`, the theme and the services, and checks what can be checked before rendering.
public struct SiteLoader: Sendable {
    public init() {}

    public func load(_ options: BuildOptions, diagnostics: inout DiagnosticList) -> LoadedSite? {
        let files = SiteFileSystem(root: options.siteRoot)
        guard files.exists("Content") else {
            diagnostics.error(SourceLocation(file: "Content"), "there is no Content/ folder in \(options.siteRoot.path)",
                              hint: "Run trillium in the site's folder or pass --site DIR.")
            return nil
        }
        var config: SiteConfig?
        if let text = files.readText(SiteConfigLoader.path, diagnostics: &diagnostics) {
            let (parsed, problems) = SiteConfigLoader().parse(text)
            diagnostics.append(contentsOf: problems)
            config = parsed
        }
        if var value = config, let baseURL = options.baseURL {
            guard BaseURL.isValid(baseURL) else {
                diagnostics.error(SourceLocation(file: SiteConfigLoader.path), "the base URL given for this build, `\(baseURL)`, is not an absolute http(s) URL",
                                  hint: "Give a full address such as https://www.example.org/ in place of site.yaml's baseURL.")
                return nil
            }
            value.baseURL = BaseURL.normalized(baseURL)
            config = value
        }
        let themeFiles = ThemeLoader(bundledThemeDirectory: DefaultThemeLocation.directory())
            .load(name: config?.theme ?? "default", site: files, namedAt: config?.themeLocation, diagnostics: &diagnostics)
        let (pages, alreadyReported) = loadPages(files: files, options: options, diagnostics: &diagnostics)
        let services = ServiceLoader(today: options.today).load(from: files, workers: options.workers, diagnostics: &diagnostics)
        let required = Theme.pageTemplates + (services == nil ? [] : Theme.directoryTemplates)
        let theme = themeFiles.flatMap { Theme.compile($0, requiring: required, diagnostics: &diagnostics) }
        var plan = SitePlanner().plan(pages, twinProblemsReported: alreadyReported, diagnostics: &diagnostics)
        guard let config, let theme else { return nil }
        plan.knownPaths.formUnion(GeneratedPages.paths(plan: plan, services: services))
        checkMenuLinks(config, plan: plan, diagnostics: &diagnostics)
        return LoadedSite(config: config, theme: theme, plan: plan, services: services, files: files, options: options)
    }

    /// Reads and parses every Markdown page, then leaves out drafts and scheduled pages.
    /// Also returns the plan keys of pages whose missing twin is explained by an error already
    /// reported (the twin file could not be loaded, or the twins disagree on publishing).
    func loadPages(files: SiteFileSystem, options: BuildOptions, diagnostics: inout DiagnosticList) -> (pages: [Page], alreadyReported: Set<PageKey>) {
        var pages: [Page] = []
        var failed: Set<PageKey> = []
        for language in Language.allCases {
            let folder = "Content/\(language.rawValue)"
            guard files.exists(folder) else {
                diagnostics.error(SourceLocation(file: folder), "there is no \(folder)/ folder", hint: "Every page must exist in English and French.")
                continue
            }
            let prefix = folder + "/"
            var markdownFiles: [String] = []
            var listing = DiagnosticList()
            let listed = files.files(in: folder, withExtension: nil, diagnostics: &listing)
            diagnostics.append(contentsOf: listing.items)
            // A refused file (a symlink out of the folder) already has its error: its twin is not "missing" too.
            for problem in listing.items where problem.severity == .error && problem.location.file.hasPrefix(prefix) {
                failed.insert(SitePlan.key(language, String(problem.location.file.dropFirst(prefix.count))))
            }
            for path in listed {
                if path.hasSuffix(".md") { markdownFiles.append(path) } else {
                    diagnostics.warning(SourceLocation(file: path), "this file is not Markdown and is ignored", hint: "Content pages end in .md.")
                }
            }
            // Reading and parsing front matter is independent per file: spread it over the workers.
            let paths = markdownFiles
            let parsed = Parallel.map(paths.count, workers: options.workers) { index -> (String, Page?, [Diagnostic]) in
                let path = paths[index]
                let relativePath = String(path.dropFirst(prefix.count))
                var local = DiagnosticList()
                guard let text = files.readText(path, diagnostics: &local) else { return (relativePath, nil, local.items) }
                let (page, problems) = PageParser().parse(text, language: language, relativePath: relativePath, sourcePath: path)
                return (relativePath, page, local.items + problems)
            }
            for (relativePath, page, problems) in parsed {
                diagnostics.append(contentsOf: problems)
                if let page { pages.append(page) } else { failed.insert(SitePlan.key(language, relativePath)) }
            }
        }
        var alreadyReported = checkPublishingAgreement(pages, diagnostics: &diagnostics)
        for page in pages where failed.contains(SitePlan.key(page.language.other, page.relativePath)) {
            alreadyReported.insert(SitePlan.key(page.language, page.relativePath))
        }
        let published = pages.filter { page in
            if page.frontMatter.draft && !options.drafts { return false }
            if let publish = page.frontMatter.publishDate, publish > options.today, !options.future { return false }
            return true
        }
        return (published, alreadyReported)
    }

    /// Menu and footer links must lead to a page of the site in that language.
    func checkMenuLinks(_ config: SiteConfig, plan: SitePlan, diagnostics: inout DiagnosticList) {
        for language in Language.allCases {
            let settings = config.languages[language]
            for item in settings.menu + settings.footer where plan.menuTarget(item.link, language) == nil {
                if item.link.hasPrefix("/") {
                    diagnostics.error(item.location, "menu link to `\(item.link)`, but no page of this site has that URL",
                                      hint: "Link to a page's Markdown file (e.g. `get-help/_index.md`) or check the URL.")
                } else {
                    diagnostics.error(item.location, "menu link to `\(item.link)`, but there is no page Content/\(language.rawValue)/\(item.link)",
                                      hint: "Menu links name a page's file below Content/\(language.rawValue)/, e.g. `get-help/_index.md`.")
                }
            }
        }
    }

    /// Twins must agree on being drafts or scheduled, or one language would publish alone.
    /// Returns the plan keys of the twins that disagree, whose missing twin is then already explained.
    func checkPublishingAgreement(_ pages: [Page], diagnostics: inout DiagnosticList) -> Set<PageKey> {
        var disagreeing: Set<PageKey> = []
        var english: [String: Page] = [:]
        for page in pages where page.language == .en { english[page.pairingKey] = page }
        for page in pages where page.language == .fr {
            guard let twin = english[page.pairingKey] else { continue }
            // Each problem is reported at the key that sets it, in whichever twin writes it.
            func subject(_ key: String) -> (page: Page, twin: Page) { page.keyLines[key] != nil ? (page, twin) : (twin, page) }
            if twin.frontMatter.draft != page.frontMatter.draft {
                let (one, other) = subject("draft")
                diagnostics.error(one.location(ofKey: "draft"),
                                  "this page is \(one.frontMatter.draft ? "" : "not ")a draft but its twin \(other.sourcePath) is\(other.frontMatter.draft ? "" : " not")",
                                  hint: "Set the same `draft:` value in both languages.")
            }
            if twin.frontMatter.publishDate != page.frontMatter.publishDate {
                let (one, other) = subject("publishDate")
                diagnostics.error(one.location(ofKey: "publishDate"), "this page's publishDate differs from its twin \(other.sourcePath)",
                                  hint: "Publish both languages on the same date.")
            }
            if twin.frontMatter.draft != page.frontMatter.draft || twin.frontMatter.publishDate != page.frontMatter.publishDate {
                disagreeing.insert(SitePlan.key(page.language, page.relativePath))
                disagreeing.insert(SitePlan.key(twin.language, twin.relativePath))
            }
        }
        return disagreeing
    }
}
