import Mustache
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// HTML escaping for `{{value}}` in templates: `MarkupEscaping`, registered with swift-mustache
/// in place of its own per-character escaping (an eighth of a large build's time).
struct HTMLEscaping: MustacheContentType {
    static let name = "trillium-html"
    /// Put on a line of its own before every template (a standalone tag, so it writes nothing);
    /// partials reset the content type, so each template carries it.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
