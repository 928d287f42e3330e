import TrilliumDirectory
import TrilliumModel

/// A service as a form built from the service format: both languages of every text side by
/// side, phones and opening hours as rows, taxonomy terms as checkboxes, and the validator's
/// messages beside each field.
struct ServiceView: Sendable {
    let layout: EditorLayout
    /// Nil for a new service.
    let path: ContentPath?
    let form: ServiceForm
    let base: String
    let taxonomy: Taxonomy?
    let messages: [FieldMessage]
    let notice: String?

    var text: EditorText { layout.text }

    func render() -> String {
        let ui = text.language
        let title = path == nil ? text.t("serviceNewTitle") : text.t("serviceTitle", ["name": form.value(ui == .fr ? "name-fr" : "name-en")])
        let action = path.map { "/_edit/\(ui.rawValue)/service?" + FormFields.query([("id", String($0.relative.dropFirst(9).dropLast(5)))]) }
            ?? "/_edit/\(ui.rawValue)/service/new"
        var main = "<h1>\(HTML.escape(title))</h1>"
        if let notice { main += notice }
        main += FieldMessage.list("service-page", messages, text: text)
        main += "<form class=\"service-form\" method=\"post\" action=\"\(HTML.escape(action))\" data-check=\"/_edit/api/service-check\" novalidate>"
        main += layout.tokenField + "<input type=\"hidden\" name=\"base\" value=\"\(HTML.escape(base))\">"
        if let path { main += "<input type=\"hidden\" name=\"path\" value=\"\(HTML.escape(path.relative))\">" }

        main += "<fieldset><legend>\(text.h("serviceAbout"))</legend>"
        main += single("id", hint: text.t("serviceIDHint"), readonly: path != nil)
        main += pair("name")
        main += pair("summary")
        main += pair("description", multiline: true)
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceOrganization"))</legend>"
        main += single("org-id", hint: text.t("serviceIDHint"))
        main += pair("org-name")
        main += pair("org-description")
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceContact"))</legend>"
        for (index, phone) in (form.phones + [ServiceForm.Phone()]).enumerated() {
            main += "<div class=\"source-row\"><p class=\"row-label\">\(text.h("servicePhoneNumber", ["number": String(index + 1)]))</p>"
            main += single("phone-\(index)-number", value: phone.number, label: text.t("field-phone-number"), hint: text.t("servicePhoneHint"))
            main += select("phone-\(index)-kind", value: phone.kind, label: text.t("field-phone-kind"),
                           options: ServicePhone.Kind.allCases.map { ($0.rawValue, text.t("phoneKind-\($0.rawValue)")) })
            main += single("phone-\(index)-label-en", value: phone.labelEN, label: text.t("field-phone-label-en"), lang: "en-CA")
            main += single("phone-\(index)-label-fr", value: phone.labelFR, label: text.t("field-phone-label-fr"), lang: "fr-CA")
            main += "</div>"
        }
        for key in ["website", "chat", "email"] { main += single(key, hint: text.t("hint-\(key)")) }
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceHours"))</legend>"
        main += radios("hours-open247", options: [("yes", text.t("answerYes")), ("no", text.t("answerNo"))])
        for (index, line) in (form.weekly + [ServiceForm.Weekly()]).enumerated() {
            main += "<div class=\"source-row\"><fieldset class=\"days\" aria-describedby=\"hours-\(index)-days-messages\"><legend>\(text.h("serviceHoursLine", ["number": String(index + 1)]))</legend>"
            main += FieldMessage.list("hours-\(index)-days", messages, text: text)
            for day in ServiceForm.days {
                let id = "hours-\(index)-days-\(day)"
                main += "<span class=\"checkbox\"><input type=\"checkbox\" id=\"\(id)\" name=\"hours-\(index)-days\" value=\"\(day)\"\(line.days.contains(day) ? " checked" : "")><label for=\"\(id)\">\(text.h("day-\(day)"))</label></span> "
            }
            main += "</fieldset>"
            main += single("hours-\(index)-opens", value: line.opens, label: text.t("field-opens"), hint: text.t("hint-time"))
            main += single("hours-\(index)-closes", value: line.closes, label: text.t("field-closes"), hint: text.t("hint-time"))
            main += "</div>"
        }
        main += pair("hours-note")
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceTerms"))</legend>"
        for facet in ServiceForm.facets {
            let chosen = form.terms[facet] ?? []
            let known = taxonomy.flatMap { Taxonomy.Facet(rawValue: facet).map($0.terms) } ?? []
            var options = known.map { ($0.id, $0.label[ui]) }
            for id in chosen where !options.contains(where: { $0.0 == id }) { options.append((id, id)) }
            main += "<fieldset class=\"terms\" aria-describedby=\"\(facet)-messages\"><legend>\(text.h("field-\(facet)"))</legend>"
            main += FieldMessage.list(facet, messages, text: text)
            for (index, option) in options.enumerated() {
                let id = "\(facet)-\(index)"
                main += "<span class=\"checkbox\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(facet)\" value=\"\(HTML.escape(option.0))\"\(chosen.contains(option.0) ? " checked" : "")><label for=\"\(id)\">\(HTML.escape(option.1))</label></span> "
            }
            main += "</fieldset>"
        }
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceFacts"))</legend><p class=\"hint\">\(text.h("serviceFactsHint"))</p>"
        let stated = [("yes", text.t("answerYes")), ("no", text.t("answerNo")), ("", text.t("answerNotStated"))]
        main += radios("indigenous-led", options: stated)
        main += radios("cost", options: ServiceCost.allCases.map { ($0.rawValue, text.t("cost-\($0.rawValue)")) } + [("", text.t("answerNotStated"))])
        main += radios("confidential", options: stated)
        main += "</fieldset>"

        main += "<fieldset><legend>\(text.h("serviceVerification"))</legend>"
        main += single("last-verified", hint: text.t("hint-last-verified"))
        main += single("source-url")
        main += single("source-title")
        main += single("source-date", hint: text.t("hint-source-date"))
        main += "</fieldset>"

        main += """
        <div class="actions">
        <button type="submit" name="action" value="save" class="primary">\(text.h("save"))</button>
        <button type="submit" name="action" value="check">\(text.h("serviceCheck"))</button>
        \(path == nil ? "" : "<button type=\"submit\" name=\"action\" value=\"discard\" class=\"secondary\">\(text.h("discard"))</button>")
        </div>
        <p id="preview-status" class="status" role="status" aria-live="polite"></p>
        </form>
        """
        return layout.page(title: title, main: main, current: path == nil ? "service/new" : nil)
    }

