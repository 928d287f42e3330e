import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSource

/// A site's source files as read and parsed, before the checks that need all of them.
///
/// A build reads everything once (`SiteLoader`). The preview keeps this value and, after an edit,
/// reads again only what the edit touched (`update(changed:)`): one page, one service, the
/// settings or the theme. `assemble` then makes the loaded site the same way in both cases.
struct SiteSources: Sendable {
    /// One Markdown file as read: the page, or the problems that kept it from being one.
    struct PageFile: Sendable {
        var page: Page?
        var problems: [Diagnostic]
        /// A hash of the file's text.
        var hash: Int
    }

    /// One language folder: its Markdown files in listing order and the listing's problems.
    struct PageFolder: Sendable {
        var exists = false
        var listingProblems: [Diagnostic] = []
        /// Pages whose file was refused by the listing (a link out of the folder).
        var refused: Set<PageKey> = []
        /// Relative paths of the Markdown files, sorted.
        var paths: [String] = []
        var files: [String: PageFile] = [:]
    }

    let options: BuildOptions
    let files: SiteFileSystem
    var hasContent = false
    var settingsProblems: [Diagnostic] = []
    var config: SiteConfig?
    var settingsHash = 0
    var themeProblems: [Diagnostic] = []
    var themeFiles: ThemeFiles?
    var themeHash = 0
    var folders: [Language: PageFolder] = [:]
    var services: ServiceFolder
    /// A hash of each page's file, kept up to date as files are read.
    var pageHashes: [PageKey: Int] = [:]
    /// The pages read again since the last site taken (`taken()`), when nothing else was read
    /// but service files (no settings, theme, taxonomy, no file that came or went); nil when more
    /// was. `assemble` then plans only those.
    var changedPagesOnly: Set<PageKey>? = []
    /// Whether service files were read again since the last site taken.
    var servicesTouched = false
    /// How the directory took in the service files of the edit, if it touched any.
    var directoryTaking: ServiceFolder.Taking? { servicesTouched ? services.taking : nil }
    /// Every page read again, added or removed since the last site taken, when nothing else was
    /// read (no settings, theme, service file, no language folder that came or went); nil when
    /// more was. `assemble` then tries `SitePlan.restructured`.
    var changedPages: Set<PageKey>? = []

    /// Reads every source of the site.
    init(reading options: BuildOptions) {
        self.options = options
        files = SiteFileSystem(root: options.siteRoot)
        // The services are read beside the settings, theme and pages: each has a part that runs
        // on one core (a folder's listing, checks across files), which the other fills.
        let files = files, loader = ServiceLoader(today: options.today)
        let reading = Concurrent { ServiceFolder(reading: files, loader: loader, workers: options.workers) }
        services = ServiceFolder(unreadWith: loader, workers: options.workers)
        hasContent = files.exists("Content")
        readSettings()
        readTheme()
        for language in Language.allCases { readFolder(language) }
        services = reading.value()
    }

    // MARK: Reading

    private mutating func readSettings() {
        var problems = DiagnosticList()
        config = nil
        settingsHash = 0
        if let text = files.readText(SiteConfigLoader.path, diagnostics: &problems) {
            let (parsed, found) = SiteConfigLoader().parse(text)
            problems.append(contentsOf: found)
            config = parsed
            var hasher = Hasher()
            hasher.combine(text)
            hasher.combine(options.baseURL)
            hasher.combine(options.drafts)
            hasher.combine(options.future)
            hasher.combine(options.today)
            settingsHash = hasher.finalize()
        }
        settingsProblems = problems.items
    }

    private mutating func readTheme() {
        var problems = DiagnosticList()
        themeFiles = ThemeLoader(bundledThemeDirectory: DefaultThemeLocation.directory())
            .load(name: config?.theme ?? "default", site: files, namedAt: config?.themeLocation, diagnostics: &problems)
        themeProblems = problems.items
        var hasher = Hasher()
        if let theme = themeFiles {
            hasher.combine(theme.name)
            hasher.combine(theme.origin)
            for template in theme.templates {
                hasher.combine(template.name)
                hasher.combine(template.text)
            }
            for language in Language.allCases {
                for (key, value) in theme.strings[language].sorted(by: { $0.key < $1.key }) {
                    hasher.combine(key)
                    hasher.combine(value)
                }
            }
            for asset in theme.assets {
                hasher.combine(asset.name)
                hasher.combine(asset.outputPath)
                hasher.combine(asset.data)
            }
        }
        themeHash = hasher.finalize()
    }

