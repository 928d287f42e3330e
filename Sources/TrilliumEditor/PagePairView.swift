import TrilliumModel

/// A page pair side by side: for each language the front matter as labelled fields, the text,
/// the problems at their fields and lines, the reading level and the rendered preview.
struct PagePairView: Sendable {
    struct Side: Sendable {
        var language: Language
        var path: ContentPath?
        var text: String
        var base: String
        /// The text comes from an unsaved draft kept by the preview.
        var restored: Bool
        /// The file changed on disk since the draft was opened.
        var changedOnDisk: Bool
        var preview: PagePreview?
    }

    let layout: EditorLayout
    let key: ContentPath
    let sides: [Side]
    let notice: String?

    var text: EditorText { layout.text }

    func render() -> String {
        let ui = text.language.rawValue
        let titles = sides.compactMap { side in side.path == nil ? nil : PageForm(text: side.text).values["title"] }
        let heading = titles.isEmpty ? key.pagePath : titles.joined(separator: " / ")
        let action = "/_edit/\(ui)/page?" + FormFields.query([("file", key.relative)])
        var main = "<h1>\(text.h("pageTitle", ["title": heading]))</h1>"
        if let notice { main += notice }
        for side in sides where side.changedOnDisk {
            if let path = side.path {
                let href = "/_edit/\(ui)/conflict?" + FormFields.query([("file", path.relative)])
                main += EditorLayout.notice("warning", "<p>\(text.h("changedOnDisk", ["file": path.sitePath])) <a href=\"\(HTML.escape(href))\">\(text.h("resolveConflict"))</a></p>")
            }
        }
        if sides.contains(where: \.restored) {
            main += EditorLayout.notice("warning", "<p>\(text.h("restoredDraft"))</p>")
        }
        main += "<form class=\"pair-form\" method=\"post\" action=\"\(HTML.escape(action))\" data-preview=\"/_edit/api/preview\" novalidate>"
        main += layout.tokenField
        main += "<input type=\"hidden\" name=\"file\" value=\"\(HTML.escape(key.relative))\">"
        main += "<div class=\"pair\">"
        for side in sides { main += column(side) }
        main += "</div>"
        main += """
        <div class="actions">
        <button type="submit" name="action" value="save" class="primary">\(text.h("saveBoth"))</button>
        <button type="submit" name="action" value="preview">\(text.h("updatePreview"))</button>
        <button type="submit" name="action" value="discard" class="secondary">\(text.h("discard"))</button>
        </div>
        <p id="preview-status" class="status" role="status" aria-live="polite"></p>
        </form>
        """
        return layout.page(title: text.t("pageTitle", ["title": heading]), main: main)
    }

    func column(_ side: Side) -> String {
        let lang = side.language.rawValue
        let name = text.languageName(side.language)
        var html = "<section class=\"language-column\" aria-labelledby=\"\(lang)-heading\">"
        guard let path = side.path else {
            html += "<h2 id=\"\(lang)-heading\">\(HTML.escape(name))</h2>"
            html += "<p class=\"missing\">\(text.h("noTwin", ["language": name]))</p></section>"
            return html
        }
        let contentLang = side.language == .fr ? "fr-CA" : "en-CA"
        let form = PageForm(text: side.text)
        let messages = side.preview.map { FieldMessage.forPage($0.diagnostics, text: side.text, language: side.language) } ?? []
        html += "<h2 id=\"\(lang)-heading\">\(HTML.escape(name)) <span class=\"file\"><code>\(HTML.escape(path.sitePath))</code></span></h2>"
        html += "<input type=\"hidden\" name=\"\(lang)-path\" value=\"\(HTML.escape(path.relative))\">"
        html += "<input type=\"hidden\" name=\"\(lang)-base\" value=\"\(HTML.escape(side.base))\">"
        html += FieldMessage.list("\(lang)-page", messages, text: text)
        html += "<p class=\"readability\" id=\"\(lang)-readability\">\(HTML.escape(FieldMessage.readability(side.preview?.readability, text: text)))</p>"

        html += "<fieldset class=\"settings\"><legend>\(text.h("pageSettings"))</legend>"
        for key in ["title", "description", "slug", "date", "lastmod", "publishDate", "weight"] {
            html += input(lang: lang, key: key, value: form.values[key] ?? "", messages: messages, contentLang: ["title", "description", "slug"].contains(key) ? contentLang : nil)
        }
        let draftID = "\(lang)-draft"
        html += "<div class=\"field checkbox\"><input type=\"checkbox\" id=\"\(draftID)\" name=\"\(draftID)\" value=\"true\"\(form.draft ? " checked" : "") aria-describedby=\"\(draftID)-hint \(draftID)-messages\">"
        html += "<label for=\"\(draftID)\">\(text.h("field-draft"))</label><p class=\"hint\" id=\"\(draftID)-hint\">\(text.h("hint-draft"))</p>\(FieldMessage.list(draftID, messages, text: text))</div>"
        html += "</fieldset>"

        html += "<fieldset class=\"sources\" aria-describedby=\"\(lang)-sources-hint \(lang)-sources-messages\"><legend>\(text.h("field-sources"))</legend>"
        html += "<p class=\"hint\" id=\"\(lang)-sources-hint\">\(text.h("hint-sources"))</p>\(FieldMessage.list("\(lang)-sources", messages, text: text))"
        for (index, source) in (form.sources + [PageForm.Source()]).enumerated() {
            html += "<div class=\"source-row\"><p class=\"row-label\">\(text.h("sourceNumber", ["number": String(index + 1)]))</p>"
            for (field, value) in [("title", source.title), ("url", source.url), ("date", source.date)] {
                let id = "\(lang)-source-\(index)-\(field)"
                html += "<div class=\"field\"><label for=\"\(id)\">\(text.h("source-\(field)"))</label>"
                html += "<input type=\"\(field == "url" ? "url" : "text")\" id=\"\(id)\" name=\"\(id)\" value=\"\(HTML.escape(value))\"\(field == "title" ? " lang=\"\(contentLang)\"" : "")\(field == "date" ? " inputmode=\"numeric\" aria-describedby=\"\(lang)-date-format\"" : "")></div>"
            }
            html += "</div>"
        }
        html += "<p class=\"hint\" id=\"\(lang)-date-format\">\(text.h("hint-dateFormat"))</p></fieldset>"

