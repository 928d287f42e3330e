import TrilliumModel

/// The list of every page pair and service with its state, filtered and searched by a plain
/// GET form (the script filters as you type too).
struct InventoryView: Sendable {
    let layout: EditorLayout
    let inventory: ContentInventory
    let query: String
    let state: String
    let siteProblems: [Diagnostic]

    static let states = ["all", "errors", "warnings", "drafts", "scheduled", "missing", "unsaved"]

    var text: EditorText { layout.text }

    func render() -> String {
        let ui = text.language
        var main = "<h1>\(text.h("listTitle"))</h1>"
        if !siteProblems.isEmpty {
            main += EditorLayout.notice("error", "<p>\(text.h("siteProblems"))</p><ul>" + siteProblems.prefix(20).map {
                "<li><code>\(HTML.escape($0.location.description))</code> \(HTML.escape($0.message))</li>"
            }.joined() + "</ul>")
        }
        main += """
        <form class="filter" method="get" action="/_edit/\(ui.rawValue)/" role="search" data-filter>
        <div class="field"><label for="q">\(text.h("filterSearch"))</label>
        <input type="search" id="q" name="q" value="\(HTML.escape(query))" aria-describedby="q-hint"><p class="hint" id="q-hint">\(text.h("filterSearchHint"))</p></div>
        <div class="field"><label for="state">\(text.h("filterState"))</label>
        <select id="state" name="state">\(Self.states.map { "<option value=\"\($0)\"\($0 == state ? " selected" : "")>\(text.h("state-\($0)"))</option>" }.joined())</select></div>
        <button type="submit">\(text.h("filterApply"))</button>
        </form>
        """
        let pairs = inventory.pairs.filter(matches)
        main += "<h2 id=\"pages-heading\">\(text.h("pagesHeading"))</h2>"
        main += "<p id=\"pages-count\" role=\"status\" data-template=\"\(text.h("pagesCount", ["total": String(inventory.pairs.count)]))\">\(text.h("pagesCount", ["shown": String(pairs.count), "total": String(inventory.pairs.count)]))</p>"
        main += "<table class=\"inventory\" aria-labelledby=\"pages-heading\"><thead><tr><th scope=\"col\">\(text.h("columnPage"))</th><th scope=\"col\">\(text.h("columnFiles"))</th><th scope=\"col\">\(text.h("columnState"))</th></tr></thead><tbody>"
        for pair in inventory.pairs {
            guard let key = pair.key else { continue }
            let title = pair.titles[ui] ?? pair.titles[ui.other] ?? key.pagePath
            let href = "/_edit/\(ui.rawValue)/page?" + FormFields.query([("file", key.relative)])
            let files = Language.allCases.map { pair.path($0).map { "<code>\(HTML.escape($0.relative))</code>" } ?? "<span class=\"missing\">\(text.h("missingLanguage", ["language": text.languageName($0)]))</span>" }.joined(separator: "<br>")
            let tags = tags(pair)
            main += "<tr data-row data-search=\"\(HTML.escape(searchText(pair)))\" data-states=\"\(HTML.escape(states(pair).joined(separator: " ")))\"\(matches(pair) ? "" : " hidden")>"
            main += "<td><a href=\"\(HTML.escape(href))\">\(HTML.escape(title))</a></td><td>\(files)</td><td>\(tags)</td></tr>"
        }
        main += "</tbody></table>"

        main += "<h2 id=\"services-heading\">\(text.h("servicesHeading"))</h2>"
        main += "<table class=\"inventory\" aria-labelledby=\"services-heading\"><thead><tr><th scope=\"col\">\(text.h("columnService"))</th><th scope=\"col\">\(text.h("columnFiles"))</th><th scope=\"col\">\(text.h("columnState"))</th></tr></thead><tbody>"
        for service in inventory.services {
            let name = service.names[ui] ?? service.id
            let href = "/_edit/\(ui.rawValue)/service?" + FormFields.query([("id", service.id)])
            var states = service.errors > 0 ? ["errors"] : []
            if service.warnings > 0 { states.append("warnings") }
            if service.unsaved { states.append("unsaved") }
            let visible = (state == "all" || states.contains(state)) && (query.isEmpty || Self.fold(name + " " + service.id).contains(Self.fold(query)))
            main += "<tr data-row data-search=\"\(HTML.escape(Self.fold(name + " " + service.id)))\" data-states=\"\(states.joined(separator: " "))\"\(visible ? "" : " hidden")>"
            main += "<td><a href=\"\(HTML.escape(href))\">\(HTML.escape(name))</a></td><td><code>\(HTML.escape(service.path.relative))</code></td><td>\(counts(errors: service.errors, warnings: service.warnings, unsaved: service.unsaved, extra: []))</td></tr>"
        }
        main += "</tbody></table>"
        return layout.page(title: text.t("listTitle"), main: main, current: "")
    }

    func states(_ pair: ContentInventory.PagePair) -> [String] {
        var states: [String] = []
        if pair.errors > 0 { states.append("errors") }
        if pair.warnings > 0 { states.append("warnings") }
        if pair.draft { states.append("drafts") }
        if pair.scheduled != nil { states.append("scheduled") }
        if !pair.isComplete { states.append("missing") }
        if pair.unsaved { states.append("unsaved") }
        return states
    }

    func matches(_ pair: ContentInventory.PagePair) -> Bool {
        (state == "all" || states(pair).contains(state)) && (query.isEmpty || searchText(pair).contains(Self.fold(query)))
    }

    func searchText(_ pair: ContentInventory.PagePair) -> String {
        Self.fold(([pair.english?.relative, pair.french?.relative, pair.titles[.en], pair.titles[.fr]].compactMap { $0 }).joined(separator: " "))
    }

    static func fold(_ text: String) -> String { TextFolding.fold(text) }

    func tags(_ pair: ContentInventory.PagePair) -> String {
        var extra: [String] = []
        extra.append(pair.isComplete ? text.t("tagBoth") : text.t("tagMissing"))
        if pair.draft { extra.append(text.t("tagDraft")) }
        if let day = pair.scheduled { extra.append(text.t("tagScheduled", ["date": day.description])) }
        return counts(errors: pair.errors, warnings: pair.warnings, unsaved: pair.unsaved, extra: extra)
    }

    func counts(errors: Int, warnings: Int, unsaved: Bool, extra: [String]) -> String {
        var tags = extra.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }
        if errors > 0 { tags.append("<span class=\"tag tag-error\">\(text.h("tagErrors", ["count": String(errors)]))</span>") }
        if warnings > 0 { tags.append("<span class=\"tag tag-warning\">\(text.h("tagWarnings", ["count": String(warnings)]))</span>") }
        if unsaved { tags.append("<span class=\"tag tag-unsaved\">\(text.h("tagUnsaved"))</span>") }
        if tags.isEmpty { tags.append("<span class=\"tag tag-ok\">\(text.h("tagOK"))</span>") }
        return tags.joined(separator: " ")
    }
}
