import Foundation
import TrilliumModel
import Yams

/// A service file as the editor's form shows it: every field of the service format by name
/// (`name-en`, `phone-0-number`, `hours-1-days`…), read from YAML and written back to YAML with
/// a note of which line holds which field, so the validator's messages land beside their fields.
struct ServiceForm: Sendable, Equatable {
    static let localizedFields = ["name", "summary", "description", "org-name", "org-description", "hours-note"]
    static let facets = ["regions", "categories", "audiences", "languages"]
    static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    struct Phone: Sendable, Equatable {
        var number = "", kind = "voice", labelEN = "", labelFR = ""
        var isEmpty: Bool { number.isEmpty && labelEN.isEmpty && labelFR.isEmpty }
    }

    struct Weekly: Sendable, Equatable {
        var days: [String] = [], opens = "", closes = ""
        var isEmpty: Bool { days.isEmpty && opens.isEmpty && closes.isEmpty }
    }

    /// One-value fields by name: `id`, `name-en`, `website`, `hours-open247` (`yes`/`no`), `cost`…
    var values: [String: String] = [:]
    var terms: [String: [String]] = [:]
    var phones: [Phone] = []
    var weekly: [Weekly] = []

    init() {}

    func value(_ name: String) -> String { values[name] ?? "" }

    // MARK: - From YAML

    /// Reads a service file leniently: whatever has the expected shape fills its field; the
    /// validator reports the rest when the form is checked.
    init(yaml: String) {
        guard let root = (try? Yams.compose(yaml: yaml)) ?? nil, case .mapping(let map) = root else { return }
        func text(_ node: Node?) -> String { node?.scalar?.string ?? "" }
        func localized(_ node: Node?, _ field: String) {
            guard let node, case .mapping(let pair) = node else { return }
            values["\(field)-en"] = text(pair["en"])
            values["\(field)-fr"] = text(pair["fr"])
        }
        values["id"] = text(map["id"])
        localized(map["name"], "name")
        localized(map["summary"], "summary")
        localized(map["description"], "description")
        if let organization = map["organization"], case .mapping(let org) = organization {
            values["org-id"] = text(org["id"])
            localized(org["name"], "org-name")
            localized(org["description"], "org-description")
        }
        if let list = map["phones"], case .sequence(let items) = list {
            for item in items {
                guard case .mapping(let phone) = item else { continue }
                var entry = Phone(number: text(phone["number"]), kind: text(phone["kind"]))
                if let label = phone["label"], case .mapping(let words) = label {
                    entry.labelEN = text(words["en"])
                    entry.labelFR = text(words["fr"])
                }
                phones.append(entry)
            }
        }
        for key in ["website", "chat", "email"] { values[key] = text(map[key]) }
        if let hours = map["hours"], case .mapping(let h) = hours {
            let always = text(h["open_24_7"])
            values["hours-open247"] = always == "true" ? "yes" : always == "false" ? "no" : ""
            if let list = h["weekly"], case .sequence(let items) = list {
                for item in items {
                    guard case .mapping(let line) = item else { continue }
                    var days: [String] = []
                    if let dayList = line["days"], case .sequence(let dayNodes) = dayList { days = dayNodes.map { text($0) } }
                    weekly.append(Weekly(days: days, opens: text(line["opens"]), closes: text(line["closes"])))
                }
            }
            localized(h["note"], "hours-note")
        }
        for facet in Self.facets {
            if let list = map[facet], case .sequence(let items) = list { terms[facet] = items.map { text($0) } }
        }
        for (key, field) in [("indigenous_led", "indigenous-led"), ("confidential", "confidential")] {
            let stated = text(map[key])
            values[field] = stated == "true" ? "yes" : stated == "false" ? "no" : ""
        }
        values["cost"] = text(map["cost"])
        values["last-verified"] = text(map["last_verified"])
        if let source = map["source"] {
            if case .mapping(let s) = source {
                values["source-url"] = text(s["url"])
                values["source-title"] = text(s["title"])
                values["source-date"] = text(s["date"])
            } else {
                values["source-url"] = text(source)
            }
        }
    }

    // MARK: - From the submitted form

    init(form: FormFields) {
        var names = ["id", "org-id", "website", "chat", "email", "hours-open247", "indigenous-led", "cost", "confidential",
                     "last-verified", "source-url", "source-title", "source-date"]
        for field in Self.localizedFields { names += ["\(field)-en", "\(field)-fr"] }
        for name in names {
            let value = name.hasPrefix("description") ? (form[name] ?? "") : form.trimmed(name)
            if !value.isEmpty { values[name] = value }
        }
        for facet in Self.facets { terms[facet] = form.all(facet).filter { !$0.isEmpty } }
        var index = 0
        while form["phone-\(index)-number"] != nil {
            let phone = Phone(number: form.trimmed("phone-\(index)-number"), kind: form.trimmed("phone-\(index)-kind"),
                              labelEN: form.trimmed("phone-\(index)-label-en"), labelFR: form.trimmed("phone-\(index)-label-fr"))
            if !phone.isEmpty { phones.append(phone) }
            index += 1
        }
        index = 0
        while form["hours-\(index)-opens"] != nil {
            let line = Weekly(days: form.all("hours-\(index)-days"), opens: form.trimmed("hours-\(index)-opens"), closes: form.trimmed("hours-\(index)-closes"))
            if !line.isEmpty { weekly.append(line) }
            index += 1
        }
    }

