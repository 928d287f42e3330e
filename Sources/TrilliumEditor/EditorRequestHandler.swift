import FlyingFox
import Foundation
import TrilliumModel
import TrilliumPreview

/// Answers every request under `/_edit/`: views with GET, changes with POST (token and origin
/// checked first), the preview frame, and the editor's own script and stylesheet.
struct EditorRequestHandler: Sendable {
    let session: EditorSession
    let strings: EditorStrings
    let `guard`: EditorRequestGuard
    let console: PreviewConsole

    /// Largest request body accepted: a page pair's text with room to spare.
    static let maximumBody = 4 * 1024 * 1024

    /// A request as the views and actions see it.
    struct Context: Sendable {
        var ui: Language
        /// The path after `/_edit/<ui>/`: `page`, `service/new`, `` for the list.
        var route: String
        var query: FormFields
        var form: FormFields
        var isPost: Bool
        var host: String
    }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.target.path()
        let query = FormFields(encoded: request.target.query(percentEncoded: true))
        let isPost = request.method == .POST
        guard request.method == .GET || request.method == .HEAD || isPost else {
            var response = EditorResponses.refused("only GET, HEAD and POST are used here", status: .methodNotAllowed)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD, POST"
            return response
        }
        var form = FormFields()
        if isPost {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBody {
                return EditorResponses.refused("the request is too large", status: .payloadTooLarge)
            }
            let body = (try? await request.bodyData) ?? Data()
            guard body.count <= Self.maximumBody else { return EditorResponses.refused("the request is too large", status: .payloadTooLarge) }
            form = FormFields(encoded: String(decoding: body, as: UTF8.self))
            if let reason = self.guard.refusal(request, form: form) {
                console.problem("Editor: refused \(path): \(reason)")
                return EditorResponses.refused(reason)
            }
        }
        let host = request.headers[.host] ?? "127.0.0.1"
        switch path {
        case "/_edit", "/_edit/":
            return EditorResponses.redirect("/_edit/en/")
        case "/_edit/assets/editor.js":
            return EditorResponses.asset(EditorResources.text("editor.js") ?? "", type: "text/javascript; charset=utf-8")
        case "/_edit/assets/editor.css":
            return EditorResponses.asset(EditorResources.text("editor.css") ?? "", type: "text/css; charset=utf-8")
        case "/_edit/render":
            guard let file = query["file"], let contentPath = ContentPath(file), contentPath.language != nil else {
                return EditorResponses.refused("the path is not a page below Content/", status: .forbidden)
            }
            guard let html = await session.renderedPage(contentPath) else {
                return EditorResponses.html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview</title></head><body><p>No preview: fix the errors shown beside the fields.</p></body></html>")
            }
            return EditorResponses.preview(html, origin: "http://" + host)
        case "/_edit/api/preview" where isPost:
            return await previewJSON(form: form)
        case "/_edit/api/service-check" where isPost:
            return await serviceCheckJSON(form: form)
        default:
            break
        }
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        // ["", "_edit", "en/route"]
        guard parts.count == 3, parts[1] == "_edit" else { return notFound() }
        let rest = parts[2]
        let uiName = rest.prefix { $0 != "/" }
        guard let ui = Language(rawValue: String(uiName)) else { return notFound() }
        guard rest.count > uiName.count else { return EditorResponses.redirect("/_edit/\(ui.rawValue)/") }
        let route = String(rest.dropFirst(uiName.count + 1))
        let context = Context(ui: ui, route: route, query: query, form: form, isPost: isPost, host: host)
        let response: HTTPResponse
        switch route {
        case "": response = await list(context)
        case "page": response = await pagePair(context)
        case "conflict": response = await conflict(context)
        case "new": response = await newPage(context)
        case "service", "service/new": response = await service(context)
        case "publish": response = await publish(context)
        default: response = notFound()
        }
        if request.method == .HEAD {
            return HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
        }
        return response
    }

    func text(_ ui: Language) -> EditorText { EditorText(strings: strings, language: ui) }

    func layout(_ context: Context) -> EditorLayout {
        var route = context.route
        let query = context.query.pairs.filter { $0.name != "saved" }
        if !query.isEmpty { route += "?" + FormFields.query(query.map { ($0.name, $0.value) }) }
        return EditorLayout(text: text(context.ui), token: self.guard.token, route: route)
    }

    func notFound() -> HTTPResponse {
        EditorResponses.refused("there is nothing here", status: .notFound)
    }

    // MARK: - The list

    func list(_ context: Context) async -> HTTPResponse {
        let inventory = await session.inventory()
        let site = await session.site()
        let siteProblems = site.site == nil ? site.checked.result.diagnostics.filter { $0.severity == .error } : []
        let state = InventoryView.states.contains(context.query["state"] ?? "") ? context.query["state"] ?? "all" : "all"
        return EditorResponses.html(InventoryView(layout: layout(context), inventory: inventory, query: context.query.trimmed("q"),
                                                  state: state, siteProblems: siteProblems).render())
    }
}
