import TrilliumModel

/// Publishing: the check's errors with links to where they are, or each changed file's diff and
/// the commit message to write; then what git did.
struct PublishView: Sendable {
    let layout: EditorLayout
    let preparation: Publisher.Preparation
    let unsaved: [ContentPath]
    let message: String
    let messageError: String?
    let outcome: Publisher.Outcome?
    let failure: Publisher.Failure?

    var text: EditorText { layout.text }

    func link(_ file: String) -> String? {
        let ui = text.language.rawValue
        guard file.hasPrefix("Content/"), let path = ContentPath(String(file.dropFirst(8))) else { return nil }
        if path.language != nil { return "/_edit/\(ui)/page?" + FormFields.query([("file", path.relative)]) }
        return "/_edit/\(ui)/service?" + FormFields.query([("id", String(path.relative.dropFirst(9).dropLast(5)))])
    }

    func render() -> String {
        var main = "<h1>\(text.h("publishTitle"))</h1>"
        if let outcome {
            main += EditorLayout.notice("success", "<p>\(text.h("publishDone", ["commit": outcome.commit]))</p>")
            if let push = outcome.push {
                main += push.succeeded ? EditorLayout.notice("success", "<p>\(text.h("publishPushed"))</p>")
                    : EditorLayout.notice("error", "<p>\(text.h("publishPushFailed"))</p><pre class=\"diff\">\(HTML.escape(push.standardError))</pre>")
            } else {
                main += "<p>\(text.h("publishNoRemote"))</p>"
            }
            main += "<h2>\(text.h("publishCommands"))</h2><pre class=\"diff\">\(HTML.escape(outcome.commands.joined(separator: "\n")))</pre>"
            return layout.page(title: text.t("publishTitle"), main: main, current: "publish")
        }
        if let failure {
            main += EditorLayout.notice("error", "<p>\(text.h("publishGitFailed", ["command": failure.command]))</p><pre class=\"diff\">\(HTML.escape(failure.output.standardError + failure.output.standardOutput))</pre>")
        }
        if !unsaved.isEmpty {
            main += EditorLayout.notice("warning", "<p>\(text.h("publishUnsaved"))</p><ul>" + unsaved.map { path in
                "<li>" + (link(path.sitePath).map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(path.sitePath))</a>" } ?? HTML.escape(path.sitePath)) + "</li>"
            }.joined() + "</ul>")
        }
        switch preparation {
        case .notARepository(let reason):
            main += EditorLayout.notice("error", "<p>\(text.h("publishNoRepository"))</p><pre class=\"diff\">\(HTML.escape(reason))</pre>")
        case .checkFailed(let errors):
            main += "<div class=\"error-summary\" role=\"alert\"><h2>\(text.h("publishCheckFailed", ["count": String(errors.count)]))</h2><ul>"
            for error in errors {
                let place = HTML.escape(error.location.description)
                let where_ = link(error.location.file).map { "<a href=\"\(HTML.escape($0))\">\(place)</a>" } ?? "<code>\(place)</code>"
                main += "<li>\(where_): \(HTML.escape(error.message))\(error.hint.map { "<span class=\"hint\">\(HTML.escape($0))</span>" } ?? "")</li>"
            }
            main += "</ul></div>"
        case .nothingToPublish:
            main += "<p>\(text.h("publishNothing"))</p>"
        case .ready(let changes, _):
            main += "<p>\(text.h("publishChecked", ["count": String(changes.count)]))</p>"
            for (index, change) in changes.enumerated() {
                main += "<h2 id=\"change-\(index)\">\(HTML.escape(change.path)) <span class=\"tag\">\(text.h(Self.statusKey(change.status)))</span></h2>"
                main += "<pre class=\"diff\" tabindex=\"0\" aria-labelledby=\"change-\(index)\">\(HTML.escape(change.diff))</pre>"
            }
            var described = "message-hint"
            if messageError != nil { described += " message-error" }
            main += "<form method=\"post\" action=\"/_edit/\(text.language.rawValue)/publish\" novalidate>\(layout.tokenField)"
            for change in changes { main += "<input type=\"hidden\" name=\"paths\" value=\"\(HTML.escape(change.path))\">" }
            main += "<div class=\"field\"><label for=\"message\">\(text.h("publishMessage"))</label><p class=\"hint\" id=\"message-hint\">\(text.h("publishMessageHint"))</p>"
            if let messageError { main += "<p class=\"message message-error\" id=\"message-error\"><strong>\(text.h("messageError"))</strong> \(HTML.escape(messageError))</p>" }
            main += "<textarea id=\"message\" name=\"message\" rows=\"3\" aria-describedby=\"\(described)\"\(messageError == nil ? "" : " aria-invalid=\"true\"")>\(HTML.textareaContent(message))</textarea></div>"
            main += "<div class=\"actions\"><button type=\"submit\" class=\"primary\">\(text.h("publishButton"))</button></div></form>"
        }
        return layout.page(title: text.t("publishTitle"), main: main, current: "publish")
    }

    static func statusKey(_ code: String) -> String {
        if code == "??" || code.contains("A") { return "changeNew" }
        if code.contains("D") { return "changeDeleted" }
        return "changeModified"
    }
}
