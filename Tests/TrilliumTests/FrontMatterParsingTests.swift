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

/// `PageParser`: front matter keys, types and slugs, each problem located on its own line.
@Suite("Front matter parsing")
struct FrontMatterParsingTests {
    static let file = "Content/fr/aide.md"

    func parse(_ text: String) -> (page: Page?, diagnostics: [Diagnostic]) {
        PageParser().parse(text, language: .fr, relativePath: "aide.md", sourcePath: Self.file)
    }

    func errors(_ lines: [String], body: String = "Texte.") -> [Diagnostic] {
        let result = parse((lines + [body]).joined(separator: "\n"))
        #expect(result.page == nil, "a page with errors must not be returned")
        return result.diagnostics
    }

    @Test func aCompletePageKeepsEveryField() throws {
        let text = """
        ---
        title: Obtenir de l'aide
        description: Où appeler.
        translationKey: get-help
        slug: aide
        date: 2020-03-06
        lastmod: 2020-03-07
        publishDate: 2020-03-06T09:00:00
        draft: false
        weight: 3
        layout: page
        ---
        Le texte.
        """
        let (page, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let matter = try #require(page).frontMatter
        #expect(matter == FrontMatter(title: "Obtenir de l'aide", description: "Où appeler.", translationKey: "get-help", slug: "aide",
                                      date: Day(year: 2020, month: 3, day: 6), lastmod: Day(year: 2020, month: 3, day: 7),
                                      publishDate: Day(year: 2020, month: 3, day: 6), draft: false, weight: 3, layout: "page"))
        #expect(page?.body == "Le texte.")
        #expect(page?.bodyStartLine == 13)
    }

    @Test func aMissingTitleIsAnErrorAtTheFrontMatter() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 2, "missing required key `title`")],
                      in: errors(["---", "description: Où appeler.", "---"]))
    }

    @Test func aMissingDescriptionIsAnErrorAtTheFrontMatter() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 2, "missing required key `description`")],
                      in: errors(["---", "title: Aide", "---"]))
    }

    @Test func anUnknownKeyIsAnErrorWithADidYouMeanHint() throws {
        let diagnostics = errors(["---", "title: Aide", "description: Où appeler.", "wieght: 3", "---"])
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, column: 1, "unknown key `wieght`")], in: diagnostics)
        #expect(diagnostics.first?.hint == "Did you mean `weight`?")
    }

    @Test func anUnknownKeyFarFromAnyKnownKeyListsTheAllowedKeys() throws {
        let diagnostics = errors(["---", "title: Aide", "description: Où appeler.", "colour: red", "---"])
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, "unknown key `colour`")], in: diagnostics)
        #expect(diagnostics.first?.hint?.contains("Allowed keys: title, description") == true)
    }

    @Test func aWeightThatIsNotANumberIsAnErrorOnItsLine() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, column: 9, "`weight` must be a whole number")],
                      in: errors(["---", "title: Aide", "description: Où appeler.", "weight: abc", "---"]))
    }

    @Test func aDraftThatIsNotTrueOrFalseIsAnErrorOnItsLine() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 5, column: 8, "`draft` must be true or false")],
                      in: errors(["---", "title: Aide", "description: Où appeler.", "weight: 2", "draft: maybe", "---"]))
    }

    @Test("a date that is not a real YYYY-MM-DD date is an error on its line",
          arguments: ["2020-13-01", "2020-02-30", "6 mars 2020", "2020/03/06", "soon"])
    func badDate(_ value: String) {
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, "`date` must be a date written YYYY-MM-DD")],
                      in: errors(["---", "title: Aide", "description: Où appeler.", "date: \(value)", "---"]))
    }

    @Test("a slug that is not lowercase ASCII with single hyphens is refused",
          arguments: ["a/b", "..", "../aide", "Aide", "écoute", "deux mots", "a--b", "-aide", "aide-"])
    func badSlug(_ slug: String) throws {
        let diagnostics = errors(["---", "title: Aide", "description: Où appeler.", "slug: \"\(slug)\"", "---"])
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, column: 7, "slug `\(slug)` is not allowed")], in: diagnostics)
        #expect(diagnostics.first?.hint?.contains("lowercase letters a–z") == true)
    }

    @Test func aTranslationKeyWithCapitalsIsRefused() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, "translationKey `Get-Help` is not allowed")],
                      in: errors(["---", "title: Aide", "description: Où appeler.", "translationKey: Get-Help", "---"]))
    }

    @Test func aTitleThatIsAListIsAnError() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 2, "`title` must be text")],
                      in: errors(["---", "title: [a, b]", "description: Où appeler.", "---"]))
    }

    @Test func everyProblemOfOneFrontMatterIsReported() {
        let diagnostics = errors(["---", "title: Aide", "description: Où appeler.", "weight: abc", "draft: maybe", "slug: A/B", "tags: x", "---"])
        expectExactly([
            ExpectedDiagnostic(Self.file, line: 4, "`weight` must be a whole number"),
            ExpectedDiagnostic(Self.file, line: 5, "`draft` must be true or false"),
            ExpectedDiagnostic(Self.file, line: 6, "slug `A/B` is not allowed"),
            ExpectedDiagnostic(Self.file, line: 7, "unknown key `tags`"),
        ], in: diagnostics)
    }

    @Test func aYAMLSyntaxErrorReportsTheLineOfTheFileCountingTheFence() {
        // YAML line 3 is file line 4 because the `---` fence is line 1.
        let diagnostics = errors(["---", "title: Aide", "description: Où appeler.", "  weight: 2", "---"])
        expectExactly([ExpectedDiagnostic(Self.file, line: 4, "YAML syntax error")], in: diagnostics)
    }

    @Test func aYAMLSyntaxErrorAfterBlankLinesStillReportsTheRealLine() {
        let diagnostics = errors(["", "", "---", "title: \"Aide", "description: Où appeler.", "---"])
        let error = diagnostics.first
        #expect(diagnostics.count == 1)
        #expect(error?.message.contains("YAML syntax error") == true)
        // The unclosed quote opens on file line 4; libyaml reports where it gave up, which is after it.
        #expect((error?.location.line ?? 0) >= 4)
        #expect((error?.location.line ?? 99) <= 6)
    }

    @Test func anEmptyFileIsAnError() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 1, "the file is empty")], in: parse("").diagnostics)
        expectExactly([ExpectedDiagnostic(Self.file, line: 1, "the file is empty")], in: parse(" \n\n\t\n").diagnostics)
    }

    @Test func aFileWithoutFrontMatterIsAnError() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 1, "has no front matter")], in: parse("# Aide\n\nTexte.\n").diagnostics)
    }

    @Test func anUnterminatedFrontMatterIsAnErrorAtItsOpeningFence() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 2, "front matter opened here is never closed")],
                      in: parse("\n---\ntitle: Aide\ndescription: Où appeler.\n\nTexte.\n").diagnostics)
    }

    @Test func anEmptyFrontMatterIsAnError() {
        let diagnostics = parse("---\n---\nTexte.\n").diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("empty") == true)
        #expect(diagnostics.first?.location.file == Self.file)
    }

    @Test func aFrontMatterThatIsAListIsAnError() {
        expectExactly([ExpectedDiagnostic(Self.file, line: 2, "must be a mapping")], in: parse("---\n- title\n- description\n---\nTexte.\n").diagnostics)
    }

    @Test func aByteOrderMarkAndCRLFAreAccepted() throws {
        let (page, diagnostics) = parse("\u{FEFF}---\r\ntitle: Aide\r\ndescription: Où appeler.\r\n---\r\nTexte.\r\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.frontMatter.title == "Aide")
        #expect(page?.body == "Texte.\n")
        #expect(page?.bodyStartLine == 5)
    }
}
