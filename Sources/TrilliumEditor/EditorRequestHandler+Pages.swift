import FlyingFox
import Foundation
import TrilliumModel

/// Page pairs: the side-by-side view, its live preview, saving, and conflicts.
extension EditorRequestHandler {
    func pageLink(_ ui: Language, _ key: ContentPath, extra: [(String, String)] = []) -> String {
        "/_edit/\(ui.rawValue)/page?" + FormFields.query([("file", key.relative)] + extra)
    }

    func pagePair(_ context: Context) async -> HTTPResponse {
        guard let file = context.query["file"], let key = ContentPath(file), key.language != nil else {
            return EditorResponses.refused("the path is not a page below Content/")
        }
        guard let pair = await session.inventory().pair(containing: key), let pairKey = pair.key else { return notFound() }
        let text = self.text(context.ui)
        if context.isPost {
            let inputs = await composedTexts(context.form, pair: pair)
            guard let inputs else { return EditorResponses.refused("the form names files that are not this page pair") }
            do {
                switch context.form["action"] {
                case "save":
                    for input in inputs {
                        if case .conflict = try await session.save(input.path, base: input.base, text: input.text) {
                            return EditorResponses.redirect("/_edit/\(context.ui.rawValue)/conflict?" + FormFields.query([("file", input.path.relative)]))
                        }
                    }
                    return EditorResponses.redirect(pageLink(context.ui, pairKey, extra: [("saved", "1")]))
                case "discard":
                    for input in inputs { await session.discard(input.path) }
                    return EditorResponses.redirect(pageLink(context.ui, pairKey, extra: [("saved", "discarded")]))
                default:
                    for input in inputs { try await session.keepDraft(input.path, base: input.base, text: input.text) }
                    return EditorResponses.redirect(pageLink(context.ui, pairKey))
                }
            } catch {
                return EditorResponses.html(layout(context).page(title: text.t("errorTitle"), main: EditorLayout.notice("error", "<p>\(HTML.escape("\(error)"))</p>")),
                                            status: .internalServerError)
            }
        }
        var sides: [PagePairView.Side] = []
        var inputs: [(path: ContentPath, text: String)] = []
        for language in Language.allCases {
            guard let path = pair.path(language) else {
                sides.append(PagePairView.Side(language: language, path: nil, text: "", base: "", restored: false, changedOnDisk: false))
                continue
            }
            let opened = await session.opened(path)
            sides.append(PagePairView.Side(language: language, path: path, text: opened.text, base: opened.base, restored: opened.restored,
                                           changedOnDisk: opened.changedOnDisk))
            inputs.append((path, opened.text))
        }
        let previews = await session.preview(inputs)
        for index in sides.indices {
            sides[index].preview = previews.first { $0.path == sides[index].path }
        }
        var notice: String?
        switch context.query["saved"] {
        case "1": notice = EditorLayout.notice("success", "<p>\(text.h("savedNotice"))</p>")
        case "discarded": notice = EditorLayout.notice("success", "<p>\(text.h("discardedNotice"))</p>")
        case "created": notice = EditorLayout.notice("success", "<p>\(text.h("createdNotice"))</p>")
        default: break
        }
        return EditorResponses.html(PagePairView(layout: layout(context), key: pairKey, sides: sides, notice: notice).render())
    }

    /// Each language's new text from a submitted pair form, written over its previous text.
    /// Nil when the form names a file that is not part of `pair`.
    func composedTexts(_ form: FormFields, pair: ContentInventory.PagePair) async -> [(path: ContentPath, base: String, text: String)]? {
        var result: [(path: ContentPath, base: String, text: String)] = []
        for language in Language.allCases {
            guard let raw = form["\(language.rawValue)-path"] else { continue }
            guard let path = ContentPath(raw), path.language == language, path == pair.path(language) else { return nil }
            let previous = await session.previousText(path)
            let text = PageForm(form: form, prefix: language.rawValue).compose(over: previous)
            result.append((path, form["\(language.rawValue)-base"] ?? FileFingerprint.absent, text))
        }
        return result
    }

    /// The script's live preview: keeps the drafts, renders both pages in memory, and answers
    /// with each language's problems (placed on their fields), reading level and preview address.
    func previewJSON(form: FormFields) async -> HTTPResponse {
        guard let file = form["file"], let key = ContentPath(file), key.language != nil,
              let pair = await session.inventory().pair(containing: key),
              let inputs = await composedTexts(form, pair: pair) else {
            return EditorResponses.refused("the path is not a page below Content/")
        }
        let ui = Language(rawValue: form["ui"] ?? "") ?? .en
        let text = self.text(ui)
        do {
            for input in inputs { try await session.keepDraft(input.path, base: input.base, text: input.text) }
        } catch {
            return EditorResponses.json(["error": .string("\(error)")], status: .internalServerError)
        }
        let previews = await session.preview(inputs.map { ($0.path, $0.text) })
        var languages: [String: EditorJSON] = [:]
        for (input, preview) in zip(inputs, previews) {
            guard let language = input.path.language else { continue }
            let messages = FieldMessage.forPage(preview.diagnostics, text: input.text, language: language)
            languages[language.rawValue] = [
                "path": .string(input.path.relative),
                "preview": .string("/_edit/render?" + FormFields.query([("file", input.path.relative), ("v", FileFingerprint.of(input.text))])),
                "rendered": .bool(preview.html != nil),
                "readability": .string(FieldMessage.readability(preview.readability, text: text)),
                "messages": .array(messages.map { $0.json(text) }),
            ]
        }
        return EditorResponses.json(["languages": .object(languages), "status": .string(text.t("previewUpdated"))])
    }

    // MARK: - Conflicts

    func conflict(_ context: Context) async -> HTTPResponse {
        guard let file = context.query["file"], let path = ContentPath(file) else {
            return EditorResponses.refused("the path is not a file below Content/")
        }
        let inventory = await session.inventory()
        let back: String
        if path.language != nil {
            back = pageLink(context.ui, inventory.pair(containing: path)?.key ?? path)
        } else {
            back = "/_edit/\(context.ui.rawValue)/service?" + FormFields.query([("id", String(path.relative.dropFirst("services/".count).dropLast(5)))])
        }
        if context.isPost {
            do {
                switch context.form["action"] {
                case "mine": try await session.keepMine(path)
                case "theirs": await session.discard(path)
                default: try await session.rebase(path)
                }
            } catch {
                return EditorResponses.html(layout(context).page(title: text(context.ui).t("errorTitle"), main: EditorLayout.notice("error", "<p>\(HTML.escape("\(error)"))</p>")),
                                            status: .internalServerError)
            }
            return EditorResponses.redirect(back)
        }
        guard let draft = await session.drafts.draft(path) else { return EditorResponses.redirect(back) }
        let disk = await session.diskText(path) ?? ""
        return EditorResponses.html(ConflictView(layout: layout(context), path: path, mine: draft.text, theirs: disk).render())
    }
}
