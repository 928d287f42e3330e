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

/// The same site always builds into the same bytes, whatever the number of threads.
@Suite("Reproducible builds")
struct ReproducibilityTests {
    /// The bilingual fixture plus the help directory's valid fixture, so generated pages and JSON are covered too.
    static func site() -> FixtureSite {
        let site = FixtureSite(BilingualFixture.files)
        site.copyFromRepository("Tests/Fixtures/services-valid/Content/services", to: "Content/services")
        return site
    }

    func expectIdentical(_ first: OutputSnapshot, _ second: OutputSnapshot, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(first.files.count > 20, "the build wrote only \(first.files.count) files", sourceLocation: sourceLocation)
        let differences = first.differences(from: second)
        #expect(differences.isEmpty, "the builds differ: \(differences.prefix(10).joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    @Test func theSameSiteBuiltTwiceIsByteIdentical() throws {
        let site = Self.site()
        let second = site.container.appendingPathComponent("Second")
        try #require(site.buildSucceeds() != nil)
        try #require(site.buildSucceeds(output: second) != nil)
        expectIdentical(OutputSnapshot(site.output), OutputSnapshot(second))
        // The help directory really was part of the build.
        #expect(site.outputExists("en/services/day-line/index.html"))
        #expect(site.outputExists("api/v1/services.json"))
    }

    @Test func oneWorkerAndFourWorkersBuildTheSameBytes() throws {
        let site = Self.site()
        let four = site.container.appendingPathComponent("Four")
        try #require(site.buildSucceeds(workers: 1) != nil)
        try #require(site.buildSucceeds(output: four, workers: 4) != nil)
        expectIdentical(OutputSnapshot(site.output), OutputSnapshot(four))
    }

    /// cmark-gfm's extensions switch a global table of special characters on and off around every
    /// parse, so parses running at the same time would lose strikethrough and autolinks. Only
    /// parsing is serialized; this builds many pages full of extension syntax on many threads and
    /// expects exactly what one thread writes, every time.
    @Test func markdownExtensionsRenderTheSameOnManyThreadsAsOnOne() throws {
        var files: [String: String] = [:]
        let body = """
            ~~Old number~~ call www.example.org/help or https://example.org/a?b=1 today.

            | Line | Hours |
            | --- | --- |
            | ~~One~~ | https://example.org/one |

            - [x] done ~~twice~~
            - [ ] visit www.example.com

            Text with ~strike~ and <https://example.org/angle> and footnote[^1].

            [^1]: A note with www.example.net.
            """
        for number in 1...120 {
            files["Content/en/p\(number).md"] = FixtureSite.page(title: "Page \(number)", description: "Extensions.", body: body)
            files["Content/fr/p\(number).md"] = FixtureSite.page(title: "Page \(number)", description: "Extensions.", body: body)
        }
        let site = FixtureSite(files)
        try #require(site.buildSucceeds(workers: 1) != nil)
        let serial = OutputSnapshot(site.output)
        let page = site.page("en/p7/index.html")
        #expect(page.contains("<del>Old number</del>"))
        #expect(page.contains("<a href=\"http://www.example.org/help\" rel=\"noreferrer\">www.example.org/help</a>"))
        #expect(page.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        for round in 1...3 {
            let parallel = site.container.appendingPathComponent("Parallel\(round)")
            try #require(site.buildSucceeds(output: parallel, workers: 8) != nil)
            expectIdentical(serial, OutputSnapshot(parallel))
        }
    }

    @Test func rebuildingIntoTheSameOutputReplacesItWithTheSameBytes() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        let first = OutputSnapshot(site.output)
        try #require(site.buildSucceeds() != nil)
        expectIdentical(first, OutputSnapshot(site.output))
    }

    @Test func theSameSiteInAnotherFolderBuildsTheSameBytes() throws {
        let first = Self.site()
        let second = Self.site()
        try #require(first.buildSucceeds() != nil)
        try #require(second.buildSucceeds() != nil)
        expectIdentical(OutputSnapshot(first.output), OutputSnapshot(second.output))
    }

    @Test func aRemovedPageDisappearsFromTheNextBuild() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        #expect(site.outputExists("en/about/index.html"))
        site.remove("Content/en/about.md")
        site.remove("Content/fr/a-propos.md")
        site.edit("Content/en/_index.md", replacing: " and [this site](about.md)", with: "")
        site.edit("Content/fr/_index.md", replacing: " et [ce site](a-propos.md)", with: "")
        try #require(site.buildSucceeds() != nil)
        #expect(!site.outputExists("en/about/index.html"))
        #expect(!site.outputExists("fr/a-propos/index.html"))
    }
}
