import ArgumentParser
import Foundation
import TrilliumModel
import TrilliumPipeline

/// `--site DIR`: every command that reads a site.
struct SiteFolderOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, which holds Content/ and optionally Themes/.", valueName: "dir"))
    var site: String = "."

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }
}

/// `--drafts` and `--future`: which pages are published.
struct PublishingOptions: ParsableArguments {
    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include pages whose publishDate is in the future.")
    var future = false
}

/// `--base-url URL`: where the site will live, instead of site.yaml's baseURL.
struct BaseURLOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Override site.yaml's baseURL, e.g. https://example.org/help/.", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, !BaseURL.isValid(baseURL) {
            throw ValidationError("--base-url must be an absolute http or https address, such as https://www.example.org/ (got `\(baseURL)`).")
        }
    }
}

/// `--workers N`: threads for reading and rendering.
struct WorkersOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Threads for reading and rendering (default: one per core).", valueName: "n"))
    var workers: Int?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1 (got \(workers)).") }
    }
}

extension BuildOptions {
    /// Options for a command, from the option groups it has.
    init(site: SiteFolderOption, output: String? = nil, baseURL: BaseURLOption? = nil, publishing: PublishingOptions? = nil,
         workers: WorkersOption? = nil) {
        self.init(siteRoot: site.siteURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                  baseURL: baseURL?.baseURL, drafts: publishing?.drafts ?? false, future: publishing?.future ?? false)
        if let count = workers?.workers { self.workers = count }
    }
}

/// Writes diagnostics to standard error, errors and warnings alike.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func summary(_ failure: BuildFailure) -> String {
        let errors = failure.errors.count
        let warnings = failure.diagnostics.count - errors
        return "Build failed: \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""). The output folder was not changed."
    }
}