    private mutating func readFolder(_ language: Language) {
        var folder = PageFolder()
        let name = "Content/\(language.rawValue)"
        folder.exists = files.exists(name)
        if folder.exists {
            relist(language, into: &folder)
            // Each file is read and parsed on its own, on all workers; kept by path, as before.
            let paths = folder.paths, files = files
            let read = Parallel.map(paths.count, workers: options.workers) { Self.readPage(files, language, paths[$0]) }
            folder.files.reserveCapacity(paths.count)
            for (path, file) in zip(paths, read) { folder.files[path] = file }
        }
        pageHashes = pageHashes.filter { $0.key.language != language }
        for (path, file) in folder.files { pageHashes[PageKey(language, path)] = file.hash }
        folders[language] = folder
    }

    private func relist(_ language: Language, into folder: inout PageFolder) {
        let name = "Content/\(language.rawValue)"
        let prefix = name + "/"
        var listing = DiagnosticList()
        let listed = files.files(in: name, withExtension: nil, diagnostics: &listing)
        folder.refused = []
        // A refused file (a symlink out of the folder) already has its error: its twin is not "missing" too.
        for problem in listing.items where problem.severity == .error && problem.location.file.hasPrefix(prefix) {
            folder.refused.insert(SitePlan.key(language, String(problem.location.file.dropFirst(prefix.count))))
        }
        folder.paths = []
        for path in listed {
            if path.hasSuffix(".md") {
                folder.paths.append(String(path.dropFirst(prefix.count)))
            } else {
                listing.warning(SourceLocation(file: path), "this file is not Markdown and is ignored", hint: "Content pages end in .md.")
            }
        }
        folder.listingProblems = listing.items
        let kept = Set(folder.paths)
        folder.files = folder.files.filter { kept.contains($0.key) }
    }

    /// The listing with the Markdown files at `relative` put in or taken out, without walking the
    /// folder again, when each is a plain file that is there (not hidden, not a link) or a file
    /// that is gone: returns the paths taken out. Nil, with `folder` unchanged, for anything else
    /// (the folder is then listed again).
    static func relisted(_ relative: [String], in folder: inout PageFolder, files: SiteFileSystem, prefix: String) -> [String]? {
        guard !folder.listingProblems.contains(where: { $0.severity == .error }), folder.refused.isEmpty else { return nil }
        var kinds: [(String, SiteFileSystem.Kind)] = []
        for path in relative {
            guard path.hasSuffix(".md"), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
            let kind = files.kind(prefix + path)
            guard kind != .other else { return nil }
            kinds.append((path, kind))
        }
        var removed: [String] = []
        for (path, kind) in kinds {
            let at = folder.paths.sortedPosition(of: path)
            let listed = at < folder.paths.count && folder.paths[at] == path
            if kind == .regularFile, !listed {
                folder.paths.insert(path, at: at)
            } else if kind == .missing, listed {
                folder.paths.remove(at: at)
                folder.files[path] = nil
                removed.append(path)
            }
        }
        return removed
    }

    private func readPage(_ language: Language, _ relativePath: String) -> PageFile {
        Self.readPage(files, language, relativePath)
    }

    private static func readPage(_ files: SiteFileSystem, _ language: Language, _ relativePath: String) -> PageFile {
        let path = "Content/\(language.rawValue)/\(relativePath)"
        var problems = DiagnosticList()
        guard let text = files.readText(path, diagnostics: &problems) else { return PageFile(page: nil, problems: problems.items, hash: 0) }
        let (page, found) = PageParser().parse(text, language: language, relativePath: relativePath, sourcePath: path)
        return PageFile(page: page, problems: problems.items + found, hash: text.utf8HashValue)
    }

