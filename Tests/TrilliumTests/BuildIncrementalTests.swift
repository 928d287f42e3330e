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

/// The preview re-renders only a page whose text changed; the result must equal a full build.
@Suite("Incremental rebuilds")
struct BuildIncrementalTests {
    func fullBuild(_ site: FixtureSite) throws -> IncrementalSite {
        try SiteBuilder().buildKeepingState(site.options()).incremental
    }

    @Test func editingAPagesTextReRendersOnlyThatPageAndMatchesAFullBuild() throws {
        let site = FixtureSite(BilingualFixture.files)
        let incremental = try fullBuild(site)
        site.edit("Content/fr/get-help/shelters.md", replacing: "Un refuge est un lieu sûr.", with: "Un refuge est un lieu sûr : on vous y accueille !")
        guard case .rebuilt(let pages, _) = incremental.rebuild(changedPaths: ["Content/fr/get-help/shelters.md"]) else {
            Issue.record("expected the page to be re-rendered alone")
            return
        }
        #expect(pages == 1)
        #expect(site.page("fr/aide/refuges/index.html").contains("on vous y accueille\u{202F}!"))
        let reference = site.container.appendingPathComponent("Reference")
        _ = try SiteBuilder().build(site.options(output: reference))
        #expect(OutputSnapshot(site.output).differences(from: OutputSnapshot(reference)).isEmpty)
    }

    @Test func aChangeToFrontMatterAsksForAFullBuild() throws {
        let site = FixtureSite(BilingualFixture.files)
        let incremental = try fullBuild(site)
        site.edit("Content/en/get-help/shelters.md", replacing: "title: Shelters", with: "title: Safe shelters")
        guard case .needsFullBuild(let reason) = incremental.rebuild(changedPaths: ["Content/en/get-help/shelters.md"]) else {
            Issue.record("a new title changes other pages (lists, breadcrumbs): it needs a full build")
            return
        }
        #expect(reason.contains("front matter"))
    }

    @Test func aNewFileOrAThemeChangeAsksForAFullBuild() throws {
        let site = FixtureSite(BilingualFixture.files)
        let incremental = try fullBuild(site)
        site.write("Content/en/get-help/new.md", FixtureSite.page(title: "New", description: "New page."))
        if case .needsFullBuild = incremental.rebuild(changedPaths: ["Content/en/get-help/new.md"]) {} else { Issue.record("a new page needs a full build") }
        if case .needsFullBuild = incremental.rebuild(changedPaths: ["Themes/default/templates/page.mustache"]) {} else { Issue.record("a theme change needs a full build") }
    }

    @Test func removingAHeadingThatAnotherPageLinksToFailsAndKeepsTheOutput() throws {
        let site = FixtureSite(BilingualFixture.files)
        let incremental = try fullBuild(site)
        let before = OutputSnapshot(site.output)
        site.edit("Content/en/get-help/hotline.md", replacing: "## When to call", with: "## Calling")
        guard case .failed(let failure) = incremental.rebuild(changedPaths: ["Content/en/get-help/hotline.md"]) else {
            Issue.record("the link to #when-to-call from get-help/_index.md is now broken")
            return
        }
        expectContains(ExpectedDiagnostic("Content/en/get-help/_index.md", line: site.line(of: "hotline.md#when-to-call", in: "Content/en/get-help/_index.md"), "#when-to-call"),
                       in: failure.diagnostics)
        #expect(OutputSnapshot(site.output).differences(from: before).isEmpty)
    }
}
