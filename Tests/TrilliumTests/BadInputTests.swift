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

/// Every kind of bad input fails the build with each problem listed once at its file and line,
/// and leaves the previous output byte-for-byte as it was.
@Suite("Bad input fails the build and keeps the output")
struct BadInputTests {
    static let english = "Content/en/help.md"
    static let french = "Content/fr/help.md"

    /// A valid site with one more page pair, which the tests break.
    static func site() -> FixtureSite {
        FixtureSite([
            english: FixtureSite.page(title: "Help", description: "Where to call.", ["weight: 1"], body: """
            ## Who to call

            Call the hotline.
            """),
            french: FixtureSite.page(title: "Aide", description: "Où appeler.", ["weight: 1", "slug: aide"], body: """
            ## Qui appeler

            Appelez la ligne.
            """),
        ])
    }

    @Test func aYAMLSyntaxErrorIsReportedAtItsFileLine() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.french, replacing: "weight: 1", with: "  weight: 1") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 4, "YAML syntax error")], in: failure?.diagnostics ?? [])
    }

    @Test func anUnterminatedFrontMatterIsReportedAtItsOpeningFence() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.write(Self.french, "---\ntitle: Aide\ndescription: Où appeler.\n\nAppelez la ligne.\n") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 1, "never closed")], in: failure?.diagnostics ?? [])
    }

    @Test func wrongTypesAreReportedOnTheirLines() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.edit(Self.english, replacing: "weight: 1", with: "weight: abc\ndraft: maybe\ndate: 2020-02-30")
        }
        expectExactly([
            ExpectedDiagnostic(Self.english, line: 4, column: 9, "`weight` must be a whole number"),
            ExpectedDiagnostic(Self.english, line: 5, column: 8, "`draft` must be true or false"),
            ExpectedDiagnostic(Self.english, line: 6, column: 7, "`date` must be a date"),
        ], in: failure?.diagnostics ?? [])
    }

    @Test func anUnknownKeyIsReportedWithASuggestion() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.french, replacing: "slug: aide", with: "slgu: aide") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 5, column: 1, "unknown key `slgu`")], in: failure?.diagnostics ?? [])
        #expect(failure?.diagnostics.first?.hint == "Did you mean `slug`?")
    }

    @Test func aPageWithoutItsTwinFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.write("Content/en/extra.md", FixtureSite.page(title: "Extra", description: "Only English.")) }
        expectExactly([ExpectedDiagnostic("Content/en/extra.md", line: 1, "has no French twin")], in: failure?.diagnostics ?? [])
        #expect(failure?.diagnostics.first?.hint?.contains("Content/fr/extra.md") == true)
    }

    @Test func missingFrenchTwinOfASectionFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.write("Content/en/signs/_index.md", FixtureSite.page(title: "Signs", description: "Signs.")) }
        expectExactly([ExpectedDiagnostic("Content/en/signs/_index.md", line: 1, "has no French twin")], in: failure?.diagnostics ?? [])
    }

    @Test func twinsThatDisagreeOnDraftFailTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.english, replacing: "weight: 1", with: "weight: 1\ndraft: true") }
        // Reported where `draft:` is written: the English page's own line.
        expectExactly([ExpectedDiagnostic(Self.english, line: site.line(of: "draft: true", in: Self.english), "is a draft but its twin", Self.french)],
                      in: failure?.diagnostics ?? [])
    }

    @Test func twinsThatDisagreeOnPublishDateFailTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.french, replacing: "weight: 1", with: "weight: 1\npublishDate: 2020-01-01") }
        expectExactly([ExpectedDiagnostic(Self.french, line: site.line(of: "publishDate:", in: Self.french), "publishDate differs from its twin")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func twoPagesWithTheSameURLFailTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.write("Content/en/call.md", FixtureSite.page(title: "Call", description: "Call us.", ["slug: help"]))
            site.write("Content/fr/call.md", FixtureSite.page(title: "Appeler", description: "Appelez.", ["slug: appeler"]))
        }
        expectExactly([ExpectedDiagnostic(Self.english, line: 1, "same URL /en/help/ as Content/en/call.md")], in: failure?.diagnostics ?? [])
    }

    @Test func aTranslationKeyUsedTwiceFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.edit(Self.english, replacing: "weight: 1", with: "weight: 1\ntranslationKey: help")
            site.write("Content/en/call.md", FixtureSite.page(title: "Call", description: "Call us.", ["translationKey: help"]))
            site.write("Content/fr/call.md", FixtureSite.page(title: "Appeler", description: "Appelez.", ["slug: appeler"]))
        }
        // Reported on the line of the second page's `translationKey:`.
        expectExactly([ExpectedDiagnostic(Self.english, line: site.line(of: "translationKey: help", in: Self.english), "translationKey `help` is already used by Content/en/call.md")],
                      in: failure?.diagnostics ?? [])
    }

    @Test("a slug with a slash or dots fails the build on its line", arguments: ["aide/urgence", "..", "../aide"])
    func slugThatLeavesItsFolder(_ slug: String) {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.french, replacing: "slug: aide", with: "slug: \"\(slug)\"") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 5, column: 7, "slug `\(slug)` is not allowed")], in: failure?.diagnostics ?? [])
    }

    @Test func aLinkToAMissingPageFailsTheBuildAtTheLink() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.french, replacing: "Appelez la ligne.", with: "Appelez la ligne.\n\nVoir [les refuges](refuges.md).") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 11, column: 6, "refuges.md", "there is no page Content/fr/refuges.md")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func aServiceDescriptionThatLinksInsideTheSiteFailsTheBuildOnceAtItsLine() {
        let site = Self.site()
        site.copyFromRepository("Tests/Fixtures/services-valid/Content/services", to: "Content/services")
        let file = "Content/services/day-line.yaml"
        // Rendered for the page, the search and services.json: reported once all the same.
        let failure = site.failingBuildKeepsOutput {
            $0.edit(file, replacing: "fr: Appelez le jour.", with: "fr: Appelez le jour ou lisez [l'aide](/fr/aide/).")
        }
        expectExactly([ExpectedDiagnostic(file, line: 6, "full https:// addresses")], in: failure?.diagnostics ?? [])
    }

    @Test func aLinkToAMissingSiteURLFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.english, replacing: "Call the hotline.", with: "Call the [hotline](/en/hotline/).") }
        expectExactly([ExpectedDiagnostic(Self.english, line: 8, column: 10, "/en/hotline/", "no page of this site has that URL")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func aLinkToAMissingHeadingFailsTheBuildAtTheLink() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.edit(Self.french, replacing: "Appelez la ligne.", with: "Appelez la [ligne](help.md#qui-appeler) ou [ici](#quand-appeler).")
        }
        expectExactly([ExpectedDiagnostic(Self.french, line: 9, column: 44, "#quand-appeler", Self.french, "no such heading")],
                      in: failure?.diagnostics ?? [])
        #expect(failure?.diagnostics.first?.hint == "Its heading ids are: qui-appeler.")
    }

    @Test func aLinkToAHeadingOfAnotherLanguagesPageFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.english, replacing: "Call the hotline.", with: "Call the [hotline](help.md#qui-appeler).") }
        expectExactly([ExpectedDiagnostic(Self.english, line: 8, "#qui-appeler", "no such heading")], in: failure?.diagnostics ?? [])
    }

    @Test func aScriptLinkFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.english, replacing: "Call the hotline.", with: "Call the [hotline](javascript:alert(1)).") }
        expectExactly([ExpectedDiagnostic(Self.english, line: 8, column: 10, "javascript:alert(1)", "is not allowed")], in: failure?.diagnostics ?? [])
    }

    @Test func anImageWithoutAlternativeTextFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.edit(Self.english, replacing: "Call the hotline.", with: "Call the hotline.\n\n![](/en/)") }
        expectExactly([ExpectedDiagnostic(Self.english, line: 10, column: 1, "no alternative text")], in: failure?.diagnostics ?? [])
    }

    @Test func aMenuLinkToAMissingPageFailsTheBuildAtItsLine() {
        let site = Self.site()
        let config = "Content/site.yaml"
        let failure = site.failingBuildKeepsOutput { site in
            site.edit(config, replacing: "    description: A site used by the tests.",
                      with: "    description: A site used by the tests.\n    menu:\n      - { title: Help, link: help.md }\n      - { title: Shelters, link: shelters.md }")
            site.edit(config, replacing: "    description: Un site utilisé par les tests.",
                      with: "    description: Un site utilisé par les tests.\n    footer:\n      - { title: Aide, link: help.md }\n      - { title: Services, link: /fr/services/ }")
        }
        expectExactly([
            ExpectedDiagnostic(config, line: site.line(of: "link: shelters.md", in: config), "shelters.md"),
            ExpectedDiagnostic(config, line: site.line(of: "link: /fr/services/", in: config), "/fr/services/"),
        ], in: failure?.diagnostics ?? [])
    }

    @Test func aMustacheSyntaxErrorInTheSitesThemeNamesTheTemplateAndLine() throws {
        let site = Self.site()
        let template = "Themes/default/templates/page.mustache"
        let failure = site.failingBuildKeepsOutput { site in
            site.copyDefaultTheme()
            site.edit(template, replacing: "{{>toc}}", with: "{{>toc}}\n{{#published}}\n{{/title}}")
        }
        let line = site.line(of: "{{/title}}", in: template)
        #expect(line > 1)
        expectExactly([ExpectedDiagnostic(template, line: line, "template syntax error")], in: failure?.diagnostics ?? [])
    }

    @Test func aPartialThatDoesNotExistNamesTheTemplateAndLine() throws {
        let site = Self.site()
        let template = "Themes/default/templates/page.mustache"
        let failure = site.failingBuildKeepsOutput { site in
            site.copyDefaultTheme()
            site.edit(template, replacing: "{{>toc}}", with: "{{>table-of-contents}}")
        }
        let line = site.line(of: "{{>table-of-contents}}", in: template)
        expectExactly([ExpectedDiagnostic(template, line: line, "template `table-of-contents` is used here but does not exist")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func aUIStringMissingInFrenchNamesTheEnglishLineAndKey() throws {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.copyDefaultTheme()
            let french = site.source("Themes/default/i18n/fr.yaml").split(separator: "\n", omittingEmptySubsequences: false)
            site.write("Themes/default/i18n/fr.yaml", french.filter { !$0.hasPrefix("tocLabel:") }.joined(separator: "\n"))
        }
        let line = site.line(of: "tocLabel:", in: "Themes/default/i18n/en.yaml")
        #expect(line > 1)
        expectExactly([ExpectedDiagnostic("Themes/default/i18n/en.yaml", line: line, "UI string `tocLabel` has no Français text")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            var bytes = Data(site.source(Self.french).utf8)
            // Line 9 is "Appelez la ligne."; put a lone 0xFF after "Ap".
            let lineStart = site.source(Self.french).split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map { $0.utf8.count + 1 }.reduce(0, +)
            bytes.insert(0xFF, at: lineStart + 2)
            site.write(Self.french, data: bytes)
        }
        expectExactly([ExpectedDiagnostic(Self.french, line: 9, column: 3, "not valid UTF-8")], in: failure?.diagnostics ?? [])
    }

    @Test func invalidUTF8AfterAccentsCountsColumnsInBytes() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            // "Où" is 3 bytes, so the bad byte is byte 4 of line 3.
            site.write(Self.french, data: Data("---\ntitle: Aide\nOù".utf8) + Data([0xC3, 0x28]) + Data("\n---\n".utf8))
        }
        expectExactly([ExpectedDiagnostic(Self.french, line: 3, column: 4, "not valid UTF-8")], in: failure?.diagnostics ?? [])
    }

    @Test func anEmptyFileFailsTheBuild() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { $0.write(Self.french, "") }
        expectExactly([ExpectedDiagnostic(Self.french, line: 1, "the file is empty")], in: failure?.diagnostics ?? [])
    }

    @Test func aByteOrderMarkAndCRLFLineEndingsAreAccepted() throws {
        let site = Self.site()
        let text = "\u{FEFF}" + site.source(Self.french).replacingOccurrences(of: "\n", with: "\r\n")
        site.write(Self.french, text)
        site.write("Content/site.yaml", "\u{FEFF}" + FixtureSite.siteYAML.replacingOccurrences(of: "\n", with: "\r\n"))
        let report = try #require(site.buildSucceeds())
        #expect(report.warnings.isEmpty)
        let html = site.page("fr/aide/index.html")
        #expect(html.contains("<h2 id=\"qui-appeler\">Qui appeler</h2>"))
        #expect(!html.contains("\r"))
        #expect(!html.contains("\u{FEFF}"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aVeryLargeFileIsRefusedQuickly() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        let before = OutputSnapshot(site.output)
        let line = Data("Trafficking thrives in silence; this line only makes the file large.\n".utf8)
        var big = Data("---\ntitle: Big\ndescription: Too big.\n---\n".utf8)
        while big.count < 50 * 1_048_576 { big.append(line) }
        site.write("Content/en/big.md", data: big)
        site.write("Content/fr/big.md", FixtureSite.page(title: "Gros", description: "Trop gros."))
        let start = Date()
        let failure = site.buildFails()
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 10, "refusing a 50 MB file took \(seconds) s")
        expectExactly([ExpectedDiagnostic("Content/en/big.md", line: 1, "too large")], in: failure?.diagnostics ?? [])
        #expect(OutputSnapshot(site.output) == before)
    }

    @Test func aSymlinkInContentThatPointsOutsideIsRefused() throws {
        let site = Self.site()
        let outside = site.container.appendingPathComponent("secret.md")
        try Data(FixtureSite.page(title: "Secret", description: "Outside.").utf8).write(to: outside)
        let failure = site.failingBuildKeepsOutput { site in
            do {
                try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/en/secret.md"), withDestinationURL: outside)
            } catch {
                Issue.record("could not make a symlink: \(error)")
            }
            site.write("Content/fr/secret.md", FixtureSite.page(title: "Secret", description: "Dehors."))
        }
        expectContains(ExpectedDiagnostic("Content/en/secret.md", line: 1, "symbolic link points outside `Content/en/`"), in: failure?.diagnostics ?? [])
        // The refused link is the one problem: its French twin is not reported as missing a twin too.
        expectExactly([
            ExpectedDiagnostic("Content/en/secret.md", line: 1, "symbolic link points outside"),
        ], in: failure?.diagnostics ?? [])
    }

    @Test func severalProblemsInOneRunAreAllListedOnce() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.edit(Self.english, replacing: "weight: 1", with: "weight: heavy")
            site.edit(Self.french, replacing: "slug: aide", with: "slug: Aide")
            site.write("Content/en/extra.md", FixtureSite.page(title: "Extra", description: "Only English."))
            site.write("Content/fr/broken.md", "---\ntitle: Cassé\ndescription: \"pas fermé\n---\nTexte.\n")
            site.write("Content/fr/empty.md", "")
            site.write("Content/en/empty.md", FixtureSite.page(title: "Empty", description: "Its twin is empty.", ["colour: red"]))
            site.write("Content/en/bytes.md", data: Data("---\ntitle: B".utf8) + Data([0xFE]) + Data("\n---\n".utf8))
        }
        let diagnostics = failure?.diagnostics ?? []
        let broken = diagnostics.first { $0.location.file == "Content/fr/broken.md" }
        expectExactly([
            ExpectedDiagnostic(Self.english, line: 4, "`weight` must be a whole number"),
            ExpectedDiagnostic(Self.french, line: 5, "slug `Aide` is not allowed"),
            ExpectedDiagnostic("Content/en/extra.md", line: 1, "has no French twin"),
            ExpectedDiagnostic("Content/fr/broken.md", line: broken?.location.line ?? 0, "YAML syntax error"),
            ExpectedDiagnostic("Content/fr/empty.md", line: 1, "the file is empty"),
            ExpectedDiagnostic("Content/en/empty.md", line: 4, "unknown key `colour`"),
            ExpectedDiagnostic("Content/en/bytes.md", line: 2, column: 9, "not valid UTF-8"),
        ], in: diagnostics)
        #expect((broken?.location.line ?? 0) >= 3)
        // Sorted by file, then line, so the list reads top to bottom.
        #expect(diagnostics.map(\.location) == diagnostics.map(\.location).sorted())
    }

    @Test func aBrokenSiteConfigIsReportedOnItsLine() {
        let site = Self.site()
        let failure = site.failingBuildKeepsOutput { site in
            site.edit("Content/site.yaml", replacing: "paginate: 2", with: "paginate: two")
            site.edit("Content/site.yaml", replacing: "hotline: 1-833-900-1010", with: "hotline: 1-833-FEM-AIDE")
        }
        let config = "Content/site.yaml"
        expectExactly([
            ExpectedDiagnostic(config, line: site.line(of: "paginate:", in: config), "`paginate` must be a whole number"),
            ExpectedDiagnostic(config, line: site.line(of: "hotline: 1-833", in: config), "`1-833-FEM-AIDE` is not a phone number"),
        ], in: failure?.diagnostics ?? [])
    }
}