    /// Reads again what `changed` (paths relative to the site, as a watcher reports them) touched.
    /// Returns false when the change could not be narrowed down and everything was read again.
    @discardableResult
    mutating func update(changed: [String]) -> Bool {
        var onlyPages: Set<PageKey>? = []
        if changed.contains(where: { $0 == "Content" || $0 == SiteConfigLoader.path || $0 == "Themes" || $0.hasPrefix("Themes/") }) {
            // Settings and the theme do not change the plan (`replanned` checks the menus again).
            let oldTheme = config?.theme
            changedPages = nil
            if changed.contains(SiteConfigLoader.path) { readSettings() }
            if changed.contains(where: { $0.hasPrefix("Themes") }) || config?.theme != oldTheme { readTheme() }
            if changed.contains("Content") {
                self = SiteSources(reading: options)
                changedPagesOnly = nil
                return false
            }
        }
        for language in Language.allCases {
            let prefix = "Content/\(language.rawValue)/"
            let mine = changed.filter { $0.hasPrefix(prefix) || $0 == "Content/\(language.rawValue)" }
            // Taken out while it changes, so its files are not copied.
            guard !mine.isEmpty, var folder = folders.removeValue(forKey: language) else { continue }
            let exists = files.exists("Content/\(language.rawValue)")
            if !exists || !folder.exists {
                onlyPages = nil
                changedPages = nil
                readFolder(language)
                continue
            }
            let relative = mine.map { String($0.dropFirst(prefix.count)) }
            // A file that came or went (or anything but an existing page) changes the listing.
            if relative.contains(where: { !$0.hasSuffix(".md") || folder.files[$0] == nil || !files.exists(prefix + $0) }) {
                onlyPages = nil
                let removed: [String]
                if let gone = Self.relisted(relative, in: &folder, files: files, prefix: prefix) {
                    removed = gone
                } else {
                    let before = folder.paths
                    relist(language, into: &folder)
                    let after = Set(folder.paths)
                    removed = before.filter { !after.contains($0) }
                }
                for path in removed {
                    pageHashes[PageKey(language, path)] = nil
                    changedPages?.insert(PageKey(language, path))
                }
            }
            for path in relative where folder.paths.containsSorted(path) {
                let file = readPage(language, path)
                folder.files[path] = file
                pageHashes[PageKey(language, path)] = file.hash
                onlyPages?.insert(PageKey(language, path))
                changedPages?.insert(PageKey(language, path))
            }
            for path in folder.paths where folder.files[path] == nil {
                let file = readPage(language, path)
                folder.files[path] = file
                pageHashes[PageKey(language, path)] = file.hash
                changedPages?.insert(PageKey(language, path))
            }
            folders[language] = folder
        }
        let serviceFiles = changed.filter { $0 == ServiceLoader.folder || $0.hasPrefix(ServiceLoader.folder + "/") }
        if !serviceFiles.isEmpty {
            servicesTouched = true
            changedPages = nil
            // The pages' plan stays whatever the services do: `replanned` makes the directory again
            // (a service that came or went, the taxonomy) and works out its addresses.
        }
        services.update(changed: changed, fileSystem: files)
        if let onlyPages, let before = changedPagesOnly {
            changedPagesOnly = before.union(onlyPages)
        } else {
            changedPagesOnly = nil
        }
        return true
    }

    /// The site assembled last was taken: changes count from here.
    mutating func taken() {
        changedPagesOnly = []
        changedPages = []
        servicesTouched = false
        services.taken()
    }

    // MARK: The loaded site

    /// Hashes of every source, for the preview's fingerprints.
    var hashes: SourceHashes {
        SourceHashes(settings: settingsHash, theme: themeHash, pages: pageHashes, services: services.serviceHashes, taxonomy: services.taxonomyHash)
    }

