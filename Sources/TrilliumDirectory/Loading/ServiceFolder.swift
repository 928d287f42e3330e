import Foundation
import TrilliumModel
import TrilliumSource

/// The help directory's files as read and parsed. A build reads them all once
/// (`ServiceLoader.load`); the preview keeps this value and reads again only the files an edit
/// touched, so one service's edit costs one file, not the whole directory.
public struct ServiceFolder: Sendable {
    /// One service file as read: what parsing gave, problems reading it, and a hash of its text.
    struct Entry: Sendable {
        var parsed: ServiceLoader.ParsedServiceFile?
        var readProblems: [Diagnostic]
        var hash: Int
    }

    let loader: ServiceLoader
    /// Threads a whole folder is read and parsed on (a directory at 211's scale has 60,000 files).
    let workers: Int
    /// Whether the site has a `Content/services` folder (no folder, no directory).
    public private(set) var exists = false
    var taxonomy: Taxonomy?
    var taxonomyProblems: [Diagnostic] = []
    /// A hash of `taxonomy.yaml`'s text.
    public private(set) var taxonomyHash = 0
    /// Problems with the folder's listing (refused links, `.yml` files).
    var listProblems: [Diagnostic] = []
    /// Service files, sorted.
    var paths: [String] = []
    var entries: [String: Entry] = [:]
    /// The directory the entries make, kept up to date as files are read (see `Made`).
    private var made: Made?
    /// A hash of each service's file, by service id.
    public private(set) var serviceHashes: ShardedDictionary<String, Int> = [:]
    /// What changed since `taken()`: the ids of the services read again and whether every list
    /// kept its members; nil when the folder was listed or read again whole.
    public private(set) var changes: Changes? = Changes()

    /// How the last `update` took its files in (the tests and the benchmark ask).
    public enum Taking: String, Sendable, Equatable {
        /// Saved files whose services kept their places.
        case saved
        /// Files that came or went, put in or taken out of the directory as it was.
        case cameOrWent
        /// A taxonomy with the same ids: the services as they were, the lists made again.
        case taxonomy
        /// The directory made again from every file (the folder listed again or not).
        case madeAgain
        /// Every file read again.
        case readAgain
    }
    public private(set) var taking: Taking = .readAgain

    /// What reading some service files again changed.
    public struct Changes: Sendable, Equatable {
        /// Ids of the services whose files were read again (their ids did not change).
        public var ids: Set<String> = []
        /// Whether every list of the directory holds the same services as before.
        public var listingKept = true

        public init() {}
    }

    /// The directory as made from the entries, with what it takes to report its problems in a
    /// build's order without going through every entry: the files with problems and the checks
    /// across files.
    private struct Made: Sendable {
        var directory: ServiceDirectory
        /// Paths whose entry has problems, in `paths` order.
        var problemPaths: [String]
        /// The checks across files of ids and organizations, and how many files use each term.
        var idsAndOrganizations: [Diagnostic]
        var termUses: [Taxonomy.Facet: [String: Int]]
        /// The name each organization id was first given (it may outlive the last service that
        /// names it: a file that came then names it differently, and the directory is made again).
        var organizationNames: [String: Localized<String>]
    }

    /// Reads the whole folder.
    public init(reading fileSystem: SiteFileSystem, loader: ServiceLoader, workers: Int = 1) {
        self.loader = loader
        self.workers = workers
        readAll(fileSystem)
    }

    /// A folder not read (no directory): what a loader holds while the real one is read.
    public init(unreadWith loader: ServiceLoader, workers: Int = 1) {
        self.loader = loader
        self.workers = workers
    }

    private mutating func readAll(_ fileSystem: SiteFileSystem) {
        defer { taking = .readAgain }
        entries = [:]
        paths = []
        listProblems = []
        exists = fileSystem.exists(ServiceLoader.folder)
        guard exists else { return }
        readTaxonomy(fileSystem)
        relist(fileSystem)
        let paths = paths, loader = loader, known = taxonomy
        let read = Parallel.map(paths.count, workers: workers) { index in Self.entry(paths[index], fileSystem, loader, known) }
        entries.reserveCapacity(paths.count)
        for (path, entry) in zip(paths, read) { entries[path] = entry }
        remake()
    }

