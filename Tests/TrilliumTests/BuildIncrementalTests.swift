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

/// The preview (`LiveSite`) re-renders what an edit changes and nothing else; the result must
/// equal a full build. The randomized sequences are in LiveSiteTests.
@Suite("Incremental rebuilds")
struct BuildIncrementalTests {
    func reference(_ site: FixtureSite) throws -> OutputSnapshot {
        let folder = site.container.appendingPathComponent("Reference-\(UUID().uuidString)")
        _ = try SiteBuilder().build(site.options(output: folder))
        return OutputSnapshot(folder)
    }

    func take(_ live: LiveSite, _ changed: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LiveSite.Update? {
        switch live.update(changed: changed) {
        case .updated(let update): return update
        case .failed(let failure):
            Issue.record("the edit was refused: \(failure)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func editingAPagesTextReRendersOnlyThatPageAndMatchesAFullBuild() throws {
        let site = FixtureSite(BilingualFixture.files)
        let live = try LiveSite(site.options())
        site.edit("Content/fr/get-help/shelters.md", replacing: "Un refuge est un lieu sûr.", with: "Un refuge est un lieu sûr : on vous y accueille !")
        let update = try #require(take(live, ["Content/fr/get-help/shelters.md"]))
        #expect(update.rendered == 1, "only the page itself is rendered at once")
        #expect(update.pending == 1, "the search follows in the background")
        #expect(site.page("fr/aide/refuges/index.html").contains("on vous y accueille\u{202F}!"))
        #expect(live.finishPending().isEmpty)
        #expect(OutputSnapshot(site.output).differences(from: try reference(site)).isEmpty)
    }

    @Test func aNewTitleReRendersThePagesThatShowIt() throws {
        let site = FixtureSite(BilingualFixture.files)
        let live = try LiveSite(site.options())
        site.edit("Content/en/get-help/_index.md", replacing: "title: Get help", with: "title: Find help")
        let update = try #require(take(live, ["Content/en/get-help/_index.md"]))
        // The section, its two pages (their breadcrumbs) and the home page (its card).
        #expect(update.rendered == 4)
        #expect(site.page("en/get-help/hotline/index.html").contains("Find help"), "the breadcrumbs of the pages below it")
        #expect(live.finishPending().isEmpty)
        #expect(OutputSnapshot(site.output).differences(from: try reference(site)).isEmpty)
    }

    @Test func aNewPageAndAThemeChangeAreTakenInWithoutAFullBuild() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.copyDefaultTheme()
        let live = try LiveSite(site.options())
        site.write("Content/en/get-help/new.md", FixtureSite.page(title: "New", description: "New page."))
        site.write("Content/fr/get-help/new.md", FixtureSite.page(title: "Nouveau", description: "Nouvelle page.", ["slug: nouveau"]))
        _ = try #require(take(live, ["Content/en/get-help/new.md", "Content/fr/get-help/new.md"]))
        #expect(site.page("en/get-help/new/index.html").contains("New page."))
        site.edit("Themes/default/templates/page.mustache", replacing: "<h1>{{title}}</h1>", with: "<h1>{{title}}</h1><p>Edited template</p>")
        let themed = try #require(take(live, ["Themes/default/templates/page.mustache"]))
        #expect(themed.pending > 0, "every page changes: the ones not opened follow in the background")
        #expect(live.prepare(path: "en/get-help/shelters/index.html").isEmpty)
        #expect(site.page("en/get-help/shelters/index.html").contains("Edited template"), "a page asked for is rendered at once")
        #expect(live.finishPending().isEmpty)
        #expect(OutputSnapshot(site.output).differences(from: try reference(site)).isEmpty)
    }

    @Test func removingAHeadingThatAnotherPageLinksToFailsAndKeepsTheOutput() throws {
        let site = FixtureSite(BilingualFixture.files)
        let live = try LiveSite(site.options())
        let before = OutputSnapshot(site.output)
        site.edit("Content/en/get-help/hotline.md", replacing: "## When to call", with: "## Calling")
        guard case .failed(let failure) = live.update(changed: ["Content/en/get-help/hotline.md"]) else {
            Issue.record("the link to #when-to-call from get-help/_index.md is now broken")
            return
        }
        expectContains(ExpectedDiagnostic("Content/en/get-help/_index.md", line: site.line(of: "hotline.md#when-to-call", in: "Content/en/get-help/_index.md"), "#when-to-call"),
                       in: failure.diagnostics)
        #expect(OutputSnapshot(site.output).differences(from: before).isEmpty)
        site.edit("Content/en/get-help/hotline.md", replacing: "## Calling", with: "## When to call")
        _ = try #require(take(live, ["Content/en/get-help/hotline.md"]))
        #expect(live.finishPending().isEmpty)
        #expect(OutputSnapshot(site.output).differences(from: try reference(site)).isEmpty)
    }
}
