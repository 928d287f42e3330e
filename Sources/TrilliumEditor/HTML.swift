import TrilliumModel

/// Small helpers for the editor's markup. Every text that comes from a file or a request goes
/// through `escape` (the one escaper); the browser script only ever sets `textContent` and `value`.
enum HTML {
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// `name="value"` pairs, escaped; nil values are left out, empty ones written as bare names.
    static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in
            guard let value else { return nil }
            return value.isEmpty && ["checked", "selected", "hidden", "readonly", "disabled", "required", "sandbox"].contains(name)
                ? " \(name)" : " \(name)=\"\(escape(value))\""
        }.joined()
    }

    /// A text area's content: a newline first, because browsers drop one newline right after the start tag.
    static func textareaContent(_ text: String) -> String { "\n" + escape(text) }
}
