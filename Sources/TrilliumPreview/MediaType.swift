import TrilliumModel
import TrilliumRender
import TrilliumPipeline

/// The `Content-Type` the preview sends for a file, chosen by its extension like the production host does.
enum MediaType {
    /// The media type for a file name; unknown kinds are sent as opaque bytes so browsers never guess.
    static func forFile(named name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return opaque }
        return types[name[name.index(after: dot)...].lowercased()] ?? opaque
    }

    /// Whether the injector should add the live-reload script to this file.
    static func isHTML(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("text/html")
    }

    private static let opaque = "application/octet-stream"

    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "pdf": "application/pdf",
    ]
}
