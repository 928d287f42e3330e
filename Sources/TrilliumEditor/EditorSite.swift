import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPlan
import TrilliumPreview
import TrilliumRender
import TrilliumSource

/// The site as the editor last read it from disk, with drafts and scheduled pages included:
/// everything `trillium check` found, per file, and a plan every preview renders from.
struct EditorSite: Sendable {
    var snapshot: SourceSnapshot
    var checked: SiteChecker.LoadedResult
    /// The loaded plan, less pages without a twin (a page cannot render without one).
    var renderPlan: SitePlan?
    /// Problems by file (`Content/en/about.md`).
    var diagnosticsByFile: [String: [Diagnostic]]
    var readabilityByFile: [String: ReadabilityScore]
    /// Every Markdown file per language, below `Content/<lang>/`.
    var pageFiles: [Language: [String]]
    /// Every service file, below `Content/`.
    var serviceFiles: [String]

    var site: LoadedSite? { checked.site }

    /// Loads and checks the site (seconds on a large site: run it off the server's threads).
    static func load(_ options: BuildOptions) -> EditorSite {
        let snapshot = SourceSnapshot.take(siteRoot: options.siteRoot)
        let checked = SiteChecker().checkKeepingSite(options)
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in checked.result.diagnostics { byFile[diagnostic.location.file, default: []].append(diagnostic) }
        var readability: [String: ReadabilityScore] = [:]
        for score in checked.result.readability { readability[score.file] = score }
        var renderPlan = checked.site?.plan
        if let plan = renderPlan, plan.twinOf.contains(where: { $0 < 0 }) {
            let paired = plan.pages.indices.filter { plan.twinOf[$0] >= 0 }.map { plan.pages[$0] }
            var ignored = DiagnosticList()
            var replanned = SitePlanner().plan(paired, diagnostics: &ignored)
            replanned.knownPaths.formUnion(GeneratedPages.paths(plan: replanned, services: checked.site?.services))
            renderPlan = replanned.twinOf.contains(where: { $0 < 0 }) ? nil : replanned
        }
        var files: [Language: [String]] = [:]
        let fileSystem = SiteFileSystem(root: options.siteRoot)
        var ignored = DiagnosticList()
        for language in Language.allCases {
            let prefix = "Content/\(language.rawValue)/"
            files[language] = fileSystem.files(in: "Content/\(language.rawValue)", withExtension: "md", diagnostics: &ignored)
                .filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }
        let services = fileSystem.files(in: "Content/services", withExtension: "yaml", diagnostics: &ignored)
            .filter { $0 != "Content/services/taxonomy.yaml" }.map { String($0.dropFirst("Content/".count)) }
        return EditorSite(snapshot: snapshot, checked: checked, renderPlan: renderPlan, diagnosticsByFile: byFile,
                          readabilityByFile: readability, pageFiles: files, serviceFiles: services)
    }

    /// Errors and warnings of one file.
    func counts(_ sitePath: String) -> (errors: Int, warnings: Int) {
        let items = diagnosticsByFile[sitePath] ?? []
        let errors = items.filter { $0.severity == .error }.count
        return (errors, items.count - errors)
    }
}
