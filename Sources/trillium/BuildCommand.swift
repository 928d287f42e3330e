import ArgumentParser
import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "The site is written to a staging folder and swapped into place only when every page built without errors, so a failed or interrupted build leaves the output exactly as it was. Ends with a one-line summary: pages per language and time."
    )

    @OptionGroup var site: SiteFolderOption
    @OptionGroup var baseURL: BaseURLOption
    @OptionGroup var publishing: PublishingOptions
    @OptionGroup var workers: WorkersOption

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: DIR/Public).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "List every file written, and the time the search index took.")
    var verbose = false

    func run() throws {
        var options = BuildOptions(site: site, output: output, baseURL: baseURL, publishing: publishing, workers: workers)
        options.leavesMemoryToExit = true
        if verbose && !quiet {
            options.onFileWritten = { path in print(path) }
            options.timesSearch = true
        }
        // A progress line only on a terminal, and only when not asked to be quiet.
        if !quiet && !verbose && isatty(STDERR_FILENO) == 1 {
            options.onProgress = { done, total in
                FileHandle.standardError.write(Data("\rRendering pages: \(done)/\(total)\u{1B}[K\(done == total ? "\r\u{1B}[K" : "")".utf8))
            }
        }
        do {
            let report = try SiteBuilder().build(options)
            DiagnosticPrinter.print(report.warnings)
            if !quiet { print(report.summary) }
            if verbose && !quiet { print(String(format: "Search index: %.2f s of CPU.", report.searchSeconds)) }
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            FileHandle.standardError.write(Data((DiagnosticPrinter.summary(failure) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

struct NginxConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nginx-config",
        abstract: "Print an nginx server block that serves the built site with the right HTTP headers.",
        discussion: "Reads only Content/site.yaml. The block sets the Content-Security-Policy (with frame-ancestors), Referrer-Policy, caching and CORS rules that a <meta> tag cannot."
    )

    @OptionGroup var site: SiteFolderOption
    @OptionGroup var baseURL: BaseURLOption

    @Option(name: .long, help: ArgumentHelp("The folder nginx serves (the build output).", valueName: "dir"))
    var root: String

    @Option(name: .long, help: "The listen directive's value, e.g. 80 or 127.0.0.1:8080.")
    var listen: String = "80"

    @Option(name: .long, help: "The server_name.")
    var serverName: String = "_"

    func run() throws {
        var diagnostics = DiagnosticList()
        let files = SiteFileSystem(root: site.siteURL)
        guard let text = files.readText(SiteConfigLoader.path, diagnostics: &diagnostics) else {
            DiagnosticPrinter.print(diagnostics.items)
            throw ExitCode.failure
        }
        let (parsed, problems) = SiteConfigLoader().parse(text)
        guard var config = parsed, !problems.contains(where: { $0.severity == .error }) else {
            DiagnosticPrinter.print(BuildFailure(problems).diagnostics)
            throw ExitCode.failure
        }
        if let override = baseURL.baseURL { config.baseURL = BaseURL.normalized(override) }
        let absolute = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.path
        print(HostConfiguration(config: config).nginxServer(root: absolute, listen: listen, serverName: serverName), terminator: "")
    }
}
