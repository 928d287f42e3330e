import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// A built site that follows edits: the preview's model of the site.
///
/// It keeps the sources (`SiteSources`), the loaded site and, for every render unit (a content
/// page, a directory page, the search, the exports, the site-wide files), the fingerprint of
/// what the unit read when it was last rendered (`UnitFingerprints`) and the files it owns. After
/// an edit it reads again only the files the edit touched, plans the site again and renders only
/// the units whose fingerprint changed:
///
/// - the units the edit touched directly, and every changed unit when there are few, before
///   `update` returns (and before open pages are told to reload);
/// - the rest later, a few at a time (`renderPending`), or at once when a browser asks for one of
///   their files (`prepare(path:)`), so an edit that changes every page (a template, a UI
///   string) shows on the open page as fast as one that changes one page.
///
/// When nothing is pending, the output folder holds exactly what a full build writes (the tests
/// compare randomized sequences of edits with full builds). An edit with errors changes
/// nothing in the output; the next good edit starts from the last good state.
public final class LiveSite: @unchecked Sendable {
    /// What an update did.
    public struct Update: Sendable {
        /// Units rendered before `update` returned, and units left for later.
        public var rendered: Int
        public var pending: Int
        public var warnings: [Diagnostic]
        /// Files written and removed.
        public var filesWritten: Int
        public var filesRemoved: Int
        /// Milliseconds each step took (for the benchmark's profile).
        public var phases: [(String, Double)] = []
        /// How the site was planned after the edit.
        public var planning: Planning = .whole
        /// How the directory took in the service files the edit touched; nil when it touched none.
        public var directory: ServiceFolder.Taking?
    }

    /// How an edit's site was planned.
    public enum Planning: String, Sendable {
        /// The plan stayed; the pages read again were swapped in.
        case kept
        /// Pages came, went or moved: the plan before was changed where they are (`SitePlan.restructured`).
        case restructured
        /// The whole site was planned again.
        case whole
    }

    public enum Outcome: Sendable {
        case updated(Update)
        /// The edit has errors; the output was not touched.
        case failed(BuildFailure)
    }

    /// At most this many changed units are rendered before `update` returns; the rest wait.
    public var eagerLimit = 24
    private let lock = NSLock()
    private let options: BuildOptions
    private var sources: SiteSources
    private var site: LoadedSite
    private var renderer: SiteRenderer
    private var fingerprints: UnitFingerprints
    private var serviceContext: ServiceRenderContext?
    private var cards = ServiceCards()
    private let search = LiveSearch()
    private let retired = Retired()
    /// Each unit's fingerprint when it was last rendered.
    private var rendered: [RenderUnit: Int] = [:]
    /// The files each unit owns, and the unit owning each file.
    private var owned: [RenderUnit: Set<String>] = [:]
    private var owner: [String: RenderUnit] = [:]
    /// What each content page left behind when it was last rendered, and whether its links found
    /// what they lead to (`UnitFingerprints.found`).
    private var facts: [PageKey: PageFacts] = [:]
    private var answers: [PageKey: Int] = [:]
    /// For each question pages' links asked of the plan when last rendered, the pages that asked it.
    private var askers: [LinkLookup: Set<PageKey>] = [:]
    /// Units whose fingerprint changed but which are not rendered yet, in the order they will be.
    private var pending: [RenderUnit] = []
    /// Every unit of the site, in `SiteRenderer.units()` order.
    private var units: [RenderUnit] = []
    private var pendingSet: Set<RenderUnit> = []