    func described(_ id: String, hint: Bool) -> String {
        (hint ? "\(id)-hint " : "") + "\(id)-messages"
    }

    func single(_ id: String, value: String? = nil, label: String? = nil, hint: String? = nil, lang: String? = nil, readonly: Bool = false) -> String {
        var html = "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label ?? text.t("field-\(id)")))</label>"
        if let hint { html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>" }
        html += FieldMessage.list(id, messages, text: text)
        html += "<input type=\"text\" id=\"\(id)\" name=\"\(id)\" value=\"\(HTML.escape(value ?? form.value(id)))\""
        html += HTML.attributes([("lang", lang), ("readonly", readonly ? "" : nil), ("aria-describedby", described(id, hint: hint != nil)),
                                 ("aria-invalid", FieldMessage.hasError(id, messages) ? "true" : nil)])
        return html + "></div>"
    }

    /// A text in both languages, side by side.
    func pair(_ field: String, multiline: Bool = false) -> String {
        var html = "<fieldset class=\"both-languages\"><legend>\(text.h("field-\(field)"))</legend><div class=\"pair\">"
        for language in Language.allCases {
            let id = "\(field)-\(language.rawValue)"
            html += "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(text.languageName(language)))</label>"
            html += FieldMessage.list(id, messages, text: text)
            let attributes = HTML.attributes([("lang", language == .fr ? "fr-CA" : "en-CA"), ("aria-describedby", "\(id)-messages"),
                                              ("aria-invalid", FieldMessage.hasError(id, messages) ? "true" : nil)])
            if multiline {
                html += "<textarea id=\"\(id)\" name=\"\(id)\" rows=\"8\"\(attributes)>\(HTML.textareaContent(form.value(id)))</textarea>"
            } else {
                html += "<input type=\"text\" id=\"\(id)\" name=\"\(id)\" value=\"\(HTML.escape(form.value(id)))\"\(attributes)>"
            }
            html += "</div>"
        }
        return html + "</div></fieldset>"
    }

    func select(_ id: String, value: String, label: String, options: [(String, String)]) -> String {
        var html = "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label))</label>\(FieldMessage.list(id, messages, text: text))"
        html += "<select id=\"\(id)\" name=\"\(id)\" aria-describedby=\"\(id)-messages\">"
        for (key, words) in options { html += "<option value=\"\(HTML.escape(key))\"\(key == value ? " selected" : "")>\(HTML.escape(words))</option>" }
        return html + "</select></div>"
    }

    func radios(_ id: String, options: [(String, String)]) -> String {
        let current = form.value(id)
        var html = "<fieldset class=\"choice\" aria-describedby=\"\(id)-messages\"><legend>\(text.h("field-\(id)"))</legend>\(FieldMessage.list(id, messages, text: text))"
        for (index, option) in options.enumerated() {
            let optionID = "\(id)-\(index)"
            html += "<span class=\"radio\"><input type=\"radio\" id=\"\(optionID)\" name=\"\(id)\" value=\"\(HTML.escape(option.0))\"\(option.0 == current ? " checked" : "")><label for=\"\(optionID)\">\(HTML.escape(option.1))</label></span> "
        }
        return html + "</fieldset>"
    }
}
