import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

/// A small site written into a fresh temporary folder from a dictionary of `path → text`, built in-process.
///
/// Every fixture gets its own folder (`<tmp>/trillium-fixture-<uuid>/site`) and output
/// (`…/Public`), so tests can run in parallel. The folder is removed when the fixture is released.
/// Unless `defaults` is false, a valid `Content/site.yaml` and a home page in both languages are
/// written first; the given files are written over them. No `Themes/` folder is written, so the
/// build uses the default theme that `DefaultThemeLocation.directory()` finds.
final class FixtureSite {
    /// "Today" for every fixture build, so dates and scheduled pages are reproducible.
    static let today = Day(year: 2026, month: 11, day: 30)

    let container: URL
    let root: URL
    let output: URL

    init(_ files: [String: String] = [:], defaults: Bool = true) {
        container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-fixture-\(UUID().uuidString)")
        root = container.appendingPathComponent("site")
        output = container.appendingPathComponent("Public")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if defaults {
            for (path, text) in Self.defaultFiles where files[path] == nil { write(path, text) }
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { write(path, text) }
    }

    deinit {
        // A build removes replaced trees with a background `rm`, which may still be running inside
        // the container; removing at the same time can fail half-way, so try again for a moment.
        for _ in 0..<100 {
            try? FileManager.default.removeItem(at: container)
            guard FileManager.default.fileExists(atPath: container.path) else { return }
            usleep(20_000)
        }
    }

    // MARK: Writing the site

    func write(_ path: String, _ text: String) {
        write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            Issue.record("could not write fixture file \(path): \(error)")
        }
    }

