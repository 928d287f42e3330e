import ArgumentParser
import Foundation
import TrilliumCheck
import TrilliumEditor
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve on 127.0.0.1 and rebuild when Content/ or Themes/ change; open pages reload by themselves."
    )

    @OptionGroup var site: SiteFolderOption
    @OptionGroup var baseURL: BaseURLOption
    @OptionGroup var publishing: PublishingOptions

    @Option(name: .long, help: "Port to listen on (127.0.0.1 only).")
    var port: UInt16 = 1313

    func run() async throws {
        try await PreviewServer(options: BuildOptions(site: site, baseURL: baseURL, publishing: publishing), port: port,
                                mounts: [EditorMount()]).run()
    }
}
