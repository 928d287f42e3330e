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

/// Themes: the bundled default, a site's own copy, and the strict bilingual UI strings.
@Suite("Loading themes")
struct ThemeLoadingTests {
    @Test func theBundledDefaultThemeIsFoundAndLoadsCleanly() throws {
        let directory = try #require(DefaultThemeLocation.directory())
        var diagnostics = DiagnosticList()
        let files = try #require(ThemeLoader(bundledThemeDirectory: directory).load(directory: directory, displayPrefix: "Themes/default", name: "default", diagnostics: &diagnostics))
        let theme = try #require(Theme.compile(files, diagnostics: &diagnostics))
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        for template in ["base", "page", "section", "home", "404", "language-choice"] {
            #expect(theme.templateNames.contains(template), "the default theme has no \(template) template")
        }
        #expect(Set(theme.strings[.en].keys) == Set(theme.strings[.fr].keys))
        #expect(theme.assetPath("site.css")?.hasPrefix("/assets/site.") == true)
    }

    @Test func partialAndParentReferencesAreFound() {
        #expect(Theme.partialReferences(in: "{{> toc}} and {{<base}} but not {{#toc}} or {{name}}") == ["toc", "base"])
        #expect(Theme.partialReferences(in: "no tags") == [])
    }

    @Test func aSitesOwnThemeIsUsedInsteadOfTheBundledOne() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.edit("Themes/default/i18n/en.yaml", replacing: "skipLink: Skip to main content", with: "skipLink: Jump to the content")
        try #require(site.buildSucceeds() != nil)
        #expect(site.page("en/index.html").contains("Jump to the content"))
    }

    @Test func aThemeThatDoesNotExistIsAnError() {
        let site = FixtureSite()
        site.edit("Content/site.yaml", replacing: "paginate: 2", with: "paginate: 2\ntheme: autumn")
        let failure = site.buildFails()
        expectExactly([ExpectedDiagnostic("Content/site.yaml", line: site.line(of: "theme: autumn", in: "Content/site.yaml"), "theme `autumn` was not found")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func aUIStringMissingInEnglishNamesTheFrenchLineAndKey() {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.write("Themes/default/i18n/fr.yaml", site.source("Themes/default/i18n/fr.yaml") + "\nonlyInFrench: Seulement en français\n")
        let failure = site.buildFails()
        let line = site.line(of: "onlyInFrench:", in: "Themes/default/i18n/fr.yaml")
        expectExactly([ExpectedDiagnostic("Themes/default/i18n/fr.yaml", line: line, "UI string `onlyInFrench` has no English text")],
                      in: failure?.diagnostics ?? [])
    }

    @Test func aMissingUIStringsFileIsAnError() {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.remove("Themes/default/i18n/fr.yaml")
        let failure = site.buildFails()
        expectExactly([ExpectedDiagnostic("Themes/default/i18n/fr.yaml", line: 1, "UI strings for Français are missing")], in: failure?.diagnostics ?? [])
    }

    @Test func aLayoutThatTheThemeDoesNotHaveIsAnError() {
        let site = FixtureSite([
            "Content/en/about.md": FixtureSite.page(title: "About", description: "About us.", ["layout: wide"]),
            "Content/fr/about.md": FixtureSite.page(title: "À propos", description: "À propos de nous."),
        ])
        let failure = site.buildFails()
        expectExactly([ExpectedDiagnostic("Content/en/about.md", line: 4, "layout `wide` does not exist in the theme")], in: failure?.diagnostics ?? [])
    }
}

/// Nothing in a theme fails silently: a template, UI string or asset that rendering needs and the
/// theme lacks is an error with its file (and line when there is one), never an empty page or a key.
@Suite("Theme problems are errors")
struct ThemeProblemTests {
    @Test func aUIStringUsedInATemplateButNotDefinedIsAnErrorAtItsLine() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.edit("Themes/default/templates/page.mustache", replacing: "<h1>{{title}}</h1>", with: "<h1>{{title}}</h1>\n<p>{{t.noSuchString}}</p>")
        let failure = try #require(site.buildFails())
        let line = site.line(of: "t.noSuchString", in: "Themes/default/templates/page.mustache")
        expectExactly([ExpectedDiagnostic("Themes/default/templates/page.mustache", line: line, "UI string `noSuchString` is used here")],
                      in: failure.diagnostics)
    }

    @Test func aTemplateTheGeneratorRendersWithIsRequiredWhenTheThemeLoads() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.remove("Themes/default/templates/404.mustache")
        let failure = try #require(site.buildFails())
        expectExactly([ExpectedDiagnostic("Themes/default/templates", line: 1, "the theme has no `404` template")], in: failure.diagnostics)
    }

    @Test func directoryTemplatesAreRequiredOnlyForASiteWithServices() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.remove("Themes/default/templates/service.mustache")
        site.buildSucceeds()
        site.write("Content/services/taxonomy.yaml", ServiceFixtures.taxonomyYAML)
        site.write("Content/services/test-helpline.yaml", ServiceFixtures.serviceYAML)
        let failure = try #require(site.buildFails())
        expectExactly([ExpectedDiagnostic("Themes/default/templates", line: 1, "the theme has no `service` template")], in: failure.diagnostics)
    }

    @Test func aUIStringTheGeneratorNeedsIsAnErrorNotItsKeyOnThePage() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        // `website` is used by the renderer's code, not by a template.
        site.edit("Themes/default/i18n/en.yaml", replacing: "website: Website\n", with: "")
        site.edit("Themes/default/i18n/fr.yaml", replacing: "website: Site Web\n", with: "")
        site.write("Content/services/taxonomy.yaml", ServiceFixtures.taxonomyYAML)
        site.write("Content/services/test-helpline.yaml", ServiceFixtures.serviceYAML)
        let failure = try #require(site.buildFails())
        #expect(failure.diagnostics.contains {
            $0.severity == .error && $0.location.file == "Themes/default/i18n/en.yaml" && $0.message == "UI string `website` is missing"
        }, "\(failure.diagnostics)")
        #expect(!site.outputExists("en/services/test-helpline/index.html"), "nothing is published")
    }

    @Test func anAssetTheGeneratorLinksToIsAnError() throws {
        let site = FixtureSite()
        site.copyDefaultTheme()
        site.remove("Themes/default/assets/css/print.css")
        let failure = try #require(site.buildFails())
        #expect(failure.diagnostics.contains { $0.location.file == "Themes/default/assets" && $0.message == "the theme has no asset `print.css`" },
                "\(failure.diagnostics)")
    }

    @Test func aThemeThatExtendsAnotherChangesOnlyWhatItHolds() throws {
        let site = FixtureSite([
            "Content/site.yaml": FixtureSite.siteYAML + "\ntheme: county\n",
            "Themes/county/theme.yaml": "extends: default\n",
            "Themes/county/i18n/en.yaml": "skipLink: Jump to the content\n",
            "Themes/county/i18n/fr.yaml": "skipLink: Aller au contenu\n",
        ])
        site.buildSucceeds()
        #expect(site.page("en/index.html").contains("Jump to the content"))
        #expect(site.page("en/index.html").contains("Exit this page"), "every other string comes from the default theme")
    }

    @Test func aStringAThemeChangesInOneLanguageOnlyIsAnError() throws {
        let site = FixtureSite([
            "Content/site.yaml": FixtureSite.siteYAML + "\ntheme: county\n",
            "Themes/county/theme.yaml": "extends: default\n",
            "Themes/county/i18n/en.yaml": "# The county's wording.\nskipLink: Jump to the content\n",
        ])
        let failure = try #require(site.buildFails())
        expectExactly([ExpectedDiagnostic("Themes/county/i18n/en.yaml", line: 2, "UI string `skipLink` has no Français text")], in: failure.diagnostics)
    }

    @Test func themesThatExtendEachOtherAreAnError() throws {
        let site = FixtureSite([
            "Content/site.yaml": FixtureSite.siteYAML + "\ntheme: a\n",
            "Themes/a/theme.yaml": "# Theme a.\nextends: b\n",
            "Themes/b/theme.yaml": "# Theme b.\nextends: a\n",
        ])
        let failure = try #require(site.buildFails())
        expectExactly([ExpectedDiagnostic("Themes/b/theme.yaml", line: 2, "theme `a` extends itself (a → b → a)")], in: failure.diagnostics)
    }
}
