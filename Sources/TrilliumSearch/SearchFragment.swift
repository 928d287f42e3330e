import TrilliumModel

/// What a result shows, one small file per document (`search/<lang>/d/<number>.json`), fetched
/// only for the results on screen:
/// `{"kind":"service","phones":[[text,href],…],"section":…,"text":…,"title":…,"url":…}`.
public enum SearchFragment {
    /// Characters of a document's excerpt kept for snippets (cut at a word boundary).
    public static let excerptLimit = 1_500

    public static func path(_ language: Language, document: Int) -> String {
        SearchIndex.folder(language) + "d/\(document).json"
    }

    public static func file(_ document: SearchDocument, number: Int, language: Language) -> OutputFile {
        let value: JSONValue = [
            "kind": .string(document.kind.rawValue),
            "phones": .array(document.phones.map { [.string($0.text), .string($0.href)] }),
            "section": .string(document.section),
            "text": .string(document.excerpt),
            "title": .string(document.title),
            "url": .string(document.url),
        ]
        return OutputFile(path: path(language, document: number), data: JSONWriter.data(value))
    }

    /// The first `excerptLimit` characters (Unicode scalars) of `text`, runs of spaces and line
    /// breaks made one space, cut before a word. Works on bytes: it runs over every page's text.
    public static func excerpt(_ text: String) -> String {
        excerpt(of: [text])
    }

    /// `excerpt` of the texts joined by spaces, without joining them (a page's whole text would
    /// be copied for its first words).
    public static func excerpt(of texts: [String]) -> String {
        var out: [UInt8] = []
        var length = 0
        var full = false
        for text in texts where !full {
            var text = text
            text.withUTF8 { bytes in
                if out.isEmpty { out.reserveCapacity(min(bytes.count, excerptLimit * 2)) }
                var index = 0
                while index < bytes.count {
                    while index < bytes.count && isSpace(bytes[index]) { index += 1 }
                    let start = index
                    var scalars = 0
                    while index < bytes.count && !isSpace(bytes[index]) {
                        if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                        index += 1
                    }
                    guard index > start else { break }
                    let needed = scalars + (out.isEmpty ? 0 : 1)
                    if length + needed > excerptLimit {
                        full = true
                        break
                    }
                    if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    length += needed
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
