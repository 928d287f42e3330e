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

    /// Reads the whole folder.
    public init(reading fileSystem: SiteFileSystem, loader: ServiceLoader, workers: Int = 1) {
        self.loader = loader
        self.workers = workers
        readAll(fileSystem)
    }

    private mutating func readAll(_ fileSystem: SiteFileSystem) {
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
            readAll(fileSystem)
            return
        }
        if mine.contains(where: { !$0.hasSuffix(".yaml") || entries[$0] == nil || !fileSystem.exists($0) }) {
            relist(fileSystem)
        }
        let listed = Set(paths)
        for path in mine where listed.contains(path) { read(path, fileSystem) }
        for path in paths where entries[path] == nil { read(path, fileSystem) }
    }

    /// The directory and every problem found, in the order a build reports them; nil without a folder.
    public func directory(diagnostics: inout DiagnosticList) -> ServiceDirectory? {
        guard exists else { return nil }
        diagnostics.append(contentsOf: taxonomyProblems)
        diagnostics.append(contentsOf: listProblems)
        var files: [ServiceLoader.ParsedServiceFile] = []
        for path in paths {
            guard let entry = entries[path] else { continue }
            diagnostics.append(contentsOf: entry.readProblems)
            guard let parsed = entry.parsed else { continue }
            diagnostics.append(contentsOf: parsed.diagnostics)
            files.append(parsed)
        }
        diagnostics.append(contentsOf: loader.crossFileDiagnostics(files, taxonomy: taxonomy))
        return ServiceDirectory(taxonomy: taxonomy ?? .empty, services: files.compactMap(\.service))
    }

    /// A hash of each service's file, by service id.
    public var serviceHashes: [String: Int] {
        var hashes: [String: Int] = [:]
        for entry in entries.values {
            if let id = entry.parsed?.service?.id { hashes[id] = entry.hash }
        }
        return hashes
    }
}
