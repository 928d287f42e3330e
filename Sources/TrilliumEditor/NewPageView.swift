/// The form for a new page pair or a new dated update: where it goes, its file name, both titles.
struct NewPageView: Sendable {
    let layout: EditorLayout
    /// Folders below `Content/en/` that hold pages, `` for the top.
    let sections: [String]
    let values: FormFields
    /// Problems by field id.
    let errors: [String: String]

    func render() -> String {
        let text = layout.text
        let action = "/_edit/\(text.language.rawValue)/new"
        var main = "<h1>\(text.h("newPageTitle"))</h1>"
        if !errors.isEmpty {
            main += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>\(text.h("errorSummary"))</h2><ul>"
            for (field, message) in errors.sorted(by: { $0.key < $1.key }) {
                main += "<li><a href=\"#\(field)\">\(HTML.escape(message))</a></li>"
            }
            main += "</ul></div>"
        }
        let kind = values["kind"] ?? "page"
        main += "<form method=\"post\" action=\"\(action)\" novalidate>\(layout.tokenField)"
        main += "<fieldset class=\"field\"><legend>\(text.h("newKind"))</legend>"
        for option in ["page", "update"] {
            main += "<div class=\"radio\"><input type=\"radio\" id=\"kind-\(option)\" name=\"kind\" value=\"\(option)\"\(kind == option ? " checked" : "")>"
            main += "<label for=\"kind-\(option)\">\(text.h("newKind-\(option)"))</label></div>"
        }
        main += "</fieldset>"
        main += "<div class=\"field\"><label for=\"section\">\(text.h("newSection"))</label><select id=\"section\" name=\"section\">"
        for section in sections {
            main += "<option value=\"\(HTML.escape(section))\"\(values["section"] == section ? " selected" : "")>\(HTML.escape(section.isEmpty ? text.t("newSectionTop") : section + "/"))</option>"
        }
        main += "</select></div>"
        main += field("name", label: text.t("newName"), hint: text.t("newNameHint"), text: text)
        main += field("title-en", label: text.t("newTitleEnglish"), hint: nil, text: text, lang: "en-CA")
        main += field("title-fr", label: text.t("newTitleFrench"), hint: nil, text: text, lang: "fr-CA")
        main += field("slug-fr", label: text.t("newSlugFrench"), hint: text.t("newSlugFrenchHint"), text: text)
        main += "<div class=\"actions\"><button type=\"submit\" class=\"primary\">\(text.h("newCreate"))</button></div></form>"
        return layout.page(title: text.t("newPageTitle"), main: main, current: "new")
    }

    func field(_ id: String, label: String, hint: String?, text: EditorText, lang: String? = nil) -> String {
        var described: [String] = []
        var html = "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label))</label>"
        if let hint {
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>"
            described.append("\(id)-hint")
        }
        if let error = errors[id] {
            html += "<p class=\"message message-error\" id=\"\(id)-error\"><strong>\(text.h("messageError"))</strong> \(HTML.escape(error))</p>"
            described.append("\(id)-error")
        }
        html += "<input type=\"text\" id=\"\(id)\" name=\"\(id)\" value=\"\(HTML.escape(values[id] ?? ""))\""
        html += HTML.attributes([("lang", lang), ("aria-describedby", described.isEmpty ? nil : described.joined(separator: " ")),
                                 ("aria-invalid", errors[id] == nil ? nil : "true"), ("spellcheck", lang == nil ? "false" : nil)])
        return html + "></div>"
    }
}
