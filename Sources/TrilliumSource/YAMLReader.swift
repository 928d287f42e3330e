import Foundation
import TrilliumModel
import Yams

/// Reads a YAML document node by node, so every type error and unknown key names its file and line.
///
/// Yams reports positions for syntax errors only; decoding through `Codable` loses them for
/// type errors. Walking the composed node tree keeps each value's mark. Flat documents (one
/// `key: value` per line, as most front matter is) are read by `FlatYAML` without Yams.
package final class YAMLReader {
    package let file: String
    /// Lines before the YAML's first line in the file (front matter starts after the `---` line).
    package let lineOffset: Int
    package var diagnostics = DiagnosticList()

    package init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text` into its root node, or records the syntax error with its real line.
    package func compose(_ text: String) -> YAMLNode? {
        if let flat = FlatYAML.parse(text) { return flat }
        if let block = BlockYAML.parse(text) { return block }
        do {
            // UTF-8, as Yams picks for native strings; naming it spares Yams reading the whole
            // environment (its default) for every file.
            return try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8).map(YAMLNode.init)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                diagnostics.error(location(mark), "YAML syntax error: \(problem)",
                                  hint: "Check the indentation and quoting on this line; values containing ': ' or starting with a symbol need quotes.")
            default:
                diagnostics.error(SourceLocation(file: file, line: lineOffset + 1), "YAML could not be read: \(error)")
            }
            return nil
        } catch {
            diagnostics.error(SourceLocation(file: file, line: lineOffset + 1), "YAML could not be read: \(error)")
            return nil
        }
    }

    package func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    package func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    package func error(_ node: YAMLNode?, _ message: String, hint: String? = nil) {
        diagnostics.error(node.map { location(of: $0) } ?? SourceLocation(file: file, line: lineOffset + 1), message, hint: hint)
    }

    package func warning(_ node: YAMLNode?, _ message: String, hint: String? = nil) {
        diagnostics.warning(node.map { location(of: $0) } ?? SourceLocation(file: file, line: lineOffset + 1), message, hint: hint)
    }

    package func record(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The root as a mapping, or an error saying what was expected.
    package func map(_ node: YAMLNode?, _ what: String) -> YAMLMap? {
        guard let node else {
            diagnostics.error(SourceLocation(file: file, line: lineOffset + 1), "\(what) is empty", hint: "Add the required keys.")
            return nil
        }
        guard case .mapping(let pairs) = node.kind else {
            error(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        return YAMLMap(pairs: pairs, node: node, reader: self)
    }
}

/// A YAML mapping with typed, located accessors. Each accessor records a diagnostic on a bad value.
package struct YAMLMap {
    package let pairs: [(key: YAMLNode, value: YAMLNode)]
    package let node: YAMLNode
    package let reader: YAMLReader

    package var keys: [String] { pairs.compactMap(\.key.scalarText) }

    package func value(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalarText == key }?.value }

    package func keyNode(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalarText == key }?.key }

    /// Location of a key, falling back to the mapping itself.
    package func location(of key: String) -> SourceLocation {
        reader.location(of: keyNode(key) ?? node)
    }

    /// Records an error for every key not in `allowed` (catches typos such as `titel:`).
    package func rejectUnknownKeys(_ allowed: [String], in what: String) {
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            if !allowed.contains(key) {
                let suggestion = allowed.min { editDistance($0, key) < editDistance($1, key) }
                let hint = suggestion.flatMap { editDistance($0, key) <= 3 ? "Did you mean `\($0)`?" : nil }
                    ?? "Allowed keys: \(allowed.joined(separator: ", "))."
                reader.error(pair.key, "unknown key `\(key)` in \(what)", hint: hint)
            }
        }
    }

    package func requireKey(_ key: String, in what: String) -> YAMLNode? {
        guard let value = value(key) else {
            reader.diagnostics.error(reader.location(of: node), "\(what) is missing required key `\(key)`",
                                     hint: "Add `\(key): …`.")
            return nil
        }
        return value
    }

    package func string(_ key: String, required: Bool = false, in what: String) -> String? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        if let text = node.scalarText, !node.isNull || !text.isEmpty {
            if text.isEmpty && required {
                reader.error(node, "`\(key)` must not be empty")
                return nil
            }
            return text
        }
        if required || !node.isNull {
            reader.error(node, "`\(key)` must be text")
        }
        return nil
    }

    package func bool(_ key: String, in what: String) -> Bool? {
        guard let node = value(key) else { return nil }
        if let value = node.bool { return value }
        reader.error(node, "`\(key)` must be true or false")
        return nil
    }

    package func int(_ key: String, in what: String) -> Int? {
        guard let node = value(key) else { return nil }
        if let value = node.int { return value }
        reader.error(node, "`\(key)` must be a whole number")
        return nil
    }

    /// A calendar date written `YYYY-MM-DD` (a time part is allowed and ignored).
    package func date(_ key: String, required: Bool = false, in what: String) -> Day? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        if let text = node.scalarText, let day = Day(parsing: text) { return day }
        reader.error(node, "`\(key)` must be a date written YYYY-MM-DD")
        return nil
    }

    package func stringList(_ key: String, required: Bool = false, in what: String) -> [String]? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        guard case .sequence(let sequence) = node.kind else {
            reader.error(node, "`\(key)` must be a list, e.g. [a, b]")
            return nil
        }
        var result: [String] = []
        for item in sequence {
            if let text = item.scalarText { result.append(text) } else { reader.error(item, "items of `\(key)` must be text") }
        }
        return result
    }

    package func map(_ key: String, required: Bool = false, in what: String) -> YAMLMap? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        guard case .mapping(let pairs) = node.kind else {
            reader.error(node, "`\(key)` must be a mapping of keys to values")
            return nil
        }
        return YAMLMap(pairs: pairs, node: node, reader: reader)
    }

    package func list(_ key: String, required: Bool = false, in what: String) -> [YAMLNode]? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        guard case .sequence(let sequence) = node.kind else {
            if !Self.isEmpty(node) { reader.error(node, "`\(key)` must be a list") }
            return Self.isEmpty(node) ? [] : nil
        }
        return sequence
    }

    package func mapList(_ key: String, required: Bool = false, in what: String) -> [YAMLMap] {
        (list(key, required: required, in: what) ?? []).compactMap { item in
            guard case .mapping(let pairs) = item.kind else {
                reader.error(item, "items of `\(key)` must be mappings")
                return nil
            }
            return YAMLMap(pairs: pairs, node: item, reader: reader)
        }
    }

    /// Text given in both languages: `{ en: …, fr: … }`. A missing language is an error.
    package func localized(_ key: String, required: Bool = true, in what: String) -> Localized<String>? {
        guard let node = required ? requireKey(key, in: what) : value(key) else { return nil }
        guard case .mapping(let pairs) = node.kind else {
            reader.error(node, "`\(key)` must give the text in both languages: `{ en: …, fr: … }`")
            return nil
        }
        let map = YAMLMap(pairs: pairs, node: node, reader: reader)
        map.rejectUnknownKeys(Language.allCases.map(\.rawValue), in: "`\(key)`")
        var values: [Language: String] = [:]
        for language in Language.allCases {
            guard let text = map.string(language.rawValue, in: what), !Self.isBlank(text) else {
                reader.diagnostics.error(map.location(of: language.rawValue), "`\(key)` has no \(language == .en ? "English" : "French") text (`\(language.rawValue):`)",
                                         hint: "Every text must exist in both English and French.")
                continue
            }
            values[language] = text
        }
        guard values.count == Language.allCases.count else { return nil }
        return Localized(values)
    }

    /// Only white space (what trimming white space and newlines would leave empty), looking no
    /// further than the first other character: descriptions are long.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Nothing written: an empty, `~` or `null` scalar (of any style, as Trillium always read it).
    private static func isEmpty(_ node: YAMLNode) -> Bool {
        guard let text = node.scalarText else { return false }
        return text.isEmpty || text == "~" || text == "null"
    }
}

/// Levenshtein distance, for "did you mean" hints.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
