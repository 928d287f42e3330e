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

/// Builds `Tests/Fixtures/sites/golden/` and compares every file with `Tests/Fixtures/sites/golden-expected/`.
///
/// Run with `TRILLIUM_UPDATE_GOLDEN=1` to rewrite the expected files after an intended change, then
/// read the diff before committing it. Content hashes in asset names are written as `HASH`, and the
/// theme's own CSS and JavaScript are listed in `MANIFEST.txt` but not compared (they are copied
/// as they are), so editing a stylesheet does not churn every expected page.
@Suite("Golden output")
struct BuildGoldenTests {
    static let fixture = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/golden")
    static let expected = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/golden-expected")
    static let manifest = "MANIFEST.txt"

    /// `assets/site.0123456789.css` → `assets/site.HASH.css`, in paths and in file contents.
    static func normalize(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "(assets/[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*?)\\.[0-9a-f]{10}\\.([A-Za-z0-9]+)") else {
            return text
        }
        return pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1.HASH.$2")
    }

    /// Output files copied from the theme unchanged: compared by name only.
    static func isThemeCopy(_ normalizedPath: String) -> Bool {
        guard let theme = DefaultThemeLocation.directory() else { return false }
        let names = Set((FileManager.default.enumerator(atPath: theme.appendingPathComponent("assets").path)?.allObjects as? [String] ?? [])
            .map { String($0.split(separator: "/").last ?? "") })
        if normalizedPath == "embed.js" { return true }
        guard normalizedPath.hasPrefix("assets/") else { return false }
        return names.contains(normalizedPath.dropFirst("assets/".count).replacingOccurrences(of: ".HASH.", with: "."))
    }

    /// The build's output as the expected folder stores it: normalized path → normalized text (nil for theme copies).
    static func actualFiles() throws -> [String: String?] {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: container) }
        let output = container.appendingPathComponent("Public")
        _ = try SiteBuilder().build(BuildOptions(siteRoot: fixture, output: output, today: FixtureSite.today, workers: 2))
        var files: [String: String?] = [:]
        for (path, data) in OutputSnapshot(output).files {
            let name = normalize(path)
            files[name] = isThemeCopy(name) ? String?.none : normalize(String(decoding: data, as: UTF8.self))
        }
        return files
    }

    static func write(_ files: [String: String?]) throws {
        try? FileManager.default.removeItem(at: expected)
        for (path, text) in files {
            guard let text else { continue }
            let url = expected.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data((files.keys.sorted().joined(separator: "\n") + "\n").utf8).write(to: expected.appendingPathComponent(manifest))
    }

    /// The first differing line, to keep failure messages short.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let old = index < a.count ? String(a[index]) : "(end of file)"
            let new = index < b.count ? String(b[index]) : "(end of file)"
            return "line \(index + 1):\n  expected: \(old)\n  actual:   \(new)"
        }
        return "no line differs (line endings?)"
    }

    @Test func theGoldenSiteBuildsExactlyTheExpectedFiles() throws {
        let actual = try Self.actualFiles()
        if ProcessInfo.processInfo.environment["TRILLIUM_UPDATE_GOLDEN"] == "1" {
            try Self.write(actual)
            return
        }
        let manifestURL = Self.expected.appendingPathComponent(Self.manifest)
        let manifestText = try #require(try? String(contentsOf: manifestURL, encoding: .utf8),
                                         "no golden files yet: run the tests with TRILLIUM_UPDATE_GOLDEN=1")
        let expectedPaths = manifestText.split(separator: "\n").map(String.init)
        let actualPaths = actual.keys.sorted()
        #expect(expectedPaths == actualPaths, """
            the build wrote a different set of files.
            missing: \(Set(expectedPaths).subtracting(actualPaths).sorted())
            extra: \(Set(actualPaths).subtracting(expectedPaths).sorted())
            (run with TRILLIUM_UPDATE_GOLDEN=1 if the change is intended)
            """)
        for (path, text) in actual.sorted(by: { $0.key < $1.key }) {
            guard let text else { continue }
            let expectedText = (try? String(contentsOf: Self.expected.appendingPathComponent(path), encoding: .utf8)) ?? ""
            if expectedText != text {
                Issue.record("\(path) differs from golden-expected/\(path) at \(Self.firstDifference(expectedText, text))\n(run with TRILLIUM_UPDATE_GOLDEN=1 if the change is intended)")
            }
        }
    }

    @Test func theGoldenSiteHasNoWarnings() throws {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: container) }
        let report = try SiteBuilder().build(BuildOptions(siteRoot: Self.fixture, output: container.appendingPathComponent("Public"),
                                                          today: FixtureSite.today, workers: 1))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.pagesPerLanguage == [.en: 3, .fr: 3])
    }

    @Test func hashesAreNormalizedInPathsAndText() {
        #expect(Self.normalize("<link href=\"/humantrafficking/assets/site.2dc8e08c93.css\">") == "<link href=\"/humantrafficking/assets/site.HASH.css\">")
        #expect(Self.normalize("assets/search-en.db0890daff.json") == "assets/search-en.HASH.json")
        #expect(Self.normalize("assets/print.css") == "assets/print.css")
    }
}