    /// Checks what needs every source and plans the site; nil when it cannot be built (the
    /// problems are in `diagnostics`). `theme` is a compiled theme to reuse when the theme and
    /// settings did not change.
    func assemble(diagnostics: inout DiagnosticList, reusing previous: LoadedSite? = nil) -> LoadedSite? {
        if let previous, let changed = changedPagesOnly, let site = replanned(previous, changed: changed, diagnostics: &diagnostics) {
            return site
        }
        if let previous, let changed = changedPages, !changed.isEmpty, let site = restructured(previous, changed: changed, diagnostics: &diagnostics) {
            return site
        }
        guard hasContent else {
            diagnostics.error(SourceLocation(file: "Content"), "there is no Content/ folder in \(options.siteRoot.path)",
                              hint: "Run trillium in the site's folder or pass --site DIR.")
            return nil
        }
        diagnostics.append(contentsOf: settingsProblems)
        var config = self.config
        if var value = config, let baseURL = options.baseURL {
            guard BaseURL.isValid(baseURL) else {
                diagnostics.error(SourceLocation(file: SiteConfigLoader.path), "the base URL given for this build, `\(baseURL)`, is not an absolute http(s) URL",
                                  hint: "Give a full address such as https://www.example.org/ in place of site.yaml's baseURL.")
                return nil
            }
            value.baseURL = BaseURL.normalized(baseURL)
            config = value
        }
        diagnostics.append(contentsOf: themeProblems)
        let (pages, alreadyReported) = pages(diagnostics: &diagnostics)
        let directory = services.directory(diagnostics: &diagnostics)
        let required = Theme.pageTemplates + (directory == nil ? [] : Theme.directoryTemplates)
        let theme: Theme?
        if let previous, previous.sourceHashes.theme == themeHash, previous.sourceHashes.settings == settingsHash,
           (previous.services == nil) == (directory == nil) {
            theme = previous.theme
        } else {
            theme = themeFiles.flatMap { Theme.compile($0, requiring: required, diagnostics: &diagnostics) }
        }
        var plan = SitePlanner().plan(pages, twinProblemsReported: alreadyReported, diagnostics: &diagnostics)
        guard let config, let theme else { return nil }
        // The directory's addresses, unless its services and lists are those of the previous site.
        let directoryKept = previous != nil && services.changes.map { $0.ids.isEmpty } == true && previous?.services != nil
        let directoryPaths = directoryKept ? previous?.directoryPaths ?? [] : GeneratedPages.directoryPaths(services: directory)
        plan.knownPaths.formUnion(directoryPaths)
        plan.knownPaths.formUnion(GeneratedPages.paths(plan: plan))
        SiteLoader.checkMenuLinks(config, plan: plan, diagnostics: &diagnostics)
        var site = LoadedSite(config: config, theme: theme, plan: plan, services: directory, files: files, options: options, sourceHashes: hashes)
        site.directoryPaths = directoryPaths
        if previous != nil { site.changedServices = services.changes }
        return site
    }