        let otherID = "\(lang)-other"
        html += "<div class=\"field\"><label for=\"\(otherID)\">\(text.h("field-other"))</label><p class=\"hint\" id=\"\(otherID)-hint\">\(text.h("hint-other"))</p>"
        html += FieldMessage.list(otherID, messages, text: text)
        html += "<textarea id=\"\(otherID)\" name=\"\(otherID)\" rows=\"3\" spellcheck=\"false\" aria-describedby=\"\(otherID)-hint \(otherID)-messages\"\(FieldMessage.hasError(otherID, messages) ? " aria-invalid=\"true\"" : "")>\(HTML.textareaContent(form.other))</textarea></div>"

        let bodyID = "\(lang)-body"
        html += "<div class=\"field body-field\"><label for=\"\(bodyID)\">\(text.h("field-body"))</label><p class=\"hint\" id=\"\(bodyID)-hint\">\(text.h("hint-body"))</p>"
        html += FieldMessage.list(bodyID, messages, text: text)
        html += "<textarea id=\"\(bodyID)\" name=\"\(bodyID)\" rows=\"18\" lang=\"\(contentLang)\" aria-describedby=\"\(bodyID)-hint \(bodyID)-messages\"\(FieldMessage.hasError(bodyID, messages) ? " aria-invalid=\"true\"" : "")>\(HTML.textareaContent(form.body))</textarea></div>"

        let src = "/_edit/render?" + FormFields.query([("file", path.relative)])
        html += "<h3 id=\"\(lang)-preview-heading\">\(text.h("previewHeading", ["language": name]))</h3>"
        // Out of the tab order, so the keyboard goes from one language's fields to the other's
        // without walking through every link of the preview; the link below opens it on its own.
        html += "<iframe class=\"preview\" id=\"\(lang)-preview\" sandbox=\"\" tabindex=\"-1\" src=\"\(HTML.escape(src))\" title=\"\(text.h("previewFrameTitle", ["language": name]))\"></iframe>"
        html += "<p><a id=\"\(lang)-preview-link\" href=\"\(HTML.escape(src))\">\(text.h("previewOpen", ["language": name]))</a></p>"
        return html + "</section>"
    }

    func input(lang: String, key: String, value: String, messages: [FieldMessage], contentLang: String?) -> String {
        let id = "\(lang)-\(key)"
        let isDate = ["date", "lastmod", "publishDate"].contains(key)
        let hasHint = isDate || key == "slug" || key == "weight" || key == "description"
        var described = hasHint ? "\(id)-hint " : ""
        described += "\(id)-messages"
        var html = "<div class=\"field\"><label for=\"\(id)\">\(text.h("field-\(key)"))</label>"
        if hasHint { html += "<p class=\"hint\" id=\"\(id)-hint\">\(text.h(isDate ? "hint-date-\(key)" : "hint-\(key)"))</p>" }
        html += FieldMessage.list(id, messages, text: text)
        if key == "description" {
            html += "<textarea id=\"\(id)\" name=\"\(id)\" rows=\"2\" lang=\"\(contentLang ?? "")\" aria-describedby=\"\(described)\"\(FieldMessage.hasError(id, messages) ? " aria-invalid=\"true\"" : "")>\(HTML.textareaContent(value))</textarea>"
        } else {
            html += "<input type=\"text\" id=\"\(id)\" name=\"\(id)\" value=\"\(HTML.escape(value))\""
            html += HTML.attributes([("lang", contentLang), ("inputmode", isDate || key == "weight" ? "numeric" : nil), ("aria-describedby", described),
                                     ("aria-invalid", FieldMessage.hasError(id, messages) ? "true" : nil), ("spellcheck", key == "slug" ? "false" : nil)])
            html += ">"
        }
        return html + "</div>"
    }
}
