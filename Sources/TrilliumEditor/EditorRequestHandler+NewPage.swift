import FlyingFox
import Foundation
import TrilliumModel
import TrilliumSource

/// A new page pair or dated update, made by the same scaffolder as `trillium new page`.
extension EditorRequestHandler {
    func newPage(_ context: Context) async -> HTTPResponse {
        let text = self.text(context.ui)
        let site = await session.site()
        var sections = Set([""])
        for file in site.pageFiles[.en] ?? [] where file.hasSuffix("/_index.md") { sections.insert(String(file.dropLast("/_index.md".count))) }
        let sorted = sections.sorted()
        guard context.isPost else {
            return EditorResponses.html(NewPageView(layout: layout(context), sections: sorted, values: FormFields(), errors: [:]).render())
        }
        let form = context.form
        var errors: [String: String] = [:]
        let section = form.trimmed("section")
        let name = form.trimmed("name")
        if !sorted.contains(section) { errors["section"] = text.t("newErrorSection") }
        if !Slug.isValid(name) { errors["name"] = text.t("newErrorName") }
        if form.trimmed("title-en").isEmpty { errors["title-en"] = text.t("newErrorTitle") }
        if form.trimmed("title-fr").isEmpty { errors["title-fr"] = text.t("newErrorTitle") }
        let slug = form.trimmed("slug-fr")
        if !slug.isEmpty, !Slug.isValid(slug) { errors["slug-fr"] = text.t("newErrorSlug") }
        let pagePath = (section.isEmpty ? "" : section + "/") + name + ".md"
        let paths = Language.allCases.compactMap { ContentPath.page($0, pagePath) }
        if errors.isEmpty {
            if paths.count != 2 || paths.contains(where: { path in path.resolve(in: session.siteRoot) == nil }) {
                errors["name"] = text.t("newErrorName")
            } else if await paths.asyncContains(where: { await session.diskText($0) != nil }) {
                errors["name"] = text.t("newErrorExists", ["file": paths[0].sitePath])
            }
        }
        guard errors.isEmpty else {
            return EditorResponses.html(NewPageView(layout: layout(context), sections: sorted, values: form, errors: errors).render(), status: .unprocessableContent)
        }
        do {
            let created = try Scaffolder(siteRoot: session.siteRoot).newPage(String(pagePath.dropLast(3)), today: session.today)
            // The scaffold has placeholders: fill in what the form gave.
            for path in paths {
                guard let language = path.language, created.contains(path.sitePath), let scaffold = await session.diskText(path) else { continue }
                var page = PageForm(text: scaffold)
                page.values["title"] = form.trimmed("title-\(language.rawValue)")
                if language == .fr, !slug.isEmpty { page.values["slug"] = slug }
                if form["kind"] == "update" {
                    page.values["date"] = session.today.description
                    page.values["weight"] = nil
                }
                _ = try await session.save(path, base: FileFingerprint.of(scaffold), text: page.compose(over: scaffold))
            }
        } catch {
            errors["name"] = "\(error)"
            return EditorResponses.html(NewPageView(layout: layout(context), sections: sorted, values: form, errors: errors).render(), status: .unprocessableContent)
        }
        return EditorResponses.redirect(pageLink(context.ui, paths[0], extra: [("saved", "created")]))
    }
}

extension Array {
    func asyncContains(where predicate: (Element) async -> Bool) async -> Bool {
        for element in self where await predicate(element) { return true }
        return false
    }
}
