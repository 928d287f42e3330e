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

/// `trillium new`: new pages and services to fill in, never overwriting anything.
@Suite("Scaffolding new pages and services")
struct ScaffoldTests {
    static func site() -> FixtureSite {
        FixtureSite([
            "Content/en/get-help/_index.md": FixtureSite.page(title: "Get help", description: "Ways to get help."),
            "Content/fr/get-help/_index.md": FixtureSite.page(title: "Obtenir de l'aide", description: "Façons d'obtenir de l'aide.", ["slug: aide"]),
        ])
    }

    @Test func aNewPageCreatesBothTwinsWithASharedKeyAndAFrenchSlug() throws {
        let site = Self.site()
        let files = try Scaffolder(siteRoot: site.root).newPage("get-help/shelters", today: FixtureSite.today)
        #expect(files == ["Content/en/get-help/shelters.md", "Content/fr/get-help/shelters.md"])
        let english = site.source("Content/en/get-help/shelters.md")
        let french = site.source("Content/fr/get-help/shelters.md")
        #expect(english.contains("\ntranslationKey: get-help-shelters\n"))
        #expect(french.contains("\ntranslationKey: get-help-shelters\n"))
        #expect(french.contains("\nslug: shelters\n"))
        #expect(!english.contains("\nslug:"))
        #expect(english.contains("\nlastmod: 2026-11-30\n"))
        #expect(english.contains("\ndraft: true\n") && french.contains("\ndraft: true\n"))
        // Both parse without problems.
        for (text, language) in [(english, Language.en), (french, Language.fr)] {
            let (page, diagnostics) = PageParser().parse(text, language: language, relativePath: "get-help/shelters.md", sourcePath: "x.md")
            #expect(page != nil)
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func newPagesAreDraftsThatBuildAndPublishOnceDraftIsFalse() throws {
        let site = Self.site()
        _ = try Scaffolder(siteRoot: site.root).newPage("get-help/shelters", today: FixtureSite.today)
        try #require(site.buildSucceeds() != nil)
        #expect(!site.outputExists("en/get-help/shelters/index.html"))

        site.edit("Content/en/get-help/shelters.md", replacing: "draft: true", with: "draft: false")
        site.edit("Content/fr/get-help/shelters.md", replacing: "draft: true", with: "draft: false")
        let report = try #require(site.buildSucceeds())
        #expect(report.pagesPerLanguage == [.en: 3, .fr: 3])
        #expect(site.outputExists("en/get-help/shelters/index.html"))
        #expect(site.outputExists("fr/aide/shelters/index.html"))
        // The example link in the new page resolves to the section in each language.
        #expect(site.page("fr/aide/shelters/index.html").contains("href=\"/fr/aide/\""))
        #expect(HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page("fr/aide/shelters/index.html")) == ["/en/get-help/shelters/"])
    }

    @Test func aNewPageNeverOverwritesAnExistingFile() throws {
        let site = Self.site()
        site.write("Content/fr/get-help/shelters.md", "mine")
        #expect(throws: Scaffolder.Refusal.self) {
            try Scaffolder(siteRoot: site.root).newPage("get-help/shelters", today: FixtureSite.today)
        }
        #expect(site.source("Content/fr/get-help/shelters.md") == "mine")
        // Nothing was created when one of the two files exists.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/en/get-help/shelters.md").path))
    }

    @Test func creatingTheSamePageTwiceIsRefusedTheSecondTime() throws {
        let site = Self.site()
        let scaffolder = Scaffolder(siteRoot: site.root)
        _ = try scaffolder.newPage("get-help/shelters.md", today: FixtureSite.today)
        site.edit("Content/en/get-help/shelters.md", replacing: "TODO English title", with: "Shelters")
        do {
            _ = try scaffolder.newPage("get-help/shelters", today: FixtureSite.today)
            Issue.record("the second newPage should have been refused")
        } catch let refusal as Scaffolder.Refusal {
            #expect(refusal.description.contains("Content/en/get-help/shelters.md already exists"))
        }
        #expect(site.source("Content/en/get-help/shelters.md").contains("title: Shelters"))
    }

    @Test("page paths that would make bad URLs are refused", arguments: ["Get-Help/shelters", "get help", "../outside", "get-help//x", "", "écoute"])
    func badPagePaths(_ path: String) {
        let site = Self.site()
        #expect(throws: Scaffolder.Refusal.self) {
            try Scaffolder(siteRoot: site.root).newPage(path, today: FixtureSite.today)
        }
    }

    @Test func aNewSectionPageGetsTheFolderNameAsItsFrenchSlug() throws {
        let site = Self.site()
        _ = try Scaffolder(siteRoot: site.root).newPage("warning-signs/_index", today: FixtureSite.today)
        let french = site.source("Content/fr/warning-signs/_index.md")
        #expect(french.contains("\ntranslationKey: warning-signs\n"))
        #expect(french.contains("\nslug: warning-signs\n"))
    }

    @Test func aNewServiceFileIsCreatedWithItsId() throws {
        let site = Self.site()
        let file = try Scaffolder(siteRoot: site.root).newService("new-line", today: FixtureSite.today)
        #expect(file == "Content/services/new-line.yaml")
        let text = site.source(file)
        #expect(text.contains("\nid: new-line\n"))
        #expect(text.contains("\nlast_verified: 2026-11-30\n"))
    }

    @Test func aNewServiceNeverOverwritesAnExistingFile() throws {
        let site = Self.site()
        site.write("Content/services/new-line.yaml", "id: new-line\n")
        #expect(throws: Scaffolder.Refusal.self) {
            try Scaffolder(siteRoot: site.root).newService("new-line", today: FixtureSite.today)
        }
        #expect(site.source("Content/services/new-line.yaml") == "id: new-line\n")
    }

    @Test func aServiceIdThatIsNotASlugIsRefused() {
        let site = Self.site()
        #expect(throws: Scaffolder.Refusal.self) {
            try Scaffolder(siteRoot: site.root).newService("New Line", today: FixtureSite.today)
        }
    }
}
