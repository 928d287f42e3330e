import FlyingFox
import Foundation
import TrilliumModel
import TrilliumPipeline

/// Something the preview serves under a path prefix of its own, beside the site (the editor at
/// `/_edit/`). The preview answers the Host check first, so a mount sees only requests addressed
/// to this machine; everything else (methods, tokens, origins) is the mount's to decide.
public protocol PreviewMount: Sendable {
    /// The path it answers, with slashes on both sides: `/_edit/`. The same path without its
    /// trailing slash is sent to it too.
    var pathPrefix: String { get }
    /// Called once the preview listens, before its first build.
    func start(_ context: PreviewMountContext) async throws
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Called when the preview stops, before its private folder is removed.
    func stop() async
}

/// What a mount gets from the running preview.
public struct PreviewMountContext: Sendable {
    /// The options the preview builds with (base URL set to the preview's address).
    public var options: BuildOptions
    /// The preview's private, owner-only folder; a mount keeps its files in a folder of its own inside.
    public var workspace: URL
    /// The port listened on, on 127.0.0.1.
    public var port: UInt16
    /// Where the preview reports progress and problems.
    public var console: PreviewConsole
}

extension PreviewMount {
    func answers(_ path: String) -> Bool {
        path.hasPrefix(pathPrefix) || path + "/" == pathPrefix
    }
}
