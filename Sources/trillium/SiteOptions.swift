import ArgumentParser
import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

/// Options shared by commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, which holds Content/ and optionally Themes/.", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Override site.yaml's baseURL, e.g. https://example.org/humantrafficking/.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include pages whose publishDate is in the future.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("Threads for rendering and writing (default: one per core).", valueName: "n"))
    var workers: Int?

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }

    func buildOptions(output: String?) -> BuildOptions {
        var options = BuildOptions(siteRoot: siteURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   baseURL: baseURL, drafts: drafts, future: future)
        if let workers { options.workers = max(1, workers) }
        return options
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
