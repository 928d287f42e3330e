import ArgumentParser
import CJemalloc
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

@main
struct TrilliumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trillium",
        abstract: "Build a bilingual (English/French) public-information website from Markdown.",
        discussion: "A site folder holds Content/ (site.yaml, en/, fr/, services/) and optionally Themes/. Every page exists in English and French; problems are reported as path:line:col with a hint.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, NginxConfigCommand.self],
        defaultSubcommand: nil
    )
}
