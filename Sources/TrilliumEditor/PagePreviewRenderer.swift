import Foundation
import TrilliumCheck
import TrilliumDirectory
import TrilliumModel
import TrilliumPipeline
import TrilliumPlan
import TrilliumRender
import TrilliumSource

/// Renders a page pair from unsaved text, in memory: each text is parsed, swapped into a copy of
/// the loaded plan, and only that page is rendered. Nothing is written anywhere.
///
/// The problems are the ones `trillium check` reports for these files: front matter, twins
/// (pairing, URLs, draft and publishDate agreement), links and anchors, headings, images,
/// sources and reading level.
struct PagePreviewRenderer: Sendable {
    let site: EditorSite
    let today: Day

    func preview(_ inputs: [(path: ContentPath, text: String)]) -> [PagePreview] {
        var diagnostics: [String: [Diagnostic]] = [:]
        var parsed: [(path: ContentPath, page: Page)] = []
        for input in inputs {
            guard let language = input.path.language else { continue }
            let (page, problems) = PageParser().parse(input.text, language: language, relativePath: input.path.pagePath,
                                                      sourcePath: input.path.sitePath)
            diagnostics[input.path.sitePath, default: []] += problems
            if let page { parsed.append((input.path, page)) }
        }
        var html: [String: Data] = [:]
        var scores: [String: ReadabilityScore] = [:]
        if let loaded = site.site, let basePlan = site.renderPlan {
            var found = DiagnosticList()
            var pages = basePlan.pages
            for (path, page) in parsed {
                if let index = basePlan.index(page.language, path.pagePath) { pages[index] = page } else { pages.append(page) }
            }
            var plan = SitePlanner().plan(pages, diagnostics: &found)
            plan.knownPaths.formUnion(GeneratedPages.paths(plan: plan, services: loaded.services))
            if parsed.count == 2 { found.append(contentsOf: SiteLoader().publishingAgreementProblems(parsed.map(\.page))) }
            let renderer = SiteRenderer(RenderInput(config: loaded.config, theme: loaded.theme, plan: plan, services: loaded.services),
                                        settings: RenderSettings(workers: 1))
            var links = site.checked.pageLinks
            let linksAlign = links.count == plan.pages.count
            for (path, page) in parsed {
                guard let index = plan.index(page.language, path.pagePath), plan.twinOf[index] >= 0 else { continue }
                let outcome = renderer.renderContentPage(index, keepPlainText: true)
                found.append(contentsOf: outcome.diagnostics)
                let expected = String(plan.pages[index].urlPath.dropFirst()) + "index.html"
                html[path.sitePath] = (outcome.files.first { $0.path == expected } ?? outcome.files.first)?.data
                let findings = SiteChecker.findings(page: plan.pages[index], plainText: outcome.text, today: today)
                found.append(contentsOf: findings.diagnostics)
                scores[path.sitePath] = findings.readability
                if linksAlign { links[index] = outcome.pageLinks }
            }
            if linksAlign { renderer.checkAnchors(links, diagnostics: &found) }
            found.append(contentsOf: renderer.problems)
            for diagnostic in found.items { diagnostics[diagnostic.location.file, default: []].append(diagnostic) }
        }
        return inputs.map { input in
            PagePreview(path: input.path, html: html[input.path.sitePath],
                        diagnostics: BuildFailure(diagnostics[input.path.sitePath] ?? []).diagnostics,
                        readability: scores[input.path.sitePath])
        }
    }
}
