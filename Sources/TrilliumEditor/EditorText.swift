import TrilliumModel

/// The UI language of one editor view, with its strings: `text.t("save")`.
struct EditorText: Sendable {
    let strings: EditorStrings
    let language: Language

    func t(_ key: String, _ arguments: [String: String] = [:]) -> String {
        strings.t(key, language, arguments)
    }

    /// The same key, escaped for HTML text and attributes.
    func h(_ key: String, _ arguments: [String: String] = [:]) -> String {
        MarkupEscaping.escape(t(key, arguments))
    }

    /// Name of a content language in the UI language: "English", "French" / « anglais », « français ».
    func languageName(_ content: Language) -> String {
        t(content == .en ? "languageEnglish" : "languageFrench")
    }
}
