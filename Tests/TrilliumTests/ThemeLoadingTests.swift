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
        expectExactly([ExpectedDiagnostic("Content/site.yaml", line: 1, "theme `autumn` was not found")], in: failure?.diagnostics ?? [])
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
        expectExactly([ExpectedDiagnostic("Content/en/about.md", line: 1, "layout `wide` does not exist in the theme")], in: failure?.diagnostics ?? [])
    }
}
