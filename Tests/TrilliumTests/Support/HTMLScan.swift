/// Small helpers to read built HTML in tests without an HTML parser.
enum HTMLScan {
    /// Every tag (`<…>`) in the text, in order.
    static func tags(_ html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The value of `name="…"` in one tag, or nil.
    static func attribute(_ name: String, of tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return String(value)
    }

    /// Values of `name` in every tag that contains `marker`, e.g. `class="language-toggle"`.
    static func attribute(_ name: String, inTagsContaining marker: String, in html: String) -> [String] {
        tags(html).filter { $0.contains(marker) }.compactMap { attribute(name, of: $0) }
    }

    /// Number of times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
