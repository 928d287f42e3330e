import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// A built site kept in memory (by the preview), so an edit to a page's text re-renders only
/// that page instead of the whole site.
///
/// Other pages depend on a page only through its front matter (titles, dates, URLs in menus,
/// lists, breadcrumbs, feeds, the sitemap) and its heading ids (anchor checks); the search index
/// depends on its text too, so the page is added to the kept index again and its language's
/// index files are rewritten. So when only the Markdown body changed, re-rendering that page,
/// re-checking every anchor and rewriting the index gives exactly what a full build would. Anything else — front matter, a new or deleted file, the theme, services,
/// site.yaml — asks for a full build. Use it from one task at a time.
public final class IncrementalSite: @unchecked Sendable {
    public enum Outcome: Sendable {
        /// The pages were re-rendered and moved into the output.
        case rebuilt(pages: Int, warnings: [Diagnostic])
        /// The edit broke something; the output was not touched.
        case failed(BuildFailure)
        /// This change needs a full build (the reason says why).
        case needsFullBuild(String)
    }

    private var site: LoadedSite
    private var pageLinks: [SiteRenderer.PageLinks]
    private let search: SiteSearch

    init(site: LoadedSite, pageLinks: [SiteRenderer.PageLinks], search: SiteSearch) {
        self.site = site
        self.pageLinks = pageLinks
        self.search = search
    }

    /// Re-renders the pages at `changedPaths` (relative to the site folder) when only their text changed.
    public func rebuild(changedPaths: [String]) -> Outcome {
        guard !changedPaths.isEmpty else { return .needsFullBuild("nothing changed") }
        var updated = site
        var indices: [Int] = []
        for path in changedPaths {
            guard path.hasSuffix(".md"), let language = Language.allCases.first(where: { path.hasPrefix("Content/\($0.rawValue)/") }) else {
                return .needsFullBuild("\(path) is not a page")
            }
            let relativePath = String(path.dropFirst("Content/\(language.rawValue)/".count))
            guard let index = site.plan.index(language, relativePath) else { return .needsFullBuild("\(path) is new or not published") }
            var problems = DiagnosticList()
            guard let text = site.files.readText(path, diagnostics: &problems) else { return .needsFullBuild("\(path) could not be read") }
            let (page, parseProblems) = PageParser().parse(text, language: language, relativePath: relativePath, sourcePath: path)
            guard let page, !parseProblems.contains(where: { $0.severity == .error }) else { return .needsFullBuild("\(path) has front matter problems") }
            guard page.frontMatter == site.plan.pages[index].frontMatter else { return .needsFullBuild("the front matter of \(path) changed") }
            updated.plan.pages[index].body = page.body
            updated.plan.pages[index].bodyStartLine = page.bodyStartLine
            indices.append(index)
        }
        let writer: OutputWriter
        do { writer = try OutputWriter(output: site.options.output) } catch { return .needsFullBuild("the output folder cannot be written") }
        let renderer = updated.renderer
        var diagnostics = DiagnosticList()
        var links = pageLinks
        var searchFiles: [OutputFile] = []
        for index in indices {
            let outcome = renderer.renderContentPage(index, keepPlainText: false)
            diagnostics.append(contentsOf: outcome.diagnostics)
            let language = updated.plan.pages[index].language
            if let text = outcome.searchText, let fragment = search.update(page: index, language: language, { renderer.searchDocument(updated.plan.pages[index], text) }) {
                searchFiles.append(fragment)
            }
            for file in outcome.files {
                do { try writer.write(file.data, to: file.path) } catch {
                    diagnostics.error(SourceLocation(file: "Public/" + file.path), "could not write the file: \(error.localizedDescription)")
                }
            }
            links[index] = outcome.pageLinks
        }
        for language in Set(indices.map { updated.plan.pages[$0].language }).sorted(by: { $0.rawValue < $1.rawValue }) {
            let shards = search.shardCount(language)
            let files = search.indexFiles(language)
            // A shard file the full build would not write cannot be taken away here.
            guard files.count - 1 >= shards else {
                writer.discard()
                return .needsFullBuild("the search index of \(language.rawValue) has fewer shards")
            }
            searchFiles += files
        }
        for file in searchFiles {
            do { try writer.write(file.data, to: file.path) } catch {
                diagnostics.error(SourceLocation(file: "Public/" + file.path), "could not write the file: \(error.localizedDescription)")
            }
        }
        renderer.checkAnchors(links, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: renderer.problems)
        guard !diagnostics.hasErrors else {
            writer.discard()
            return .failed(BuildFailure(diagnostics.items))
        }
        do { try writer.commitIntoExistingOutput() } catch {
            writer.discard()
            return .needsFullBuild("the new pages could not be moved into place")
        }
        site = updated
        pageLinks = links
        return .rebuilt(pages: indices.count, warnings: BuildFailure(diagnostics.items).diagnostics)
    }
}
