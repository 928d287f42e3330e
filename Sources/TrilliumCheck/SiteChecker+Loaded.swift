import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPipeline
import TrilliumPlan
import TrilliumRender

extension SiteChecker {
    /// What `check` found, with the site it loaded and each page's headings and link anchors, so
    /// the editor can re-check one page as it is typed without loading everything again.
    public struct LoadedResult: Sendable {
        public var result: Result
        /// Nil when the site could not be loaded at all (no site.yaml, a broken theme).
        public var site: LoadedSite?
        /// By page index; empty when loading found errors and nothing was rendered.
        public var pageLinks: [SiteRenderer.PageLinks]
    }

    /// What `check` says about one page once it is rendered: its sources, and its reading level.
    public struct PageFindings: Sendable {
        public var diagnostics: [Diagnostic]
        public var readability: ReadabilityScore?
    }

    public func checkKeepingSite(_ options: BuildOptions) -> LoadedResult {
        var diagnostics = DiagnosticList()
        // Rendering needs a consistent plan (every page paired), so a site with loading errors stops here, as a build does.
        let loaded = SiteLoader().load(options, diagnostics: &diagnostics)
        guard let site = loaded, !diagnostics.hasErrors else {
            return LoadedResult(result: Result(diagnostics: BuildFailure(diagnostics.items).diagnostics, readability: []), site: loaded, pageLinks: [])
        }
        // Render everything so every rendering check runs; the files themselves are not kept.
        var scores: [ReadabilityScore] = []
        let apiFiles = OutputCollector(keepingPathsStartingWith: apiBaseline == nil ? nil : "api/")
        let summary = site.renderer.render(keepPlainText: true, emit: apiFiles.emit, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: apiContractDiagnostics(site, published: apiFiles.files))
        for (page, text) in summary.plainTexts {
            let findings = Self.findings(page: page, plainText: text, today: options.today)
            diagnostics.append(contentsOf: findings.diagnostics)
            if let score = findings.readability { scores.append(score) }
        }
        for service in site.services?.services ?? ServiceList([]) {
            if let warning = SourceCheck.ageWarning(service.source, reference: options.today, what: "the source of this service",
                                                    fallback: SourceLocation(file: service.sourcePath)) {
                diagnostics.append(warning)
            }
        }
        orphans(site, linkedPages: summary.linkedPages, diagnostics: &diagnostics)
        let result = Result(diagnostics: BuildFailure(diagnostics.items).diagnostics, readability: scores.sorted { $0.file < $1.file })
        return LoadedResult(result: result, site: site, pageLinks: summary.pageLinks)
    }

    /// The checks `check` runs on one rendered page's text: unsourced figures, old sources, reading level.
    public static func findings(page: Page, plainText: String, today: Day) -> PageFindings {
        var diagnostics = SourceCheck.diagnostics(page: page, plainText: plainText, today: today)
        let score = Readability.score(plainText, language: page.language, file: page.sourcePath)
        if let score, score.grade > maximumGrade {
            diagnostics.append(.warning(page.location, "reading level is about grade \(score.format(score.grade)); aim for grade 8 or lower",
                                        hint: "Use shorter sentences and everyday words."))
        }
        return PageFindings(diagnostics: diagnostics, readability: score)
    }
}
