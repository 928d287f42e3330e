import TrilliumCheck
import TrilliumModel

/// A problem shown beside the field it is about: `en-title`, `fr-body` (with its line in the text
/// area), `en-page` for the page as a whole, `phone-0-number` for a service's field.
struct FieldMessage: Sendable, Equatable {
    var field: String
    var severity: Diagnostic.Severity
    var message: String
    var hint: String?
    /// For a text area: the line the problem is on, counted within the text area.
    var line: Int?

    /// A page's diagnostics placed on the form of one language.
    static func forPage(_ diagnostics: [Diagnostic], text: String, language: Language) -> [FieldMessage] {
        let map = PageLineMap(text: text)
        let prefix = language.rawValue
        return diagnostics.map { diagnostic in
            // A missing key has no line of its own: the message goes to the key's empty field.
            if let key = missingKey(diagnostic), PageForm.fieldKeys.contains(key) {
                return FieldMessage(field: "\(prefix)-\(key)", severity: diagnostic.severity, message: diagnostic.message, hint: diagnostic.hint)
            }
            switch map.target(diagnostic.location.line) {
            case .field(let key):
                return FieldMessage(field: "\(prefix)-\(key)", severity: diagnostic.severity, message: diagnostic.message, hint: diagnostic.hint)
            case .body(let line):
                return FieldMessage(field: "\(prefix)-body", severity: diagnostic.severity, message: diagnostic.message, hint: diagnostic.hint, line: line)
            case .page:
                return FieldMessage(field: "\(prefix)-page", severity: diagnostic.severity, message: diagnostic.message, hint: diagnostic.hint)
            }
        }
    }

    /// The key a "missing required key `x`" message is about.
    static func missingKey(_ diagnostic: Diagnostic) -> String? {
        guard let range = diagnostic.message.range(of: "missing required key `") else { return nil }
        return String(diagnostic.message[range.upperBound...].prefix { $0 != "`" })
    }

    /// The words shown: "Error: …" with the line for a text area.
    func label(_ text: EditorText) -> String {
        let kind = text.t(severity == .error ? "messageError" : "messageWarning")
        return line.map { text.t("messageAtLine", ["kind": kind, "line": String($0)]) } ?? kind
    }

    /// The messages of `field`, as the list the browser script also fills.
    static func list(_ field: String, _ messages: [FieldMessage], text: EditorText) -> String {
        let mine = messages.filter { $0.field == field }
        var html = "<div class=\"messages\" id=\"\(field)-messages\">"
        for message in mine {
            html += "<p class=\"message message-\(message.severity.rawValue)\"><strong>\(HTML.escape(message.label(text)))</strong> \(HTML.escape(message.message))"
            if let hint = message.hint { html += "<span class=\"hint\">\(HTML.escape(hint))</span>" }
            if let line = message.line {
                html += " <button type=\"button\" class=\"link-button\" data-goto-line=\"\(line)\" data-target=\"\(HTML.escape(field))\">\(text.h("goToLine", ["line": String(line)]))</button>"
            }
            html += "</p>"
        }
        return html + "</div>"
    }

    static func hasError(_ field: String, _ messages: [FieldMessage]) -> Bool {
        messages.contains { $0.field == field && $0.severity == .error }
    }

    /// JSON for the browser script, with the words it shows.
    func json(_ text: EditorText) -> EditorJSON {
        var object: [String: EditorJSON] = ["field": .string(field), "severity": .string(severity.rawValue), "message": .string(message),
                                           "label": .string(label(text))]
        if let line { object["goTo"] = .string(text.t("goToLine", ["line": String(line)])) }
        if let hint { object["hint"] = .string(hint) }
        if let line { object["line"] = .int(line) }
        return .object(object)
    }

    /// The reading level in words: "Reading level: Flesch–Kincaid grade 7.2 (320 words)".
    static func readability(_ score: ReadabilityScore?, text: EditorText) -> String {
        guard let score else { return text.t("readabilityTooShort") }
        if let ease = score.ease {
            return text.t("readabilityFrench", ["ease": score.format(ease), "grade": score.format(score.grade), "words": String(score.words)])
        }
        return text.t("readabilityEnglish", ["grade": score.format(score.grade), "words": String(score.words)])
    }
}
