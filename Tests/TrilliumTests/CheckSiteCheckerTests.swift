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

/// `trillium check`: the build's checks (heading jumps among them) plus warnings for orphans, hard reading and sources.
@Suite("Checking a site")
struct CheckSiteCheckerTests {
    func check(_ site: FixtureSite) -> SiteChecker.Result {
        SiteChecker().check(site.options())
    }

    static let plainEnglish = """
    If you are in danger, call 911. You can also call the hotline. It is free. It is open all day and all night. \
    A person will listen to you. They will not judge you. They can help you find a safe place to stay.
    """

    static let plainFrench = """
    Si vous êtes en danger, composez le 911. Vous pouvez aussi appeler la ligne. C'est gratuit. Elle est ouverte jour et nuit. \
    Une personne vous écoute. Elle ne vous juge pas. Elle peut vous aider à trouver un lieu sûr.
    """

    static let hardEnglish = """
    The comprehensive provincial strategy consolidates multidisciplinary investigative capacity, institutionalizes \
    trauma-informed intervention methodologies across municipal jurisdictions, and substantially augments specialized \
    prosecutorial resources, notwithstanding considerable administrative complexity associated with interorganizational \
    information-sharing arrangements and evidentiary documentation requirements.
    """

    @Test func aCleanSiteHasNoDiagnosticsAndScoresEveryLongEnoughPage() {
        let site = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: Self.plainEnglish),
            "Content/fr/_index.md": FixtureSite.page(title: "Bienvenue", description: "Accueil.", body: Self.plainFrench),
        ])
        let result = check(site)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.readability.map(\.file) == ["Content/en/_index.md", "Content/fr/_index.md"])
        #expect(result.readability.allSatisfy { $0.grade <= SiteChecker.maximumGrade })
        #expect(result.summary == "0 errors, 0 warnings, 2 pages scored.")
    }

    @Test func aPageNothingLeadsToIsAnOrphanWarning() {
        let site = FixtureSite([
            "Content/en/misc/lost.md": FixtureSite.page(title: "Lost", description: "Nobody links here."),
            "Content/fr/misc/lost.md": FixtureSite.page(title: "Perdu", description: "Personne n'y mène.", ["slug: perdu"]),
            "Content/en/misc/found.md": FixtureSite.page(title: "Found", description: "The home page links here."),
            "Content/fr/misc/found.md": FixtureSite.page(title: "Trouvé", description: "L'accueil y mène.", ["slug: trouve"]),
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "See [found](misc/found.md)."),
            "Content/fr/_index.md": FixtureSite.page(title: "Bienvenue", description: "Accueil.", body: "Voyez [trouvé](misc/found.md)."),
        ])
        let result = check(site)
        expectExactly([
            ExpectedDiagnostic("Content/en/misc/lost.md", line: 1, "no menu, section list or link leads to this page", severity: .warning),
            ExpectedDiagnostic("Content/fr/misc/lost.md", line: 1, "no menu, section list or link leads to this page", severity: .warning),
        ], in: result.diagnostics, severity: .warning)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }

    @Test func aPageLinkedOnlyBySiteURLIsNotAnOrphan() {
        // The build resolves `/en/misc/found/` to the page; check must agree and not call it an orphan.
        let site = FixtureSite([
            "Content/en/misc/found.md": FixtureSite.page(title: "Found", description: "Linked by its URL."),
            "Content/fr/misc/found.md": FixtureSite.page(title: "Trouvé", description: "Liée par son adresse.", ["slug: trouve"]),
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "See [found](/en/misc/found/)."),
            "Content/fr/_index.md": FixtureSite.page(title: "Bienvenue", description: "Accueil.", body: "Voyez [trouvé](/fr/misc/trouve/#main)."),
        ])
        site.buildSucceeds()
        let result = check(site)
        #expect(!result.diagnostics.contains { $0.message.contains("no menu, section list or link") }, "\(result.diagnostics)")
    }

    @Test func pagesInAMenuOrASectionListAreNotOrphans() {
        var yaml = FixtureSite.siteYAML
        yaml = yaml.replacingOccurrences(of: "    description: A site used by the tests.",
                                         with: "    description: A site used by the tests.\n    menu:\n      - { title: Lost, link: misc/lost.md }")
        yaml = yaml.replacingOccurrences(of: "    description: Un site utilisé par les tests.",
                                         with: "    description: Un site utilisé par les tests.\n    menu:\n      - { title: Perdu, link: misc/lost.md }")
        let site = FixtureSite([
            "Content/site.yaml": yaml,
            "Content/en/misc/lost.md": FixtureSite.page(title: "Lost", description: "In the menu."),
            "Content/fr/misc/lost.md": FixtureSite.page(title: "Perdu", description: "Dans le menu."),
            "Content/en/listed.md": FixtureSite.page(title: "Listed", description: "A child of the home section."),
            "Content/fr/listed.md": FixtureSite.page(title: "Listée", description: "Enfant de l'accueil."),
        ])
        let result = check(site)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aSkippedHeadingLevelIsAWarning() {
        let site = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "## Who to call\n\n#### Hotline\n\nText.\n"),
            "Content/fr/_index.md": FixtureSite.page(title: "Bienvenue", description: "Accueil.", body: "# Un deuxième titre\n\nTexte.\n"),
        ])
        let result = check(site)
        expectExactly([
            // The heading's own line, front matter counted.
            ExpectedDiagnostic("Content/en/_index.md", line: 7, "“Hotline” jumps from level 2 to level 4", severity: .warning),
            ExpectedDiagnostic("Content/fr/_index.md", line: 5, "“Un deuxième titre” is a level-1 heading", severity: .warning),
        ], in: result.diagnostics, severity: .warning)
    }

    @Test func hardReadingIsAWarningWithTheGrade() {
        let site = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: Self.hardEnglish),
            "Content/fr/_index.md": FixtureSite.page(title: "Bienvenue", description: "Accueil.", body: Self.plainFrench),
        ])
        let result = check(site)
        expectExactly([ExpectedDiagnostic("Content/en/_index.md", line: 1, "reading level is about grade", "aim for grade 8 or lower", severity: .warning)],
                      in: result.diagnostics, severity: .warning)
        let score = result.readability.first { $0.file == "Content/en/_index.md" }
        #expect((score?.grade ?? 0) > SiteChecker.maximumGrade)
    }

    @Test(.enabled(if: CommandLineTests.executable != nil))
    func theCheckCommandExitsZeroOnWarningsAloneAndOneOnErrors() throws {
        let warnings = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: Self.hardEnglish),
        ])
        let warned = try CommandLineTests.run(["check", "--site", warnings.root.path, "--format", "json"])
        #expect(warned.status == 0, "\(warned.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(warned.output.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 0)
        #expect((report["warnings"] as? Int ?? 0) >= 1)

        let errors = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "See [nothing](nothing.md)."),
        ])
        let failed = try CommandLineTests.run(["check", "--site", errors.root.path])
        #expect(failed.status == 1)
        #expect(failed.output.contains("Content/en/_index.md:5:5: error: link to `nothing.md`, but there is no page Content/en/nothing.md"))
        #expect(failed.output.contains("1 error, "))
    }

    @Test func warningsAloneDoNotFailTheCheckButErrorsDo() throws {
        let warnings = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: Self.hardEnglish),
        ])
        let warned = check(warnings)
        #expect(!warned.diagnostics.isEmpty)
        #expect(!warned.diagnostics.contains { $0.severity == .error })
        // The same site builds: warnings do not stop a build either.
        #expect(warnings.buildSucceeds() != nil)

        let errors = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "See [nothing](nothing.md)."),
        ])
        let failed = check(errors)
        expectExactly([ExpectedDiagnostic("Content/en/_index.md", line: 5, column: 5, "there is no page Content/en/nothing.md")], in: failed.diagnostics)
        #expect(failed.summary.hasPrefix("1 error, "))
    }

    @Test func aSiteThatCannotBeLoadedReportsItsErrors() {
        let site = FixtureSite(["Content/fr/_index.md": "---\ntitle: Bienvenue\n"])
        let result = check(site)
        expectExactly([ExpectedDiagnostic("Content/fr/_index.md", line: 1, "never closed")], in: result.diagnostics)
        #expect(result.readability.isEmpty)
    }

    @Test func theJSONReportCountsErrorsAndWarnings() throws {
        let site = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "## A\n\n#### B\n\nSee [nothing](nothing.md)."),
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: check(site).jsonData()) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["file"] as? String == "Content/en/_index.md" && $0["line"] as? Int == 9 && $0["severity"] as? String == "error" })
    }

    @Test(.enabled(if: CommandLineTests.executable != nil))
    func checkingLeavesAPublishedSiteAndItsFolderExactlyAsTheyWere() throws {
        let site = FixtureSite([
            "Content/en/_index.md": FixtureSite.page(title: "Welcome", description: "Home.", body: "See [nothing](nothing.md)."),
        ])
        site.edit("Content/en/_index.md", replacing: "See [nothing](nothing.md).", with: "Welcome.")
        site.buildSucceeds()
        let before = OutputSnapshot(site.output)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.container.path).sorted()
        site.edit("Content/en/_index.md", replacing: "Welcome.", with: "See [nothing](nothing.md).")
        let result = try CommandLineTests.run(["check", "--site", site.root.path])
        #expect(result.status == 1, "the check found the broken link")
        #expect(OutputSnapshot(site.output) == before, "Public/ is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.container.path).sorted() == siblings, "no staging folder is left")
    }
}
