import FlyingFox
import Foundation
import TrilliumDirectory
import TrilliumModel

/// Services: a form built from the service format, checked by the same validator as the build.
extension EditorRequestHandler {
    func serviceLink(_ ui: Language, _ id: String, extra: [(String, String)] = []) -> String {
        "/_edit/\(ui.rawValue)/service?" + FormFields.query([("id", id)] + extra)
    }

    /// The validator's messages for a form, placed on its fields.
    func validate(_ form: ServiceForm, path: ContentPath?) async -> (text: String, messages: [FieldMessage]) {
        let site = await session.site()
        let (yaml, fields) = form.yaml()
        let file = path?.sitePath ?? "Content/services/\(form.value("id")).yaml"
        let (_, diagnostics) = ServiceLoader(today: session.today).parseService(yaml, file: file, taxonomy: site.site?.services?.taxonomy)
        let byKey = ["name": "name-en", "summary": "summary-en", "description": "description-en", "organization": "org-id",
                     "hours": "hours-open247", "open_24_7": "hours-open247", "last_verified": "last-verified", "source": "source-url",
                     "url": "source-url", "id": "id", "number": "phone-0-number", "kind": "phone-0-kind", "label": "phone-0-label-en"]
        let messages = diagnostics.map { diagnostic in
            let missing = FieldMessage.missingKey(diagnostic).flatMap { byKey[$0] ?? (ServiceForm.facets.contains($0) ? $0 : nil) }
            return FieldMessage(field: missing ?? fields[diagnostic.location.line] ?? "service-page", severity: diagnostic.severity,
                         message: diagnostic.message, hint: diagnostic.hint)
        }
        return (yaml, messages)
    }

    func service(_ context: Context) async -> HTTPResponse {
        let isNew = context.route == "service/new"
        var path: ContentPath?
        if !isNew {
            guard let id = context.query["id"], Slug.isValid(id), let found = ContentPath("services/\(id).yaml") else {
                return EditorResponses.refused("the service id is not a file below Content/services/")
            }
            path = found
        }
        let text = self.text(context.ui)
        let site = await session.site()
        let taxonomy = site.site?.services?.taxonomy
        if context.isPost {
            let form = ServiceForm(form: context.form)
            let base = context.form["base"] ?? FileFingerprint.absent
            if context.form["action"] == "discard", let path {
                await session.discard(path)
                return EditorResponses.redirect(serviceLink(context.ui, String(path.relative.dropFirst(9).dropLast(5))))
            }
            let (yaml, messages) = await validate(form, path: path)
            var target = path
            if isNew {
                let id = form.value("id")
                guard Slug.isValid(id), let newPath = ContentPath("services/\(id).yaml"), await session.diskText(newPath) == nil else {
                    let message = FieldMessage(field: "id", severity: .error, message: text.t("serviceErrorID"), hint: nil)
                    return EditorResponses.html(ServiceView(layout: layout(context), path: nil, form: form, base: base, taxonomy: taxonomy,
                                                            messages: messages + [message], notice: nil).render(), status: .unprocessableContent)
                }
                target = newPath
            }
            guard let target else { return notFound() }
            let id = String(target.relative.dropFirst(9).dropLast(5))
            do {
                if context.form["action"] == "save" {
                    if isNew {
                        try await session.create(target, text: yaml)
                        return EditorResponses.redirect(serviceLink(context.ui, id, extra: [("saved", "created")]))
                    }
                    if case .conflict = try await session.save(target, base: base, text: yaml) {
                        return EditorResponses.redirect("/_edit/\(context.ui.rawValue)/conflict?" + FormFields.query([("file", target.relative)]))
                    }
                    return EditorResponses.redirect(serviceLink(context.ui, id, extra: [("saved", "1")]))
                }
                if !isNew { try await session.keepDraft(target, base: base, text: yaml) }
            } catch {
                return EditorResponses.html(layout(context).page(title: text.t("errorTitle"), main: EditorLayout.notice("error", "<p>\(HTML.escape("\(error)"))</p>")),
                                            status: .internalServerError)
            }
            // Checked without saving: show the form again with the validator's messages.
            return EditorResponses.html(ServiceView(layout: layout(context), path: path, form: form, base: base, taxonomy: taxonomy,
                                                    messages: messages, notice: nil).render())
        }
        guard let path else {
            var blank = ServiceForm()
            blank.values["hours-open247"] = "yes"
            blank.values["last-verified"] = session.today.description
            return EditorResponses.html(ServiceView(layout: layout(context), path: nil, form: blank, base: FileFingerprint.absent, taxonomy: taxonomy,
                                                    messages: [], notice: nil).render())
        }
        let opened = await session.opened(path)
        guard !opened.text.isEmpty else { return notFound() }
        let form = ServiceForm(yaml: opened.text)
        let (_, messages) = await validate(form, path: path)
        var notice: String?
        switch context.query["saved"] {
        case "1": notice = EditorLayout.notice("success", "<p>\(text.h("savedNotice"))</p>")
        case "created": notice = EditorLayout.notice("success", "<p>\(text.h("serviceCreatedNotice"))</p>")
        default: if opened.restored { notice = EditorLayout.notice("warning", "<p>\(text.h("restoredDraft"))</p>") }
        }
        if opened.changedOnDisk {
            let href = "/_edit/\(context.ui.rawValue)/conflict?" + FormFields.query([("file", path.relative)])
            notice = (notice ?? "") + EditorLayout.notice("warning", "<p>\(text.h("changedOnDisk", ["file": path.sitePath])) <a href=\"\(HTML.escape(href))\">\(text.h("resolveConflict"))</a></p>")
        }
        return EditorResponses.html(ServiceView(layout: layout(context), path: path, form: form, base: opened.base, taxonomy: taxonomy,
                                                messages: messages, notice: notice).render())
    }

    /// The script's live check of a service form: the validator's messages by field.
    func serviceCheckJSON(form fields: FormFields) async -> HTTPResponse {
        let ui = Language(rawValue: fields["ui"] ?? "") ?? .en
        let path = fields["path"].flatMap(ContentPath.init)
        if let raw = fields["path"], path == nil || path?.language != nil { return EditorResponses.refused("`\(raw)` is not a service file below Content/services/") }
        let form = ServiceForm(form: fields)
        let (yaml, messages) = await validate(form, path: path)
        if let path {
            do { try await session.keepDraft(path, base: fields["base"] ?? FileFingerprint.absent, text: yaml) } catch {
                return EditorResponses.json(["error": .string("\(error)")], status: .internalServerError)
            }
        }
        let text = self.text(ui)
        return EditorResponses.json(["fields": .array(messages.map { $0.json(text) }), "status": .string(text.t("serviceChecked"))])
    }
}
