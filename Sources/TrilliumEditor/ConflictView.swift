/// A file changed on disk while someone edited it: both versions, read-only, and the three ways on.
struct ConflictView: Sendable {
    let layout: EditorLayout
    let path: ContentPath
    let mine: String
    let theirs: String

    func render() -> String {
        let text = layout.text
        let action = "/_edit/\(text.language.rawValue)/conflict?" + FormFields.query([("file", path.relative)])
        let main = """
        <h1>\(text.h("conflictTitle", ["file": path.sitePath]))</h1>
        \(EditorLayout.notice("warning", "<p>\(text.h("conflictExplained"))</p>"))
        <div class="pair">
        <div class="field"><label for="theirs">\(text.h("conflictTheirs"))</label>
        <textarea id="theirs" rows="24" readonly spellcheck="false">\(HTML.textareaContent(theirs))</textarea></div>
        <div class="field"><label for="mine">\(text.h("conflictMine"))</label>
        <textarea id="mine" rows="24" readonly spellcheck="false">\(HTML.textareaContent(mine))</textarea></div>
        </div>
        <form method="post" action="\(HTML.escape(action))" class="actions">
        \(layout.tokenField)
        <button type="submit" name="action" value="rebase" class="primary">\(text.h("conflictRebase"))</button>
        <button type="submit" name="action" value="mine">\(text.h("conflictKeepMine"))</button>
        <button type="submit" name="action" value="theirs" class="secondary">\(text.h("conflictKeepTheirs"))</button>
        </form>
        <p class="hint">\(text.h("conflictCopyKept"))</p>
        """
        return layout.page(title: text.t("conflictTitle", ["file": path.sitePath]), main: main)
    }
}
