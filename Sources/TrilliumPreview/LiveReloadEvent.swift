import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// A message from the preview server to open pages, in server-sent events format.
///
/// Good builds carry an `id:`, so a page that reconnects (after a network hiccup or a restart of
/// `trillium serve`) sends it back as `Last-Event-ID` and learns whether it missed a rebuild.
enum LiveReloadEvent: Sendable, Equatable {
    /// The page shows the current good build; any error overlay can go.
    case ready(build: String)
    /// A newer good build is being served: reload.
    case reload(build: String)
    /// The last change broke the build; the previous good build is still served.
    case failure([Diagnostic])
    /// A comment line that keeps idle connections open and finds closed ones.
    case keepAlive

    /// Sent first on every connection: how soon the browser should reconnect when it loses the stream.
    static let retryPreamble = "retry: 1000\n\n"

    var text: String {
        switch self {
        case .ready(let build):
            return "id: \(build)\nevent: ready\ndata: \(Self.json(BuildPayload(build: build)))\n\n"
        case .reload(let build):
            return "id: \(build)\nevent: reload\ndata: \(Self.json(BuildPayload(build: build)))\n\n"
        case .failure(let diagnostics):
            return "event: failure\ndata: \(Self.json(FailurePayload(diagnostics: diagnostics.map(DiagnosticPayload.init))))\n\n"
        case .keepAlive:
            return ": keep-alive\n\n"
        }
    }

    private struct BuildPayload: Encodable {
        var build: String
    }

    private struct FailurePayload: Encodable {
        var diagnostics: [DiagnosticPayload]
    }

    private struct DiagnosticPayload: Encodable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        /// `Content/en/about.md:3:1`, as the terminal shows it.
        var location: String
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            location = diagnostic.location.description
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    /// One-line JSON (newlines inside strings are escaped), as a `data:` field needs.
    private static func json(_ value: some Encodable) -> String {
        String(decoding: DeterministicJSON.encode(value), as: UTF8.self)
    }
}
