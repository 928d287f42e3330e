import TrilliumModel

/// What a result shows, one small file per document (`search/<lang>/d/<number>.json`), fetched
/// only for the results on screen:
/// `{"kind":"service","phones":[[text,href],…],"section":…,"text":…,"title":…,"url":…}`.
public enum SearchFragment {
    /// Characters of a document's excerpt kept for snippets (cut at a word boundary).
    public static let excerptLimit = 2_400

    public static func path(_ language: Language, document: Int) -> String {
        SearchIndex.folder(language) + "d/\(document).json"
    }

    public static func file(_ document: SearchDocument, number: Int, language: Language) -> OutputFile {
        let value: JSONValue = [
            "kind": .string(document.kind.rawValue),
            "phones": .array(document.phones.map { [.string($0.text), .string($0.href)] }),
            "section": .string(document.section),
            "text": .string(excerpt(document.excerpt)),
            "title": .string(document.title),
            "url": .string(document.url),
        ]
        return OutputFile(path: path(language, document: number), data: JSONWriter.data(value))
    }

    /// The first `excerptLimit` characters of `text`, whitespace collapsed, cut before a word.
    static func excerpt(_ text: String) -> String {
        var result = ""
        var length = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let count = word.count
            if length + count + 1 > excerptLimit { break }
            if length > 0 { result += " "; length += 1 }
            result += word
            length += count
        }
        return result
    }
}
