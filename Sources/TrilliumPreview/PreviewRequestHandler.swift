import FlyingFox
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Answers every request of the preview: the live-reload endpoints under `/__trillium/`, and the
/// built site's files, with the production host's security headers and `Cache-Control: no-store`.
struct PreviewRequestHandler: HTTPHandler {
    let files: StaticFileResolver
    let hub: LiveReloadHub
    /// Served beside the site under their own prefixes (the editor); they do their own method checks.
    var mounts: [any PreviewMount] = []
    /// Called with a file's path below the site (`en/index.html`) before it is served, so the
    /// preview can render a page an edit left for later.
    var prepare: (@Sendable (String) async -> Void)?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Another site's page could reach 127.0.0.1 through a name it controls (DNS rebinding) and
        // read unpublished drafts; only requests addressed to this machine by name are answered.
        guard Self.isLocalHost(request.headers[.host]) else {
            return plain(.forbidden, "This preview only answers requests for 127.0.0.1 or localhost.\n", path: "/")
        }
        if let mount = mounts.first(where: { $0.answers(request.target.path()) }) {
            return try await mount.handleRequest(request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = plain(.methodNotAllowed, "Only GET and HEAD are supported.\n", path: "/")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let rawPath = request.target.path()
        let response: HTTPResponse
        switch rawPath {
        case LiveReloadAssets.eventsPath where request.method == .GET:
            return await eventStream(lastEventID: request.headers[HTTPHeader("Last-Event-ID")])
        case LiveReloadAssets.eventsPath:
            response = HTTPResponse(statusCode: .ok, headers: headers(type: "text/event-stream; charset=utf-8", path: files.basePath))
        case LiveReloadAssets.scriptPath:
            response = asset(LiveReloadAssets.script ?? "", type: "text/javascript; charset=utf-8")
        case LiveReloadAssets.stylesheetPath:
            response = asset(LiveReloadAssets.stylesheet ?? "", type: "text/css; charset=utf-8")
        default:
            if let prepare, let path = files.outputPath(rawPath) { await prepare(path) }
            response = siteFile(rawPath)
        }
        return request.method == .HEAD ? Self.withoutBody(response) : response
    }

    // MARK: - The built site

    func siteFile(_ rawPath: String) -> HTTPResponse {
        switch files.resolve(rawPath) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return notFound(language: nil, path: rawPath)
            }
            return page(data, type: MediaType.forFile(named: url.lastPathComponent), status: .ok, path: rawPath)
        case .redirect(let location):
            var response = plain(.movedPermanently, "Moved to \(location)\n", path: rawPath)
            response.headers[.location] = location
            return response
        case .notFound(let language):
            return notFound(language: language, path: rawPath)
        case .refused:
            return plain(.forbidden, "Forbidden.\n", path: "/")
        }
    }

    /// The language's own 404 page when the site has one; before the first good build, a page
    /// that says so (and shows the build's problems through the live-reload script).
    func notFound(language: Language?, path: String) -> HTTPResponse {
        if let url = files.notFoundPage(for: language), let data = FileManager.default.contents(atPath: url.path) {
            return page(data, type: "text/html; charset=utf-8", status: .notFound, path: path)
        }
        guard FileManager.default.fileExists(atPath: files.root.path) else {
            return page(Data(Self.notBuiltPage.utf8), type: "text/html; charset=utf-8", status: .serviceUnavailable, path: "/")
        }
        return plain(.notFound, "Not found.\n", path: path)
    }

    func page(_ data: Data, type: String, status: HTTPStatusCode, path: String) -> HTTPResponse {
        let body = MediaType.isHTML(type) ? LiveReloadInjection.inject(into: data) : data
        return HTTPResponse(statusCode: status, headers: headers(type: type, path: path), body: body)
    }

    func plain(_ status: HTTPStatusCode, _ text: String, path: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "text/plain; charset=utf-8", path: path), body: Data(text.utf8))
    }

    // MARK: - Live reload

    func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers(type: type, path: files.basePath), body: Data(text.utf8))
    }

    func eventStream(lastEventID: String?) async -> HTTPResponse {
        let events = await hub.subscribe(lastEventID: lastEventID)
        var headers = headers(type: "text/event-stream; charset=utf-8", path: files.basePath)
        headers[.connection] = "keep-alive"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: ServerSentEventBytes(events: events)))
    }

    // MARK: - Headers

    /// The production headers for `path` (read from the build's `_headers`), then the preview's own.
    func headers(type: String, path: String) -> HTTPHeaders {
        let rulesFile = files.root.appendingPathComponent("_headers")
        let rules = (try? String(contentsOf: rulesFile, encoding: .utf8)).map(HostHeaderRules.init(parsing:)) ?? .fallback
        var headers = HTTPHeaders()
        for (name, value) in rules.headers(forPath: path) {
            headers[HTTPHeader(name)] = value
        }
        headers[.contentType] = type
        // Never cache: every reload must show the latest build.
        headers[.cacheControl] = "no-store"
        return headers
    }

    static func isLocalHost(_ host: String?) -> Bool {
        guard let host else { return true }  // HTTP/1.0 clients may omit it; they cannot be a rebinding page.
        let name: Substring
        if host.hasPrefix("[") {
            name = host.prefix { $0 != "]" }.dropFirst()
        } else {
            name = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        return ["127.0.0.1", "localhost", "::1"].contains(name.lowercased())
    }

    static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        guard case .httpBody(let body) = response.payload else { return response }
        if let count = body.count { headers[.contentLength] = String(count) }
        return HTTPResponse(version: response.version, statusCode: response.statusCode, headers: headers, body: Data())
    }

    /// Served before the first good build; the live-reload script shows why and reloads when fixed.
    static let notBuiltPage = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Trillium preview: no site yet</title>
    </head>
    <body>
    <main>
    <h1>The site has not been built yet</h1>
    <p>The preview is waiting for a build that succeeds. The problems are listed in the terminal and on this page. Fix them and save: this page reloads by itself.</p>
    </main>
    </body>
    </html>

    """
}