    /// Builds the whole site into `options.output` and keeps it.
    public init(_ options: BuildOptions) throws {
        let start = Date()
        self.options = options
        sources = SiteSources(reading: options)
        var diagnostics = DiagnosticList()
        guard let site = sources.assemble(diagnostics: &diagnostics), !diagnostics.hasErrors else { throw BuildFailure(diagnostics.items) }
        sources.taken()
        self.site = site
        renderer = site.renderer
        fingerprints = UnitFingerprints(renderer, hashes: site.sourceHashes)
        serviceContext = renderer.serviceContext()
        diagnostics.append(contentsOf: serviceContext?.diagnostics ?? [])
        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output) } catch {
            throw BuildFailure([.error(SourceLocation(file: options.output.path), "cannot prepare the output folder: \(error.localizedDescription)")])
        }
        var problems = DiagnosticList()
        units = renderer.units()
        // Pages first: the search reads what they leave behind.
        for batch in [units.filter { $0 != .search }, [.search]] {
            for (unit, outcome) in renderUnits(batch) {
                problems.append(contentsOf: outcome.diagnostics)
                for file in outcome.files {
                    do { try writer.write(file.data, to: file.path) } catch {
                        problems.error(SourceLocation(file: "Public/" + file.path), "could not write the file: \(error.localizedDescription)")
                    }
                }
                record(unit, outcome)
            }
        }
        checkSite(&problems)
        diagnostics.append(contentsOf: problems.items)
        guard !diagnostics.hasErrors else {
            writer.discard()
            throw BuildFailure(diagnostics.items)
        }
        do { try writer.commit() } catch {
            writer.discard()
            throw BuildFailure([.error(SourceLocation(file: options.output.path), "cannot move the new site into place: \(error.localizedDescription)")])
        }
        var counts: [Language: Int] = [:]
        for page in site.plan.pages { counts[page.language, default: 0] += 1 }
        for (language, count) in renderer.directoryPageCounts() { counts[language, default: 0] += count }
        report = BuildReport(pagesPerLanguage: counts, filesWritten: writer.filesWritten,
                             warnings: BuildFailure(diagnostics.items).diagnostics, seconds: Date().timeIntervalSince(start))
    }

    /// How the first build went.
    public private(set) var report = BuildReport(pagesPerLanguage: [:], filesWritten: 0, warnings: [], seconds: 0)

    /// Units waiting to be rendered.
    public var pendingCount: Int { lock.withLock { pending.count } }

    // MARK: Edits

    /// Takes in the files at `changed` (relative to the site folder: added, saved or removed).
    /// `0..<count` in consecutive slices, a few per worker (none when there is little to share).
    static func slices(_ count: Int, workers: Int) -> [Range<Int>] {
        let parts = count < 512 ? 1 : max(1, workers) * 4
        let size = (count + parts - 1) / max(1, parts)
        return stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + size) }
    }

    public func update(changed: [String]) -> Outcome {
        lock.withLock {
            var phases = PhaseClock()
            sources.update(changed: changed)
            phases.lap("read")
            var diagnostics = DiagnosticList()
            guard let next = sources.assemble(diagnostics: &diagnostics, reusing: site), !diagnostics.hasErrors else {
                return .failed(BuildFailure(diagnostics.items))
            }
            let nextRenderer = next.renderer
            phases.lap("plan")
            let nextFingerprints = UnitFingerprints(nextRenderer, hashes: next.sourceHashes,
                                                    updating: next.swappedPages == nil && next.restructure == nil ? nil : fingerprints,
                                                    swapped: next.swappedPages ?? [], changedServices: next.changedServices?.ids, moved: next.restructure)
            phases.lap("page summaries")
            var nextContext = serviceContext
            // The same services in the same places, some read again: only theirs are described again.
            var updated = next.changedServices.flatMap { changes in
                serviceContext.flatMap { changes.ids.isEmpty ? $0 : nextRenderer.serviceContext(updating: $0, ids: changes.ids) }
            }
            // Services that came or went, with the same taxonomy, settings and theme: only those
            // that came are described (those that went keep no problem behind).
            if next.changedServices == nil, let change = next.directoryChange, let context = serviceContext,
               next.sourceHashes.taxonomy == site.sourceHashes.taxonomy, next.sourceHashes.settings == site.sourceHashes.settings,
               next.sourceHashes.theme == site.sourceHashes.theme, context.diagnostics.isEmpty || !change.went.contains(where: { if case .service = $0 { true } else { false } }) {
                let came = change.came.compactMap { kind -> String? in if case .service(let id) = kind { id } else { nil } }
                updated = nextRenderer.serviceContext(updating: context, ids: Set(came))
            }
            if next.services != nil, let updated {
                nextContext = updated
            } else if next.services != nil, next.sourceHashes.services != site.sourceHashes.services || next.sourceHashes.taxonomy != site.sourceHashes.taxonomy
                || nextContext == nil || next.sourceHashes.settings != site.sourceHashes.settings {
                let before = site.sourceHashes.services
                nextContext = nextRenderer.serviceContext(reusing: serviceContext) { before[$0] == next.sourceHashes.services[$0] }
                if let problems = nextContext?.diagnostics, problems.contains(where: { $0.severity == .error }) {
                    return .failed(BuildFailure(problems))
                }
            } else if next.services == nil {
                nextContext = nil
            }
            // The same plan and lists: the same units.
            let sameUnits = next.swappedPages != nil && (next.changedServices?.listingKept ?? false)
            // Pages came or went, the rest stayed: the same units after the pages.
            let units = sameUnits ? self.units : next.restructure != nil
                ? next.plan.pages.map { RenderUnit.page(PageKey($0.language, $0.relativePath)) } + self.units.filter { if case .page = $0 { false } else { true } }
                : nextRenderer.units()
            phases.lap("directory")
            // A language whose settings, theme or menus changed changes on every one of its pages.
            let everywhere = Set(Language.allCases.filter { nextFingerprints.globalChanged($0, since: fingerprints) })
            // When the plan stayed and nothing every page reads changed, only some units can have
            // changed; units still pending stay so.
            let narrow = everywhere.isEmpty ? next.swappedPages : nil
            // When the directory is the previous one, its pages read nothing that changed unless
            // their language's settings, theme or menus did (see `UnitFingerprints.fingerprint`).
            let directoryKept = next.changedServices?.ids.isEmpty == true && next.services != nil && site.services != nil
                && next.sourceHashes.taxonomy == site.sourceHashes.taxonomy
            // Pages added, taken out or moved, nothing else: their neighbours, and the pages whose links ask about them.
            let moved = everywhere.isEmpty ? next.restructure : nil
            let linked = next.restructure.map { pagesAsking(about: $0, in: next.plan) } ?? []
            var checked = narrow.map {
                nextFingerprints.candidates(after: fingerprints, swapped: $0, units: units, changedServices: next.changedServices?.ids)
            } ?? moved.map {
                nextFingerprints.candidates(after: fingerprints, moved: $0, linked: linked)
            } ?? (directoryKept ? units.filter { unit in
                if case .directoryPage(let language, _) = unit { return everywhere.contains(language) || !pendingSet.isEmpty && pendingSet.contains(unit) }
                return true
            } : units)
            // (Kept lists keep the addresses: 250,000 of them at 60,000 services are not compared.)
            // (Services that came or went say which addresses came or went: the others are not compared either.)
            let directoryMoved = next.directoryChange.map { !$0.isEmpty }
                ?? (next.changedServices?.listingKept != true && next.directoryPaths != site.directoryPaths)
            if narrow != nil || moved != nil, directoryMoved {
                // Services came or went, or the taxonomy changed: the pages whose links ask about an
                // address of the directory that came or went are compared too.
                var asking: Set<PageKey> = []
                let paths = next.directoryChange.map { $0.wentPaths.union($0.camePaths) } ?? next.directoryPaths.symmetricDifference(site.directoryPaths)
                for path in paths { asking.formUnion(askers[.sitePath(path)] ?? []) }
                let present = Set(checked)
                checked += asking.sorted().map { RenderUnit.page($0) }.filter { !present.contains($0) }
            }
            // Units whose fingerprint reads something that changed are changed: a language's
            // settings, theme or menus (every unit of it); the taxonomy (every directory unit);
            // the lists' counts (every page of every list). The others are fingerprinted.
            let taxonomyChanged = next.sourceHashes.taxonomy != site.sourceHashes.taxonomy
            let listsChanged = nextFingerprints.listsChanged(since: fingerprints)
            // Fingerprinted on all workers in slices (after a structural edit, every unit is).
            let slices = Self.slices(checked.count, workers: options.workers)
            let rendered = rendered, checkedUnits = checked
            var dirty = Parallel.map(slices.count, workers: options.workers) { slice in
                checkedUnits[slices[slice]].filter { unit in
                    switch unit {
                    case .page(let key) where everywhere.contains(key.language): return true
                    case .directoryPage(let language, _) where everywhere.contains(language): return true
                    case .directoryPage(_, let kind) where taxonomyChanged || listsChanged && kind.isList: return true
                    default: break
                    }
                    guard let old = rendered[unit] else { return true }
                    return old != nextFingerprints.fingerprint(unit, lookups: self.lookups(unit))
                }
            }.flatMap { $0 }
            // The units that no longer exist: after a restructured plan, the pages taken out; with
            // the pages' plan kept and services that came or went, the directory's pages that went.
            let gone: Set<RenderUnit> = sameUnits ? [] : next.restructure.map { change in
                Set(change.replaced.keys.filter { next.plan.indexByPath[$0] == nil && owned[.page($0)] != nil }.map { RenderUnit.page($0) })
            } ?? next.directoryChange.flatMap { change in
                next.swappedPages == nil ? nil : Set(Language.allCases.flatMap { language in
                    change.went.filter { language == .en || !$0.isShared }.map { RenderUnit.directoryPage(language, $0) }
                }.filter { owned[$0] != nil })
            } ?? (units.count == owned.count && units.allSatisfy({ owned[$0] != nil }) ? [] : Set(owned.keys).subtracting(units))
            if narrow != nil || moved != nil {
                let found = Set(dirty)
                dirty += pending.filter { !found.contains($0) && !gone.contains($0) }
            }
            phases.lap("fingerprints")
            // Rendered now: the units the edit named, then the others while there are few.
            let touched = Set(changed)
            // The services whose files were touched (their ids are their file names, most often).
            var touchedServices: Set<String> = []
            for path in changed where path.hasPrefix(ServiceLoader.folder + "/") && path.hasSuffix(".yaml") {
                let guess = String(path.dropFirst(ServiceLoader.folder.count + 1).dropLast(".yaml".count))
                if let service = next.services?.service(id: guess), service.sourcePath == path {
                    touchedServices.insert(guess)
                } else if let service = next.services?.services.first(where: { $0.sourcePath == path }) {
                    touchedServices.insert(service.id)
                }
            }
            var eager = dirty.filter { unit in
                switch unit {
                case .page(let key): touched.contains("Content/\(key.language.rawValue)/\(key.path)")
                case .directoryPage(_, .service(let id)): touchedServices.contains(id)
                default: false
                }
            }
            // Pages whose links now lead nowhere, or somewhere again, may now be broken: find out
            // before the edit is taken, as a full build would. (Links that lead to an address that
            // moved are not: those pages wait with the others.)
            for unit in nextFingerprints.structure == fingerprints.structure && !directoryMoved ? [] : dirty {
                guard case .page(let key) = unit, !eager.contains(unit) else { continue }
                if facts[key] == nil || answers[key] != nextFingerprints.found(facts[key]?.lookups ?? []) { eager.append(unit) }
            }
            let local = dirty.filter { if case .page = $0 { true } else if case .directoryPage = $0 { true } else { false } }
            if local.count <= eagerLimit { eager = local }
            let eagerSet = Set(eager)

            // Render into memory first: an edit with errors changes nothing.
            let previous = (site, renderer, fingerprints, serviceContext, cards)
            site = next
            renderer = nextRenderer
            fingerprints = nextFingerprints
            serviceContext = nextContext
            cards = ServiceCards()
            let outcomes = renderUnits(eager)
            phases.lap("render")
            var problems = DiagnosticList()
            for (_, outcome) in outcomes { problems.append(contentsOf: outcome.diagnostics) }
            var renderedFacts: [PageKey: PageFacts] = [:]
            for case (.page(let key), let outcome) in outcomes { renderedFacts[key] = outcome.page }
            // Anchors: when no heading changed and no page went, only the new pages' own links can break.
            let headingsKept = gone.allSatisfy({ if case .page = $0 { false } else { true } }) && renderedFacts.allSatisfy { facts[$0.key]?.headingIDs == $0.value.headingIDs }
            var anchored: [PageKey]? = headingsKept ? Array(renderedFacts.keys) : nil
            if next.restructure != nil {
                // Pages came or went: only the pages rendered, and those whose links lead to a page that
                // changed (its file, its address or its headings), can have an anchor that now leads nowhere.
                var keys = Set(renderedFacts.keys).union(linked)
                for (key, page) in renderedFacts where facts[key]?.headingIDs != page.headingIDs {
                    keys.formUnion(pagesAsking(about: key, url: next.plan.indexByPath[key].map { next.plan.pages[$0].urlPath }))
                }
                anchored = keys.sorted { (next.plan.indexByPath[$0] ?? -1) < (next.plan.indexByPath[$1] ?? -1) }
            }
            let current = facts
            nextRenderer.checkAnchors(of: anchored, links: { key in
                next.plan.indexByPath[key] == nil ? nil : (renderedFacts[key] ?? current[key])?.links
            }, diagnostics: &problems)
            problems.append(contentsOf: nextRenderer.problems)
            phases.lap("checks")
            guard !problems.hasErrors else {
                (site, renderer, fingerprints, serviceContext, cards) = previous
                return .failed(BuildFailure(diagnostics.items + problems.items))
            }
            var written = 0, removed = 0
            for (unit, outcome) in outcomes {
                let (w, r) = write(unit, outcome, problems: &problems)
                written += w
                removed += r
            }
            for unit in gone { removed += forget(unit) }
            let directoryTaking = sources.directoryTaking
            sources.taken()
            self.units = units
            pending = dirty.filter { !eagerSet.contains($0) }
            pendingSet = Set(pending)
            retired.add(previous)
            phases.lap("write")
            return .updated(Update(rendered: eager.count, pending: pending.count,
                                   warnings: BuildFailure(diagnostics.items + problems.items).diagnostics, filesWritten: written, filesRemoved: removed,
                                   phases: phases.laps, planning: next.swappedPages != nil ? .kept : next.restructure != nil ? .restructured : .whole,
                                   directory: directoryTaking))
        }
    }

    /// Renders up to `limit` pending units; returns the problems found (errors included: a unit
    /// that fails is left as it was and the problem reported).
    public func renderPending(limit: Int) -> [Diagnostic] {
        lock.withLock {
            let batch = Array(pending.prefix(limit))
            pending.removeFirst(batch.count)
            pendingSet.subtract(batch)
            return renderNow(batch)
        }
    }

    /// Renders every pending unit (the tests, and `trillium serve` before it exits).
    public func finishPending() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        while pendingCount > 0 { problems += renderPending(limit: 64) }
        return problems
    }

    /// Before a browser reads `path` (relative to the output folder), renders the pending unit
    /// that writes it, if any.
    public func prepare(path: String) -> [Diagnostic] {
        lock.withLock {
            guard !pending.isEmpty else { return [] }
            var wanted: [RenderUnit] = []
            if let unit = owner[path] ?? pending.first(where: { primaryPath($0) == path }) {
                wanted = [unit]
            } else {
                wanted = pending.filter { [.search, .siteFiles, .exports].contains($0) }
            }
            wanted = wanted.filter { pendingSet.contains($0) }
            guard !wanted.isEmpty else { return [] }
            pending.removeAll { wanted.contains($0) }
            pendingSet.subtract(wanted)
            return renderNow(wanted)
        }
    }

    /// The page a source file makes, as a path below the output folder (`fr/aide/index.html`):
    /// a content page's or a service's (in `language`); nil for other files.
    public func outputPath(ofSource source: String, language: Language = .en) -> String? {
        lock.withLock {
            for candidate in Language.allCases {
                let prefix = "Content/\(candidate.rawValue)/"
                if source.hasPrefix(prefix), let index = site.plan.indexByPath[PageKey(candidate, String(source.dropFirst(prefix.count)))] {
                    return String(site.plan.pages[index].urlPath.dropFirst()) + "index.html"
                }
            }
            // A service's id is most often its file's name: found at once, without going through
            // every service (60,000 took 20 ms).
            let prefix = ServiceLoader.folder + "/"
            let named = source.hasPrefix(prefix) && source.hasSuffix(".yaml") ? String(source.dropFirst(prefix.count).dropLast(".yaml".count)) : nil
            let service = named.flatMap { site.services?.service(id: $0) }.flatMap { $0.sourcePath == source ? $0 : nil }
                ?? site.services?.services.first(where: { $0.sourcePath == source })
            guard let service else { return nil }
            return String(GeneratedPages.urlPath(.service(service.id), language).dropFirst()) + "index.html"
        }
    }

    // MARK: Rendering

    /// Renders `units` (not the search) on the build's workers.
    private func renderUnits(_ units: [RenderUnit]) -> [(RenderUnit, UnitOutcome)] {
        let renderer = self.renderer, context = serviceContext, cards = self.cards
        var outcomes = Parallel.map(units.count, workers: options.workers) { index in
            (units[index], units[index] == .search ? UnitOutcome(files: [], diagnostics: []) : renderer.render(units[index], services: context, allCards: cards))
        }
        if let index = units.firstIndex(of: .search) { outcomes[index] = (.search, renderSearch()) }
        return outcomes
    }

    private func renderSearch() -> UnitOutcome {
        search.render(renderer, texts: facts.mapValues(\.searchText), pageHashes: site.sourceHashes.pages,
                      serviceHashes: site.sourceHashes.services, globalHash: site.sourceHashes.settings ^ renderer.uiStringsHash &* 31,
                      services: serviceContext, workers: options.workers)
    }

    /// Renders and writes `units` now (the lock is held).
    private func renderNow(_ units: [RenderUnit]) -> [Diagnostic] {
        // Pages first: the search reads what they leave behind.
        let ordered = units.filter { $0 != .search } + units.filter { $0 == .search }
        var problems = DiagnosticList()
        for (unit, outcome) in renderUnits(ordered.filter { $0 != .search }) {
            problems.append(contentsOf: outcome.diagnostics)
            guard !outcome.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            if case .page(let key) = unit { setFacts(key, outcome.page) }
            _ = write(unit, outcome, problems: &problems)
        }
        if ordered.contains(.search) {
            let outcome = renderSearch()
            _ = write(.search, outcome, problems: &problems)
        }
        return problems.items
    }

    /// Writes a unit's files in place (each through a rename), removes the files it no longer
    /// writes, and records it as rendered. Returns the files written and removed.
    private func write(_ unit: RenderUnit, _ outcome: UnitOutcome, problems: inout DiagnosticList) -> (Int, Int) {
        var written = 0
        for file in outcome.files {
            do {
                try Self.replace(options.output.path + "/" + file.path, with: file.data)
                written += 1
            } catch {
                problems.error(SourceLocation(file: "Public/" + file.path), "could not write the file: \(error.localizedDescription)")
            }
        }
        let paths = outcome.paths
        var removed = 0
        for path in owned[unit] ?? [] where !paths.contains(path) && owner[path] == unit {
            owner[path] = nil
            removed += remove(path)
        }
        record(unit, outcome)
        return (written, removed)
    }

    private func record(_ unit: RenderUnit, _ outcome: UnitOutcome) {
        let paths = outcome.paths
        owned[unit] = paths
        for path in paths { owner[path] = unit }
        rendered[unit] = fingerprints.fingerprint(unit, lookups: outcome.page?.lookups ?? [])
        if case .page(let key) = unit, let page = outcome.page {
            setFacts(key, page)
            answers[key] = fingerprints.found(page.lookups)
        }
    }

    /// Removes a unit that no longer exists and its files.
    private func forget(_ unit: RenderUnit) -> Int {
        var removed = 0
        for path in owned[unit] ?? [] where owner[path] == unit {
            owner[path] = nil
            removed += remove(path)
        }
        owned[unit] = nil
        rendered[unit] = nil
        if case .page(let key) = unit {
            setFacts(key, nil)
            answers[key] = nil
        }
        return removed
    }

    /// Writes a file beside `path` and renames it over `path`, so a browser reading the file gets
    /// the old bytes or the new ones, never half of them.
    static func replace(_ path: String, with data: Data) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.trillium-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try OutputWriter.writeFile(data, to: temporary)
        } catch let error as POSIXError where error.code == .ENOENT {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try OutputWriter.writeFile(data, to: temporary)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Deletes an output file and the folders it leaves empty.
    private func remove(_ path: String) -> Int {
        let root = options.output.path
        guard unlink(root + "/" + path) == 0 else { return 0 }
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(root + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
        return 1
    }

    /// The pages whose links, when last rendered, asked about a page `moved` added, took out or
    /// read again, or about an address it gave or took (a feed's included).
    private func pagesAsking(about moved: PlanChange, in plan: SitePlan) -> Set<PageKey> {
        var result: Set<PageKey> = []
        for (key, url) in moved.replaced {
            result.formUnion(askers[.page(key)] ?? [])
            result.formUnion(askers[.sitePath(url)] ?? [])
        }
        for index in moved.changed {
            result.formUnion(askers[.page(PageKey(plan.pages[index].language, plan.pages[index].relativePath))] ?? [])
            result.formUnion(askers[.sitePath(plan.pages[index].urlPath)] ?? [])
        }
        for section in moved.sections {
            result.formUnion(askers[.sitePath(plan.pages[section].urlPath + "feed.xml")] ?? [])
            result.formUnion(askers[.sitePath(plan.pages[section].urlPath + "feed.json")] ?? [])
        }
        return result
    }

    /// The pages whose links ask about the page at `key` (by its file or its address).
    private func pagesAsking(about key: PageKey, url: String?) -> Set<PageKey> {
        (askers[.page(key)] ?? []).union(url.flatMap { askers[.sitePath($0)] } ?? [])
    }

    /// Keeps `facts` and `askers` in step.
    private func setFacts(_ key: PageKey, _ page: PageFacts?) {
        let old = facts[key]?.lookups ?? [], new = page?.lookups ?? []
        if old != new {
            for lookup in Set(old) {
                askers[lookup]?.remove(key)
                if askers[lookup]?.isEmpty == true { askers[lookup] = nil }
            }
            for lookup in Set(new) { askers[lookup, default: []].insert(key) }
        }
        facts[key] = page
    }

    private func lookups(_ unit: RenderUnit) -> [LinkLookup] {
        if case .page(let key) = unit { return facts[key]?.lookups ?? [] }
        return []
    }

    /// The file a browser asks for first for a unit (its page), for units not rendered yet.
    private func primaryPath(_ unit: RenderUnit) -> String? {
        let url: String
        switch unit {
        case .page(let key):
            guard let index = site.plan.indexByPath[key] else { return nil }
            url = site.plan.pages[index].urlPath
        case .directoryPage(let language, let kind):
            url = GeneratedPages.urlPath(kind, language)
        default:
            return nil
        }
        return String(url.dropFirst()) + "index.html"
    }

    /// The checks a full build makes once every page is rendered.
    private func checkSite(_ diagnostics: inout DiagnosticList) {
        let facts = self.facts
        renderer.checkAnchors(of: nil, links: { facts[$0]?.links }, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: renderer.problems)
    }
}

/// Milliseconds between laps, for `LiveSite.Update.phases`.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var laps: [(String, Double)] = []

    init() { last = clock.now }

    mutating func lap(_ name: String) {
        let now = clock.now
        let (seconds, attoseconds) = (now - last).components
        laps.append((name, Double(seconds) * 1000 + Double(attoseconds) / 1e15))
        last = now
    }
}
