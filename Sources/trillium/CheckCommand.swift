import ArgumentParser
import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without publishing it: everything the build checks, and more.",
        discussion: "Exits non-zero when there are errors; warnings alone exit zero."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteFolderOption
    @OptionGroup var publishing: PublishingOptions
    @OptionGroup var workers: WorkersOption

    @Option(name: .long, help: "Output format: text (path:line:col: severity: message) or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp(
        "Compare the partner API this build would publish with the last published one, and fail on a removed field, a changed type, or a removed or reused service id.",
        valueName: "DIR"))
    var apiBaseline: String?

    func run() throws {
        let baseline = apiBaseline.map { APIBaseline(folder: URL(fileURLWithPath: $0), shownAs: $0) }
        let result = SiteChecker(apiBaseline: baseline).check(BuildOptions(site: site, publishing: publishing, workers: workers))
        switch format {
        case .text:
            for diagnostic in result.diagnostics { print(diagnostic.description) }
            for score in result.readability { print(score.description) }
            print(result.summary)
        case .json:
            FileHandle.standardOutput.write(result.jsonData())
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
