import FlyingFox
import Foundation
import TrilliumModel

/// The editor's responses and their headers: a strict policy for its own views, and for the
/// preview frame one that runs no script at all and puts the page in a sandbox of its own.
enum EditorResponses {
    /// The editor's views: same-origin script, style and frames only, no other site, no framing.
    static let editorPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// A rendered preview: no script, only the site's own styles and images, sandboxed (an opaque
    /// origin that cannot reach the editor), and framed only by the editor.
    static func previewPolicy(origin: String) -> String {
        "default-src 'none'; style-src \(origin); img-src \(origin) data:; font-src \(origin); base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'self'; sandbox"
    }

    /// `same-origin`: nothing is ever sent to another site, and the editor's own forms carry their
    /// `Origin` (with `no-referrer`, browsers send `Origin: null` on a form post, which the guard refuses).
    static let referrerPolicy = "same-origin"

    static func headers(type: String, policy: String = editorPolicy) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("Content-Security-Policy")] = policy
        headers[HTTPHeader("Referrer-Policy")] = referrerPolicy
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[HTTPHeader("Cross-Origin-Opener-Policy")] = "same-origin"
        headers[HTTPHeader("Cross-Origin-Resource-Policy")] = "same-origin"
        return headers
    }

    static func html(_ text: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "text/html; charset=utf-8"), body: Data(text.utf8))
    }

    static func json(_ value: EditorJSON, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "application/json; charset=utf-8"), body: JSONWriter.data(value))
    }

    static func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers(type: type), body: Data(text.utf8))
    }

    /// After a form is handled: the browser asks for `location` with GET (post/redirect/get).
    static func redirect(_ location: String) -> HTTPResponse {
        var headers = headers(type: "text/plain; charset=utf-8")
        headers[.location] = location
        return HTTPResponse(statusCode: .seeOther, headers: headers, body: Data("See \(location)\n".utf8))
    }

    static func refused(_ reason: String, status: HTTPStatusCode = .forbidden) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "text/plain; charset=utf-8"), body: Data("Refused: \(reason).\n".utf8))
    }

    static func preview(_ html: Data, origin: String) -> HTTPResponse {
        var headers = headers(type: "text/html; charset=utf-8", policy: previewPolicy(origin: origin))
        headers[HTTPHeader("Cross-Origin-Resource-Policy")] = nil
        return HTTPResponse(statusCode: .ok, headers: headers, body: html)
    }
}
typealias EditorJSON = TrilliumModel.JSONValue