    /// Makes the directory from every entry.
    private mutating func remake() {
        taking = .madeAgain
        changes = nil
        guard exists else {
            made = nil
            serviceHashes = [:]
            return
        }
        var files: [ServiceLoader.ParsedServiceFile] = []
        var problemPaths: [String] = []
        var hashes = ShardedDictionary<String, Int>()
        var organizationNames: [String: Localized<String>] = [:]
        files.reserveCapacity(paths.count)
        for path in paths {
            guard let entry = entries[path] else { continue }
            if Self.hasProblems(entry) { problemPaths.append(path) }
            guard let parsed = entry.parsed else { continue }
            files.append(parsed)
            if let id = parsed.service?.id { hashes[id] = entry.hash }
            if let organization = parsed.organization, organizationNames[organization.id] == nil { organizationNames[organization.id] = organization.name }
        }
        serviceHashes = hashes
        made = Made(directory: ServiceDirectory(taxonomy: taxonomy ?? .empty, services: files.compactMap(\.service)),
                    problemPaths: problemPaths, idsAndOrganizations: loader.idAndOrganizationDiagnostics(files),
                    termUses: ServiceLoader.termUses(files), organizationNames: organizationNames)
    }

    /// Takes in service files that came or went (`changed`: each a plain file that is there now
    /// and was not listed, or a listed file that is gone) without listing the folder or making
    /// the directory from every file, when nothing was wrong before and each file that came gives
    /// a service of its own: an id no other service has, its organization named as elsewhere,
    /// nothing to report. Then the checks across files find nothing, as before, and the services
    /// keep their order with these put in or taken out. False, with nothing changed, otherwise.
    private mutating func cameOrWent(_ changed: [String], _ fileSystem: SiteFileSystem) -> Bool {
        guard var made, made.problemPaths.isEmpty, made.idsAndOrganizations.isEmpty, listProblems.isEmpty else { return false }
        var came: [(String, Entry, Service)] = [], went: [String] = []
        var newIDs: Set<String> = []
        for path in Set(changed).sorted() {
            guard path.hasSuffix(".yaml"), path != ServiceLoader.taxonomyPath,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return false }
            let listed = paths.containsSorted(path)
            switch fileSystem.kind(path) {
            case .regularFile where !listed:
                let entry = Self.entry(path, fileSystem, loader, taxonomy)
                guard !Self.hasProblems(entry), let parsed = entry.parsed, let service = parsed.service, parsed.id == service.id,
                      made.directory.position(of: service.id) == nil, newIDs.insert(service.id).inserted else { return false }
                if let organization = parsed.organization {
                    guard (made.organizationNames[organization.id] ?? organization.name) == organization.name else { return false }
                }
                came.append((path, entry, service))
            case .missing where listed:
                guard let service = entries[path]?.parsed?.service, let position = made.directory.position(of: service.id),
                      made.directory.services[position].sourcePath == path else { return false }
                went.append(path)
            case .missing:
                continue
            default:
                return false
            }
        }
        var services = Array(made.directory.services)
        var listing = made.directory.listing
        var latest: Day?? = made.directory.latestVerification
        for path in went {
            guard let parsed = entries[path]?.parsed, let service = parsed.service else { continue }
            let position = services.partitionPoint { $0.id < service.id }
            services.remove(at: position)
            listing.remove(service, at: position)
            ServiceLoader.count(parsed, by: -1, in: &made.termUses)
            serviceHashes[service.id] = nil
            // The latest check goes with it when this service had it (worked out again).
            if case .some(.some(let day)) = latest, day == service.lastVerified { latest = nil }
            entries[path] = nil
            paths.remove(at: paths.sortedPosition(of: path))
        }
        for (path, entry, service) in came {
            let position = services.partitionPoint { $0.id < service.id }
            services.insert(service, at: position)
            listing.insert(service, at: position)
            if let parsed = entry.parsed {
                ServiceLoader.count(parsed, by: 1, in: &made.termUses)
                if let organization = parsed.organization, made.organizationNames[organization.id] == nil {
                    made.organizationNames[organization.id] = organization.name
                }
            }
            serviceHashes[service.id] = entry.hash
            if let known = latest { latest = .some(known.map { max($0, service.lastVerified) } ?? service.lastVerified) }
            entries[path] = entry
            paths.insert(path, at: paths.sortedPosition(of: path))
        }
        made.directory = ServiceDirectory(taxonomy: made.directory.taxonomy, sortedServices: ServiceList(services), listing: listing, latestVerification: latest)
        self.made = made
        changes = nil
        taking = .cameOrWent
        return true
    }

    /// Whether two taxonomies have the same term ids in the same order in every facet.
    private static func sameIDs(_ a: Taxonomy?, _ b: Taxonomy?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return Taxonomy.Facet.allCases.allSatisfy { facet in a.terms(facet).map(\.id) == b.terms(facet).map(\.id) }
    }

    private static func hasProblems(_ entry: Entry) -> Bool {
        !entry.readProblems.isEmpty || !(entry.parsed?.diagnostics.isEmpty ?? true)
    }

    /// Takes in the entries read again at the paths of `before` (their entries before), when each
    /// file still gives a service with the same id and organization on the same lines: then the
    /// checks of ids and organizations find what they found, each service keeps its place, and
    /// the lists keep their members unless a service's terms changed (the terms' uses are
    /// counted again). False when the directory must be made again.
    private mutating func refresh(_ before: [String: Entry]) -> Bool {
        guard var made else { return false }
        var services = made.directory.services
        var listingKept = true
        // The latest check stays known unless a service that had it was checked earlier now.
        var latest: Day?? = made.directory.latestVerification
        var ids: [String] = []
        for (path, old) in before {
            guard let new = entries[path], let was = old.parsed, let now = new.parsed, let service = now.service, let previous = was.service,
                  service.id == previous.id, was.id == now.id, was.idLocation == now.idLocation,
                  was.organization == now.organization, was.organizationLocation == now.organizationLocation,
                  let position = ServiceDirectory.position(of: service.id, in: services), services[position].sourcePath == path else { return false }
            if service.regions != previous.regions || service.categories != previous.categories || service.audiences != previous.audiences {
                listingKept = false
            }
            if was.listedTerms != now.listedTerms {
                ServiceLoader.count(was, by: -1, in: &made.termUses)
                ServiceLoader.count(now, by: 1, in: &made.termUses)
            }
            if let known = latest {
                if let day = known, service.lastVerified < day, previous.lastVerified == day {
                    latest = nil
                } else {
                    latest = .some(known.map { max($0, service.lastVerified) } ?? service.lastVerified)
                }
            }
            services[position] = service
            ids.append(service.id)
            serviceHashes[service.id] = new.hash
            let had = Self.hasProblems(old), has = Self.hasProblems(new)
            if had != has {
                if has {
                    made.problemPaths.insert(path, at: made.problemPaths.firstIndex { $0 > path } ?? made.problemPaths.endIndex)
                } else {
                    made.problemPaths.removeAll { $0 == path }
                }
            }
        }
        made.directory = ServiceDirectory(taxonomy: made.directory.taxonomy, sortedServices: services,
                                          listing: listingKept ? made.directory.listing : nil, latestVerification: latest)
        self.made = made
        if var changes {
            changes.ids.formUnion(ids)
            changes.listingKept = changes.listingKept && listingKept
            self.changes = changes
        }
        return true
    }

    /// How many services the directory holds.
    public var serviceCount: Int { made?.directory.services.count ?? 0 }

    /// Changes count from here (the directory was taken by a site).
    public mutating func taken() {
        changes = Changes()
    }

    private mutating func readTaxonomy(_ fileSystem: SiteFileSystem) {
        var problems = DiagnosticList()
        taxonomy = nil
        taxonomyHash = 0
        if fileSystem.exists(ServiceLoader.taxonomyPath) {
            if let text = fileSystem.readText(ServiceLoader.taxonomyPath, diagnostics: &problems) {
                let (parsed, found) = loader.parseTaxonomy(text, file: ServiceLoader.taxonomyPath)
                problems.append(contentsOf: found)
                taxonomy = parsed
                taxonomyHash = text.utf8HashValue
            }
        } else {
            problems.error(SourceLocation(file: ServiceLoader.taxonomyPath), "the help directory has no taxonomy file",
                           hint: "Create `\(ServiceLoader.taxonomyPath)` listing the categories, regions, audiences and languages services may use.")
        }
        taxonomyProblems = problems.items
    }

    private mutating func relist(_ fileSystem: SiteFileSystem) {
        var problems = DiagnosticList()
        for path in fileSystem.files(in: ServiceLoader.folder, withExtension: "yml", diagnostics: &problems) {
            problems.error(SourceLocation(file: path), "service files must end in `.yaml`; this file would be ignored",
                           hint: "Rename it to `\(ServiceFieldCheck.expectedID(forFile: path)).yaml`.")
        }
        paths = fileSystem.files(in: ServiceLoader.folder, withExtension: "yaml", diagnostics: &problems).filter { $0 != ServiceLoader.taxonomyPath }
        listProblems = problems.items
        let listed = Set(paths)
        entries = entries.filter { listed.contains($0.key) }
    }

    private mutating func read(_ path: String, _ fileSystem: SiteFileSystem) {
        entries[path] = Self.entry(path, fileSystem, loader, taxonomy)
    }

    private static func entry(_ path: String, _ fileSystem: SiteFileSystem, _ loader: ServiceLoader, _ taxonomy: Taxonomy?) -> Entry {
        var problems = DiagnosticList()
        guard let text = fileSystem.readText(path, diagnostics: &problems) else {
            return Entry(parsed: nil, readProblems: problems.items, hash: 0)
        }
        return Entry(parsed: loader.parseServiceFile(text, file: path, taxonomy: taxonomy), readProblems: problems.items, hash: text.utf8HashValue)
    }

    /// Reads again the files among `changed` (paths relative to the site) that belong to the
    /// directory. A new or removed file lists the folder again; a changed taxonomy parses every
    /// service again (terms are checked against it).
    public mutating func update(changed: [String], fileSystem: SiteFileSystem) {
        let prefix = ServiceLoader.folder + "/"
        let mine = changed.filter { $0 == ServiceLoader.folder || $0.hasPrefix(prefix) }
        guard !mine.isEmpty else { return }
        guard exists == fileSystem.exists(ServiceLoader.folder), exists else {
            readAll(fileSystem)
            return
        }
        if mine.contains(ServiceLoader.taxonomyPath) {
            // Services are checked against the taxonomy's ids: new labels, descriptions or
            // settings (the same ids in the same order) leave every service file as it was read.
            let before = taxonomy
            readTaxonomy(fileSystem)
            guard Self.sameIDs(before, taxonomy) else {
                readAll(fileSystem)
                return
            }
            if mine == [ServiceLoader.taxonomyPath], let taxonomy, var made {
                // Only the taxonomy: the services, their order and the checks across files stay,
                // and so do the lists unless the region that stands for everywhere changed.
                made.directory = ServiceDirectory(taxonomy: taxonomy, sortedServices: made.directory.services,
                                                  listing: made.directory.listing.relabeled(taxonomy),
                                                  latestVerification: made.directory.latestVerification)
                self.made = made
                changes = nil
                taking = .taxonomy
                return
            }
            relist(fileSystem)
            let listed = Set(paths)
            for path in mine where path != ServiceLoader.taxonomyPath && listed.contains(path) { read(path, fileSystem) }
            for path in paths where entries[path] == nil { read(path, fileSystem) }
            remake()
            return
        }
        if mine.contains(where: { !$0.hasSuffix(".yaml") || entries[$0] == nil || !fileSystem.exists($0) }) {
            if cameOrWent(mine, fileSystem) { return }
            relist(fileSystem)
            let listed = Set(paths)
            for path in mine where listed.contains(path) { read(path, fileSystem) }
            for path in paths where entries[path] == nil { read(path, fileSystem) }
            remake()
            return
        }
        // Only saved files: each keeps its place in the folder.
        var before: [String: Entry] = [:]
        for path in Set(mine) {
            before[path] = entries[path]
            read(path, fileSystem)
        }
        if refresh(before) { taking = .saved } else { remake() }
    }

    /// The directory and every problem found, in the order a build reports them; nil without a folder.
    public func directory(diagnostics: inout DiagnosticList) -> ServiceDirectory? {
        guard exists, let made else { return nil }
        diagnostics.append(contentsOf: taxonomyProblems)
        diagnostics.append(contentsOf: listProblems)
        for path in made.problemPaths {
            guard let entry = entries[path] else { continue }
            diagnostics.append(contentsOf: entry.readProblems)
            diagnostics.append(contentsOf: entry.parsed?.diagnostics ?? [])
        }
        diagnostics.append(contentsOf: made.idsAndOrganizations)
        if let taxonomy {
            diagnostics.append(contentsOf: loader.unusedTermDiagnostics(taxonomy) { facet, id in made.termUses[facet]?[id] != nil })
        }
        return made.directory
    }
}