    // MARK: - To YAML

    /// The service file, and for each line the field it belongs to.
    func yaml() -> (text: String, fields: [Int: String]) {
        var lines: [(String, String)] = []
        func add(_ line: String, _ field: String) {
            for part in line.split(separator: "\n", omittingEmptySubsequences: false) { lines.append((String(part), field)) }
        }
        func scalar(_ key: String, _ value: String, indent: String, field: String, style: (String) -> String = YAMLScalar.string) {
            if !value.isEmpty { add("\(indent)\(key): \(style(value))", field) }
        }
        func localized(_ key: String, _ field: String, indent: String, block: Bool = false) {
            let en = value("\(field)-en"), fr = value("\(field)-fr")
            guard !en.isEmpty || !fr.isEmpty else { return }
            add("\(indent)\(key):", "\(field)-en")
            for (language, text) in [("en", en), ("fr", fr)] {
                let rendered = block ? YAMLScalar.block(text.hasSuffix("\n") || !text.contains("\n") ? text : text + "\n", indent: indent.count + 4)
                    : " " + YAMLScalar.string(text)
                add("\(indent)  \(language):\(text.isEmpty ? " \"\"" : rendered)", "\(field)-\(language)")
            }
        }
        scalar("id", value("id"), indent: "", field: "id")
        localized("name", "name", indent: "")
        localized("summary", "summary", indent: "")
        localized("description", "description", indent: "", block: true)
        if !value("org-id").isEmpty || !value("org-name-en").isEmpty || !value("org-name-fr").isEmpty {
            add("organization:", "org-id")
            scalar("id", value("org-id"), indent: "  ", field: "org-id")
            localized("name", "org-name", indent: "  ")
            localized("description", "org-description", indent: "  ")
        }
        if !phones.isEmpty {
            add("phones:", "phone-0-number")
            for (index, phone) in phones.enumerated() {
                add("  - number: \(Self.phoneScalar(phone.number))", "phone-\(index)-number")
                add("    kind: \(YAMLScalar.string(phone.kind.isEmpty ? "voice" : phone.kind))", "phone-\(index)-kind")
                add("    label:", "phone-\(index)-label-en")
                add("      en: \(phone.labelEN.isEmpty ? "\"\"" : YAMLScalar.string(phone.labelEN))", "phone-\(index)-label-en")
                add("      fr: \(phone.labelFR.isEmpty ? "\"\"" : YAMLScalar.string(phone.labelFR))", "phone-\(index)-label-fr")
            }
        }
        for key in ["website", "chat", "email"] { scalar(key, value(key), indent: "", field: key) }
        add("hours:", "hours-open247")
        add("  open_24_7: \(value("hours-open247") == "yes" ? "true" : "false")", "hours-open247")
        if !weekly.isEmpty {
            add("  weekly:", "hours-0-days")
            for (index, line) in weekly.enumerated() {
                add("    - days: [\(line.days.map(YAMLScalar.string).joined(separator: ", "))]", "hours-\(index)-days")
                add("      opens: \(YAMLScalar.quoted(line.opens))", "hours-\(index)-opens")
                add("      closes: \(YAMLScalar.quoted(line.closes))", "hours-\(index)-closes")
            }
        }
        localized("note", "hours-note", indent: "  ")
        for facet in Self.facets {
            add("\(facet): [\((terms[facet] ?? []).map(YAMLScalar.string).joined(separator: ", "))]", facet)
        }
        for (key, field) in [("indigenous_led", "indigenous-led")] where !value(field).isEmpty {
            add("\(key): \(value(field) == "yes" ? "true" : "false")", field)
        }
        scalar("cost", value("cost"), indent: "", field: "cost")
        if !value("confidential").isEmpty { add("confidential: \(value("confidential") == "yes" ? "true" : "false")", "confidential") }
        scalar("last_verified", value("last-verified"), indent: "", field: "last-verified", style: YAMLScalar.dateOrNumber)
        if !value("source-url").isEmpty || !value("source-title").isEmpty {
            add("source:", "source-url")
            scalar("url", value("source-url"), indent: "  ", field: "source-url")
            scalar("title", value("source-title"), indent: "  ", field: "source-title")
            scalar("date", value("source-date"), indent: "  ", field: "source-date", style: YAMLScalar.dateOrNumber)
        }
        var fields: [Int: String] = [:]
        for (index, line) in lines.enumerated() { fields[index + 1] = line.1 }
        return (lines.map(\.0).joined(separator: "\n") + "\n", fields)
    }

    /// Phone numbers are written as people write them (`1-866-863-0511`); short codes in quotes.
    static func phoneScalar(_ number: String) -> String {
        number.range(of: #"^\d[\d-]*-\d+$"#, options: .regularExpression) != nil ? number : YAMLScalar.quoted(number)
    }
}
