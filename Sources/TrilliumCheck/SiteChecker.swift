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
            let items: [JSONValue] = diagnostics.map { diagnostic in
                var item: [String: JSONValue] = [
                    "file": .string(diagnostic.location.file), "line": .int(diagnostic.location.line), "column": .int(diagnostic.location.column),
                    "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
                ]
                if let hint = diagnostic.hint { item["hint"] = .string(hint) }
                return .object(item)
            }
            let scores: [JSONValue] = readability.map { score in
                var item: [String: JSONValue] = ["file": .string(score.file), "language": .string(score.language.rawValue),
                                                 "words": .int(score.words), "grade": .double((score.grade * 10).rounded() / 10)]
                if let ease = score.ease { item["kandelMolesEase"] = .double((ease * 10).rounded() / 10) }
                return .object(item)
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let document: JSONValue = ["diagnostics": .array(items), "readability": .array(scores), "errors": .int(errors),
                                       "warnings": .int(diagnostics.count - errors)]
            return JSONWriter.data(document, pretty: true, trailingNewline: true)
        }
    }

    /// Grade above which a page gets a readability warning.
    public static let maximumGrade = 8.0

    /// The last published partner API to compare this build's with (`--api-baseline`); nil to skip.
    public var apiBaseline: APIBaseline?

    public init(apiBaseline: APIBaseline? = nil) {
        self.apiBaseline = apiBaseline
    }

    public func check(_ options: BuildOptions) -> Result {
        checkKeepingSite(options).result
    }

    /// Pages that no menu, section list or link reaches. Links are the ones the render resolved,
    /// relative paths and site URLs alike, so `check` and `build` agree on what a link leads to.
    func orphans(_ site: LoadedSite, linkedPages: Set<Int>, diagnostics: inout DiagnosticList) {
        var reached: Set<String> = []
        for language in Language.allCases {
            reached.insert("/\(language.rawValue)/")
            let settings = site.config.languages[language]
            for item in settings.menu + settings.footer {
                if let target = site.plan.menuTarget(item.link, language) { reached.insert(target) }
            }
        }
        for page in site.plan.pages where page.isSection {
            for child in SiteStructure.children(of: page, in: site.plan) { reached.insert(child.urlPath) }
        }
        for index in linkedPages { reached.insert(site.plan.pages[index].urlPath) }
        for page in site.plan.pages where !reached.contains(page.urlPath) {
            diagnostics.warning(page.location, "no menu, section list or link leads to this page", hint: "Link to it from another page or add it to a menu in site.yaml.")
        }
    }
}
