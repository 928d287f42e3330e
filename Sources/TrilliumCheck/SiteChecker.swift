import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumPlan
import TrilliumRender

/// `trillium check`: everything the build validates, plus orphan pages and readability.
public struct SiteChecker: Sendable {
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var readability: [ReadabilityScore]

        public var summary: String {
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s"), \(readability.count) pages scored."
        }

        public func jsonData() -> Data {
            let items: [[String: Any]] = diagnostics.map { diagnostic in
                var item: [String: Any] = ["file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                                           "severity": diagnostic.severity.rawValue, "message": diagnostic.message]
                if let hint = diagnostic.hint { item["hint"] = hint }
                return item
            }
            let scores: [[String: Any]] = readability.map { score in
                var item: [String: Any] = ["file": score.file, "language": score.language.rawValue, "words": score.words, "grade": (score.grade * 10).rounded() / 10]
                if let ease = score.ease { item["kandelMolesEase"] = (ease * 10).rounded() / 10 }
                return item
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            return JSONOutput.data(["diagnostics": items, "readability": scores, "errors": errors, "warnings": diagnostics.count - errors], pretty: true)
        }
    }

    /// Grade above which a page gets a readability warning.
    public static let maximumGrade = 8.0

    public init() {}

    public func check(_ options: BuildOptions) -> Result {
        var diagnostics = DiagnosticList()
        // Rendering needs a consistent plan (every page paired), so a site with loading errors stops here, as a build does.
        guard let site = SiteLoader().load(options, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return Result(diagnostics: BuildFailure(diagnostics.items).diagnostics, readability: [])
        }
        // Render everything so every rendering check runs; the files themselves are not kept.
        var scores: [ReadabilityScore] = []
        do {
            let summary = site.renderer.render(keepPlainText: true, emit: { _ in }, diagnostics: &diagnostics)
            for (page, text) in summary.plainTexts {
                diagnostics.append(contentsOf: SourceCheck.diagnostics(page: page, plainText: text, today: options.today))
                guard let score = Readability.score(text, language: page.language, file: page.sourcePath) else { continue }
                scores.append(score)
                if score.grade > Self.maximumGrade {
                    diagnostics.warning(page.location, "reading level is about grade \(score.format(score.grade)); aim for grade 8 or lower",
                                        hint: "Use shorter sentences and everyday words.")
                }
            }
        }
        for service in site.services?.services ?? [] {
            if let warning = SourceCheck.ageWarning(service.source, reference: options.today, what: "the source of this service",
                                                    fallback: SourceLocation(file: service.sourcePath)) {
                diagnostics.append(warning)
            }
        }
        orphans(site, diagnostics: &diagnostics)
        return Result(diagnostics: BuildFailure(diagnostics.items).diagnostics, readability: scores.sorted { $0.file < $1.file })
    }

    /// Pages that no menu, section list or link reaches.
    func orphans(_ site: LoadedSite, diagnostics: inout DiagnosticList) {
        var reached: Set<String> = []
        for language in Language.allCases {
            reached.insert("/\(language.rawValue)/")
            let settings = site.config.languages[language]
            for item in settings.menu + settings.footer {
                reached.insert(item.link.hasPrefix("/") ? item.link : site.plan.page(language, item.link)?.urlPath ?? "")
            }
        }
        for page in site.plan.pages where page.isSection {
            for child in SiteStructure.children(of: page, in: site.plan) { reached.insert(child.urlPath) }
        }
        for page in site.plan.pages {
            for link in MarkdownLinkScanner.relativeTargets(page) {
                if let target = site.plan.page(page.language, link) { reached.insert(target.urlPath) }
            }
        }
        for page in site.plan.pages where !reached.contains(page.urlPath) {
            diagnostics.warning(page.location, "no menu, section list or link leads to this page", hint: "Link to it from another page or add it to a menu in site.yaml.")
        }
    }
}

/// Finds relative `.md` link targets in a page's Markdown without rendering it.
enum MarkdownLinkScanner {
    static func relativeTargets(_ page: Page) -> [String] {
        var targets: [String] = []
        var rest = page.body[...]
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            let target = rest.prefix { $0 != ")" && $0 != " " && $0 != "#" }
            guard target.hasSuffix(".md"), !target.hasPrefix("/"), !target.contains(":") else { continue }
            var parts = page.relativePath.split(separator: "/").map(String.init).dropLast()
            for component in target.split(separator: "/") {
                if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
            }
            targets.append(parts.joined(separator: "/"))
        }
        return targets
    }
}