    /// `previous` with the pages at `changed` read again, when none of them changed what
    /// planning decides (which pages are published, URLs, twins): then the plan stays, the pages
    /// are swapped in and only their sections' order is worked out again. Nil when the site must
    /// be planned again.
    func replanned(_ previous: LoadedSite, changed: Set<PageKey>, diagnostics: inout DiagnosticList) -> LoadedSite? {
        var site = previous
        site.directoryChange = nil
        var problems: [Diagnostic] = []
        var sections: Set<Int> = []
        var swapped: Set<Int> = []
        var keysChanged = false
        for key in changed {
            guard let index = previous.plan.indexByPath[key], let file = folders[key.language]?.files[key.path], let page = file.page,
                  !file.problems.contains(where: { $0.severity == .error }) else { return nil }
            let old = previous.plan.pages[index].frontMatter, new = page.frontMatter
            guard old.draft == new.draft, old.publishDate == new.publishDate, old.slug == new.slug else { return nil }
            if old.translationKey != new.translationKey { keysChanged = true }
            problems += file.problems
            var updated = page
            updated.urlPath = previous.plan.pages[index].urlPath
            site.plan.pages[index] = updated
            swapped.insert(index)
            if let parent = page.parentFolder, let section = previous.plan.indexByPath[PageKey(key.language, parent.isEmpty ? "_index.md" : parent + "/_index.md")] {
                sections.insert(section)
            }
        }
        if keysChanged {
            // A new `translationKey` keeps the plan when no key is used twice and every page still
            // has a twin of its kind (a section's twin a section): the pages whose twin changed
            // are then taken as read again (their language links and the sitemap change).
            // Anything else is planned again, which reports it.
            var pairing = DiagnosticList()
            let twins = SitePlanner.twins(of: site.plan.pages, byPath: site.plan.indexByPath, diagnostics: &pairing)
            guard !pairing.hasErrors else { return nil }
            if twins != previous.plan.twinOf {
                let pages = site.plan.pages
                guard twins.indices.allSatisfy({ twins[$0] >= 0 && pages[twins[$0]].isSection == pages[$0].isSection }) else { return nil }
                for index in twins.indices where twins[index] != previous.plan.twinOf[index] { swapped.insert(index) }
                site.plan.twinOf = twins
            }
        }
        for section in sections {
            // From plan order, as planning does, so pages that tie keep the same order.
            site.plan.childrenOf[section] = site.plan.childrenOf[section]?.sorted().sorted { SiteStructure.order(site.plan.pages[$0], site.plan.pages[$1]) }
        }
        if previous.sourceHashes.settings != settingsHash || previous.sourceHashes.theme != themeHash {
            // New settings or theme, same pages: the plan stays; the menus are checked again.
            var found = DiagnosticList()
            found.append(contentsOf: settingsProblems)
            found.append(contentsOf: themeProblems)
            guard var config = self.config, let themeFiles, !found.hasErrors else { return nil }
            if let baseURL = options.baseURL {
                guard BaseURL.isValid(baseURL) else { return nil }
                config.baseURL = BaseURL.normalized(baseURL)
            }
            let required = Theme.pageTemplates + (previous.services == nil ? [] : Theme.directoryTemplates)
            guard let theme = previous.sourceHashes.theme == themeHash && previous.config.theme == config.theme ? previous.theme
                    : Theme.compile(themeFiles, requiring: required, diagnostics: &found) else { return nil }
            SiteLoader.checkMenuLinks(config, plan: site.plan, diagnostics: &found)
            guard !found.hasErrors else { return nil }
            problems += found.items
            site.config = config
            site.theme = theme
        }
        site.changedServices = ServiceFolder.Changes()
        if servicesTouched {
            // Services read again keep their addresses; services that came or went, or a new
            // taxonomy, give the directory new ones (below). The pages' plan stays.
            var found = DiagnosticList()
            guard let directory = services.directory(diagnostics: &found), !found.hasErrors, previous.services != nil else { return nil }
            problems += found.items
            site.services = directory
            site.changedServices = services.changes
            if services.changes?.listingKept != true {
                // Lists may have more or fewer pages: their addresses are worked out again, from
                // what changed when the lists are the same ones.
                if let before = previous.services, let change = GeneratedPages.directoryChange(from: before, to: directory) {
                    site.directoryPaths.subtract(change.wentPaths)
                    site.directoryPaths.formUnion(change.camePaths)
                    let fixed = GeneratedPages.paths(plan: site.plan)
                    for path in change.wentPaths where site.plan.indexByURL[path] == nil && !fixed.contains(path) { site.plan.knownPaths.remove(path) }
                    site.plan.knownPaths.formUnion(change.camePaths)
                    site.directoryChange = change
                } else {
                    site.directoryPaths = GeneratedPages.directoryPaths(services: directory)
                    site.plan.knownPaths = Set(site.plan.pages.map(\.urlPath)).union(GeneratedPages.paths(plan: site.plan)).union(site.directoryPaths)
                }
            }
        }
        site.sourceHashes = hashes
        site.swappedPages = swapped
        site.restructure = nil
        diagnostics.append(contentsOf: problems)
        return site
    }

