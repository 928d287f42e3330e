/// Reads the flat YAML most front matter is, one `key: value` per line, without Yams.
///
/// Anything else (lists, nesting, flow collections, block scalars, anchors, escapes, comments
/// after a value, a key written twice) returns nil, and the caller reads the text with Yams, so
/// every document still gets Yams's answer and its located errors; this only makes the common
/// case fast. Values are plain or simply quoted scalars, with the line and column Yams gives them.
enum FlatYAML {
    static func parse(_ text: String) -> YAMLNode? {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var seen: Set<String> = []
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let first = line.first, !line.allSatisfy({ $0 == UInt8(ascii: " ") }) else { continue }
            if first == UInt8(ascii: "#") { continue }
            guard let (key, value, valueColumn, style) = entry(Array(line)) else { return nil }
            guard seen.insert(key).inserted else { return nil }
            pairs.append((key: YAMLNode(.scalar(key, .plain), line: lineNumber, column: 1),
                          value: YAMLNode(.scalar(value, style), line: lineNumber, column: valueColumn)))
        }
        guard let first = pairs.first else { return nil }
        return YAMLNode(.mapping(pairs), line: first.key.line, column: 1)
    }

    private static let keyBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".utf8)
    /// Bytes a plain scalar may not start with (YAML indicators); `-`, `?` and `:` only when a space follows.
    private static let indicators = Set(",[]{}#&*!|>'\"%@`\t".utf8)
    private static let indicatorsBeforeSpace = Set("-?:".utf8)

    /// `key: value` → the key, the value's text, the value's column and style; nil when not flat.
    private static func entry(_ line: [UInt8]) -> (String, String, Int, YAMLNode.Style)? {
        var index = 0
        while index < line.count, keyBytes.contains(line[index]) { index += 1 }
        guard index > 0, index < line.count, line[index] == UInt8(ascii: ":"),
              line[0] != UInt8(ascii: "-"), line[0] < 0x80 else { return nil }
        let key = String(decoding: line[0..<index], as: UTF8.self)
        index += 1
        let spacesStart = index
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        // `key:` alone (null) and `key:value` (not a mapping) are left to Yams.
        guard index > spacesStart, index < line.count else { return nil }
        var end = line.count
        while end > index, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let raw = Array(line[index..<end])
        // Columns count Unicode scalars, as libyaml's do: count the bytes that start one.
        let column = line[0..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        if let quote = raw.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard raw.count >= 2, raw.last == quote else { return nil }
            let inner = raw[1..<(raw.count - 1)]
            guard !inner.contains(quote), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return (key, String(decoding: inner, as: UTF8.self), column, .quoted)
        }
        guard let first = raw.first, !indicators.contains(first), !raw.contains(UInt8(ascii: "\t")), raw.last != UInt8(ascii: ":") else {
            return nil
        }
        if indicatorsBeforeSpace.contains(first), raw.count == 1 || raw[1] == UInt8(ascii: " ") { return nil }
        // `: ` would start a mapping and ` #` a comment.
        for position in 0..<(raw.count - 1) {
            if raw[position] == UInt8(ascii: ":"), raw[position + 1] == UInt8(ascii: " ") { return nil }
            if raw[position] == UInt8(ascii: " "), raw[position + 1] == UInt8(ascii: "#") { return nil }
        }
        return (key, String(decoding: raw, as: UTF8.self), column, .plain)
    }
}
