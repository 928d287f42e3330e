import ArgumentParser
import Foundation
import Trillium

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        The site is written to a staging folder and swapped into place only when every page built
        without errors, so a failed or interrupted build leaves the output exactly as it was.
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: DIR/Public).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        do {
            let report = try SiteBuilder().build(siteOptions.buildOptions(output: output))
            DiagnosticPrinter.print(report.warnings)
            if !quiet { print(report.summary) }
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            FileHandle.standardError.write(Data((DiagnosticPrinter.summary(failure) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