    /// `previous` with pages added, taken out, published or unpublished, or given another slug
    /// (the pages at `changed`), planned by `SitePlan.restructured` rather than from scratch. Nil
    /// when that cannot be done or something is wrong (planning the whole site then reports it).
    func restructured(_ previous: LoadedSite, changed: Set<PageKey>, diagnostics: inout DiagnosticList) -> LoadedSite? {
        guard previous.sourceHashes.settings == settingsHash, previous.sourceHashes.theme == themeHash, !servicesTouched,
              Language.allCases.allSatisfy({ folders[$0]?.exists == true && folders[$0]?.listingProblems.contains(where: { $0.severity == .error }) == false }) else { return nil }
        var updates: [PageKey: Page?] = [:]
        var problems: [Diagnostic] = []
        for key in changed {
            let twinFile = folders[key.language.other]?.files[key.path]
            guard let file = folders[key.language]?.files[key.path] else {
                updates[key] = .some(nil)
                continue
            }
            guard let page = file.page, !file.problems.contains(where: { $0.severity == .error }) else { return nil }
            // Twins publish together (`SiteLoader.checkPublishingAgreement`, which pairs by key or path).
            let twin = page.translationKey.map { translationKey in
                folders[key.language.other]?.files.values.lazy.compactMap(\.page).first { $0.translationKey == translationKey }
            } ?? twinFile?.page.flatMap { $0.translationKey == nil ? $0 : nil }
            if let twin, twin.frontMatter.draft != page.frontMatter.draft || twin.frontMatter.publishDate != page.frontMatter.publishDate { return nil }
            problems += file.problems
            updates[key] = .some(isPublished(page) ? page : nil)
        }
        guard let (plan, change) = previous.plan.restructured(updates) else { return nil }
        var site = previous
        site.plan = plan
        // Feeds come and go with a section of dated posts (only the sections whose pages changed can
        // change, and those that moved, which leave their feeds' addresses behind); an address a
        // page gave up stays known when the build writes it anyway.
        for (key, url) in change.replaced {
            guard let index = previous.plan.indexByPath[key], previous.plan.pages[index].isSection,
                  UpdatesSection.isUpdates(previous.plan.pages[index], plan: previous.plan) else { continue }
            for feed in [url + "feed.xml", url + "feed.json"] where plan.indexByURL[feed] == nil && !previous.directoryPaths.contains(feed) {
                site.plan.knownPaths.remove(feed)
            }
        }
        for section in change.sections {
            let page = plan.pages[section]
            let feeds = [page.urlPath + "feed.xml", page.urlPath + "feed.json"]
            if UpdatesSection.isUpdates(page, plan: plan) {
                site.plan.knownPaths.formUnion(feeds)
            } else {
                for feed in feeds where plan.indexByURL[feed] == nil && !previous.directoryPaths.contains(feed) { site.plan.knownPaths.remove(feed) }
            }
        }
        let fixed = GeneratedPages.paths(plan: SitePlan(pages: [], twinOf: [], indexByPath: [:], knownPaths: []))
        for url in change.replaced.values where previous.directoryPaths.contains(url) || fixed.contains(url) { site.plan.knownPaths.insert(url) }
        var found = DiagnosticList()
        SiteLoader.checkMenuLinks(previous.config, plan: site.plan, diagnostics: &found)
        guard !found.hasErrors else { return nil }
        site.sourceHashes = hashes
        site.swappedPages = nil
        site.directoryChange = nil
        site.changedServices = ServiceFolder.Changes()
        site.restructure = change
        diagnostics.append(contentsOf: problems)
        return site
    }

    /// Whether a build publishes `page` (not a draft, not scheduled later), with this build's options.
    func isPublished(_ page: Page) -> Bool {
        if page.frontMatter.draft && !options.drafts { return false }
        if let publish = page.frontMatter.publishDate, publish > options.today, !options.future { return false }
        return true
    }

    /// Every parsed page, drafts and scheduled pages left out. Also returns the plan keys of pages
    /// whose missing twin is explained by an error already reported (the twin file could not be
    /// loaded, or the twins disagree on publishing).
    func pages(diagnostics: inout DiagnosticList) -> (pages: [Page], alreadyReported: Set<PageKey>) {
        var pages: [Page] = []
        var failed: Set<PageKey> = []
        for language in Language.allCases {
            let name = "Content/\(language.rawValue)"
            guard let folder = folders[language], folder.exists else {
                diagnostics.error(SourceLocation(file: name), "there is no \(name)/ folder", hint: "Every page must exist in English and French.")
                continue
            }
            diagnostics.append(contentsOf: folder.listingProblems)
            failed.formUnion(folder.refused)
            for path in folder.paths {
                guard let file = folder.files[path] else { continue }
                diagnostics.append(contentsOf: file.problems)
                if let page = file.page { pages.append(page) } else { failed.insert(SitePlan.key(language, path)) }
            }
        }
        var alreadyReported = SiteLoader.checkPublishingAgreement(pages, diagnostics: &diagnostics)
        for page in pages where failed.contains(SitePlan.key(page.language.other, page.relativePath)) {
            alreadyReported.insert(SitePlan.key(page.language, page.relativePath))
        }
        let published = pages.filter(isPublished)
        return (published, alreadyReported)
    }
}