    func remove(_ path: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The text of a site file, e.g. to edit it.
    func source(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// Replaces the first occurrence of `old` in a site file.
    func edit(_ path: String, replacing old: String, with new: String) {
        let text = source(path)
        guard let range = text.range(of: old) else {
            Issue.record("\(path) has no “\(old)” to replace")
            return
        }
        write(path, text.replacingCharacters(in: range, with: new))
    }

    /// 1-based line of the first line of a site file that contains `fragment` (0 when none does).
    func line(of fragment: String, in path: String) -> Int {
        let lines = source(path).split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    /// Copies the bundled default theme into the site's own `Themes/default`, to break it in a test.
    func copyDefaultTheme() {
        guard let theme = DefaultThemeLocation.directory() else {
            Issue.record("the default theme was not found")
            return
        }
        let target = root.appendingPathComponent("Themes/default")
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        do { try FileManager.default.copyItem(at: theme, to: target) } catch { Issue.record("could not copy the default theme: \(error)") }
    }

    /// The repository's folder (four levels above this file).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Copies a folder of the repository (e.g. `Tests/Fixtures/services-valid/Content/services`) to a path in this site.
    func copyFromRepository(_ source: String, to path: String) {
        let target = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent(source), to: target)
        } catch {
            Issue.record("could not copy \(source): \(error)")
        }
    }

    // MARK: Building

    func options(output: URL? = nil, drafts: Bool = false, future: Bool = false, workers: Int = 2) -> BuildOptions {
        BuildOptions(siteRoot: root, output: output ?? self.output, drafts: drafts, future: future, today: Self.today, workers: workers)
    }

    func build(output: URL? = nil, drafts: Bool = false, future: Bool = false, workers: Int = 2) -> Result<BuildReport, BuildFailure> {
        do {
            return .success(try SiteBuilder().build(options(output: output, drafts: drafts, future: future, workers: workers)))
        } catch let failure as BuildFailure {
            return .failure(failure)
        } catch {
            return .failure(BuildFailure([.error(SourceLocation(file: "?"), "unexpected error: \(error)")]))
        }
    }

    /// Builds and records an issue (with every diagnostic) when the build fails.
    @discardableResult
    func buildSucceeds(output: URL? = nil, drafts: Bool = false, future: Bool = false, workers: Int = 2,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildReport? {
        switch build(output: output, drafts: drafts, future: future, workers: workers) {
        case .success(let report): return report
        case .failure(let failure):
            Issue.record("the build failed:\n\(failure)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Builds and records an issue when the build succeeds.
    func buildFails(output: URL? = nil, drafts: Bool = false, future: Bool = false,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildFailure? {
        switch build(output: output, drafts: drafts, future: future) {
        case .success:
            Issue.record("the build succeeded but should have failed", sourceLocation: sourceLocation)
            return nil
        case .failure(let failure): return failure
        }
    }

    /// Builds this site as it is (it must build), snapshots the output, applies `breakIt`, builds
    /// again into the same output (it must fail) and checks the output is byte-for-byte unchanged.
    func failingBuildKeepsOutput(_ breakIt: (FixtureSite) -> Void,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildFailure? {
        guard buildSucceeds(sourceLocation: sourceLocation) != nil else { return nil }
        let before = OutputSnapshot(output)
        #expect(!before.files.isEmpty, "the good build wrote nothing", sourceLocation: sourceLocation)
        breakIt(self)
        let failure = buildFails(sourceLocation: sourceLocation)
        let after = OutputSnapshot(output)
        if before != after {
            Issue.record("a failed build changed the output: \(before.differences(from: after).prefix(10).joined(separator: "; "))",
                         sourceLocation: sourceLocation)
        }
        return failure
    }

    // MARK: Reading the output

    /// Text of an output file (path below the output folder, no leading slash).
    func page(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            Issue.record("the output has no \(path); it has: \(OutputSnapshot(output).files.keys.sorted().prefix(40).joined(separator: ", "))",
                         sourceLocation: sourceLocation)
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    func outputExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every output file's path, sorted.
    var outputFiles: [String] { OutputSnapshot(output).files.keys.sorted() }

    // MARK: Defaults

    static let siteYAML = """
    # A small test site.
    baseURL: https://example.org/
    quickExitURL: https://www.theweathernetwork.com/ca
    paginate: 2
    contact:
      emergency: "911"
      hotline: 1-833-900-1010
      hotlineName:
        en: Canadian Human Trafficking Hotline
        fr: Ligne d'urgence canadienne contre la traite des personnes
    languages:
      en:
        title: Test site
        description: A site used by the tests.
      fr:
        title: Site d'essai
        description: Un site utilisé par les tests.
    """

    static let defaultFiles: [String: String] = [
        "Content/site.yaml": siteYAML,
        "Content/en/_index.md": page(title: "Welcome", description: "The home page.", body: "Help is here."),
        "Content/fr/_index.md": page(title: "Bienvenue", description: "La page d'accueil.", body: "De l'aide est ici."),
    ]

    /// A Markdown page: front matter with `title`, `description` and the extra lines, then the body.
    /// The opening `---` is line 1, the title line 2, the description line 3, extra lines follow.
    static func page(title: String, description: String, _ extra: [String] = [], body: String = "Some text.") -> String {
        (["---", "title: \(title)", "description: \(description)"] + extra + ["---", ""]).joined(separator: "\n") + body + "\n"
    }
}

/// Every file below a folder with its bytes, for byte-for-byte comparisons.
struct OutputSnapshot: Equatable {
    var files: [String: Data]

    init(_ folder: URL) {
        files = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path] = FileManager.default.contents(atPath: url.path) ?? Data()
        }
    }

    /// Paths that were added, removed or changed.
    func differences(from other: OutputSnapshot) -> [String] {
        let paths = Set(files.keys).union(other.files.keys).sorted()
        return paths.compactMap { path in
            switch (files[path], other.files[path]) {
            case (nil, _): return "added \(path)"
            case (_, nil): return "removed \(path)"
            case let (a?, b?) where a != b: return "changed \(path)"
            default: return nil
            }
        }
    }
}

/// A diagnostic a test expects: its file, line and words of its message (and optionally column and severity).
struct ExpectedDiagnostic: CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int?
    var words: [String]
    var severity: Diagnostic.Severity = .error

    init(_ file: String, line: Int, column: Int? = nil, _ words: String..., severity: Diagnostic.Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.words = words
        self.severity = severity
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == severity && diagnostic.location.file == file && diagnostic.location.line == line
            && (column == nil || diagnostic.location.column == column) && words.allSatisfy { diagnostic.message.contains($0) }
    }

    var description: String { "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(severity.rawValue): …\(words.joined(separator: "…"))…" }
}

/// Checks that the errors (or, with `.warning`, the warnings) are exactly the expected ones: each
/// expected diagnostic appears once, and nothing else of that severity is reported.
func expectExactly(_ expected: [ExpectedDiagnostic], in diagnostics: [Diagnostic], severity: Diagnostic.Severity = .error,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let actual = diagnostics.filter { $0.severity == severity }
    let listing = "\n" + diagnostics.map(\.description).joined(separator: "\n")
    for item in expected {
        let count = actual.filter(item.matches).count
        if count != 1 {
            Issue.record("expected once, found \(count) times: \(item)\nreported:\(listing)", sourceLocation: sourceLocation)
        }
    }
    let unexpected = actual.filter { diagnostic in !expected.contains { $0.matches(diagnostic) } }
    if !unexpected.isEmpty {
        Issue.record("unexpected \(severity.rawValue)s:\n\(unexpected.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// Checks that one diagnostic matching `expected` is among `diagnostics` (others may be there too).
func expectContains(_ expected: ExpectedDiagnostic, in diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let count = diagnostics.filter(expected.matches).count
    if count != 1 {
        Issue.record("expected once, found \(count) times: \(expected)\nreported:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }
}
