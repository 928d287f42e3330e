import FlyingFox
import Foundation
import TrilliumModel
import TrilliumPreview

/// The browser editor, served by `trillium serve` at `/_edit/`.
public final class EditorMount: PreviewMount, @unchecked Sendable {
    public let pathPrefix = "/_edit/"
    // Set once in `start`, before the preview answers any request, then only read.
    private var handler: EditorRequestHandler?
    private var console: PreviewConsole = .quiet

    public init() {}

    public func start(_ context: PreviewMountContext) async throws {
        guard EditorResources.text("editor.js") != nil, EditorResources.text("editor.css") != nil else {
            throw PreviewServerError("the editor's files are missing: keep the Trillium_TrilliumEditor.resources folder beside the trillium executable")
        }
        let strings: EditorStrings
        do { strings = try EditorStrings.load() } catch { throw PreviewServerError("\(error)") }
        let session = try EditorSession(options: context.options, workspace: context.workspace)
        handler = EditorRequestHandler(session: session, strings: strings, guard: EditorRequestGuard(token: EditorRequestGuard.makeToken()),
                                       console: context.console)
        console = context.console
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let handler else { return HTTPResponse(statusCode: .serviceUnavailable) }
        return await handler.handle(request)
    }

    public func stop() async {
        guard let handler else { return }
        let kept = await handler.session.keepUnsavedOnStop()
        for path in kept { console.problem("Unsaved editor text kept in \(path)") }
    }
}
