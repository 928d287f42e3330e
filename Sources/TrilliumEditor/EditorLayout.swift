import TrilliumModel

/// The frame every editor view shares: head, skip link, the editor's menu, the language switch.
///
/// Styles and the script are same-origin files, so the strict policy (no inline script or style)
/// holds. The session token is in every form and in a `<meta>` for the script's requests.
struct EditorLayout: Sendable {
    let text: EditorText
    let token: String
    /// This view's address with the UI language left out (`page?file=en/about.md`), for the language switch.
    let route: String

    func page(title: String, main: String, current: String? = nil) -> String {
        let ui = text.language.rawValue
        let other = text.language.other
        let menu: [(String, String)] = [
            ("", text.t("navList")), ("new", text.t("navNewPage")), ("service/new", text.t("navNewService")), ("publish", text.t("navPublish")),
        ]
        let items = menu.map { target, label in
            let href = "/_edit/\(ui)/\(target)"
            return "<li><a href=\"\(HTML.escape(href))\"\(current == target ? " aria-current=\"page\"" : "")>\(HTML.escape(label))</a></li>"
        }.joined()
        return """
        <!DOCTYPE html>
        <html lang="\(ui == "fr" ? "fr-CA" : "en-CA")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="same-origin">
        <meta name="trillium-editor-token" content="\(HTML.escape(token))">
        <title>\(HTML.escape(title)) – \(text.h("editorName"))</title>
        <link rel="stylesheet" href="/_edit/assets/editor.css">
        <script src="/_edit/assets/editor.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">\(text.h("skipLink"))</a>
        <header class="editor-header">
        <p class="editor-name"><a href="/_edit/\(ui)/">\(text.h("editorName"))</a></p>
        <nav aria-label="\(text.h("navLabel"))"><ul>\(items)</ul></nav>
        <p class="language-switch"><a href="/_edit/\(other.rawValue)/\(HTML.escape(route))" lang="\(other == .fr ? "fr-CA" : "en-CA")" hreflang="\(other == .fr ? "fr-CA" : "en-CA")">\(HTML.escape(text.strings.t("switchLanguage", other)))</a></p>
        </header>
        <main id="main" tabindex="-1">
        \(main)
        </main>
        </body>
        </html>

        """
    }

    /// The hidden token field every form that changes something carries.
    var tokenField: String { "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">" }

    /// A notice at the top of a view: `kind` is `success`, `warning` or `error`.
    static func notice(_ kind: String, _ html: String) -> String {
        "<div class=\"notice notice-\(kind)\" role=\"\(kind == "error" ? "alert" : "status")\">\(html)</div>"
    }
}
