import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// `trillium serve`: builds the site into a private folder, serves it on 127.0.0.1 only, rebuilds
/// when `Content/` or `Themes/` change and reloads open pages, until Ctrl-C.
public struct PreviewServer: Sendable {
    let options: BuildOptions
    let port: UInt16
    let pollInterval: Duration
    let console: PreviewConsole
    let mounts: [any PreviewMount]

    public init(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(300), console: PreviewConsole = .terminal,
                mounts: [any PreviewMount] = []) {
        self.options = options
        self.mounts = mounts
        self.port = port
        self.pollInterval = pollInterval
        self.console = console
    }

    public func run() async throws {
        let session = PreviewSession(options: options, port: port, pollInterval: pollInterval, console: console, mounts: mounts)
        try await session.start()
        let address = await session.siteAddress
        console.info("Serving \(options.siteRoot.path) at \(address) — press Ctrl-C to stop")
        for mount in mounts { console.info("Also at http://127.0.0.1:\(await session.port)\(mount.pathPrefix)") }
        await InterruptSignal.wait()
        console.info("Stopping…")
        await session.stop()
    }
}
