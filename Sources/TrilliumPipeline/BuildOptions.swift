import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// What to build and how.
public struct BuildOptions: Sendable {
    /// The site folder: holds `Content/` and optionally `Themes/`.
    public var siteRoot: URL
    /// Where the finished site goes; replaced atomically on success.
    public var output: URL
    /// Overrides `baseURL` from site.yaml.
    public var baseURL: String?
    /// Include pages marked `draft: true`.
    public var drafts: Bool
    /// Include pages whose `publishDate` is after today.
    public var future: Bool
    /// Today's date, passed in so builds are reproducible and testable.
    public var today: Day
    /// Threads for rendering and writing (Markdown parsing itself is serialized).
    public var workers: Int
    /// Called with each output path as it is written (for `--verbose`).
    public var onFileWritten: (@Sendable (String) -> Void)?
    /// Called now and then with pages rendered so far and the total (for a progress line).
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// For a process that ends with the build (the command line): the loaded site and what the
    /// render kept are left for the system to take back at exit instead of being taken apart,
    /// which costs a fifth of a second of one core at 10,000 pages per language.
    public var leavesMemoryToExit = false
    /// The search index counts the CPU time it takes (`BuildReport.searchSeconds`, for `--verbose`):
    /// two system calls per document, left out otherwise.
    public var timesSearch = false

    public init(siteRoot: URL, output: URL? = nil, baseURL: String? = nil, drafts: Bool = false, future: Bool = false,
                today: Day = .today(), workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot.appendingPathComponent("Public")
        self.baseURL = baseURL
        self.drafts = drafts
        self.future = future
        self.today = today
        self.workers = max(1, workers)
    }
}

extension Day {
    /// The current date in UTC (or `TRILLIUM_TODAY=YYYY-MM-DD`, for reproducible builds and tests).
    public static func today() -> Day {
        if let override = ProcessInfo.processInfo.environment["TRILLIUM_TODAY"], let day = Day(parsing: override) { return day }
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: seconds / 86_400)
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [Language: Int]
    public var filesWritten: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// CPU seconds the site search took (analyzing pages and services, writing the index),
    /// summed over threads: the most it can add to the build's wall time (0 unless
    /// `BuildOptions.timesSearch`).
    public var searchSeconds: Double = 0

    /// "Built 22 English and 22 French pages (310 files) in 0.42 s."
    public var summary: String {
        let en = pagesPerLanguage[.en] ?? 0, fr = pagesPerLanguage[.fr] ?? 0
        let warningText = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        return "Built \(en) English and \(fr) French pages (\(filesWritten) files) in \(String(format: "%.2f", seconds)) s\(warningText)."
    }
}
