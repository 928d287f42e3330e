import Yams

/// A YAML value with where it was written: what Trillium's readers walk.
///
/// Plain scalars keep their text; whether one means null, a boolean or a whole number is decided
/// here (YAML 1.1's words, as Yams's default rules say them) without regular expressions, and a
/// quoted scalar is always text.
package struct YAMLNode: Sendable {
    package enum Style: Sendable { case plain, quoted, literal, folded }

    package enum Kind: Sendable {
        case scalar(String, Style)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
        /// An alias (`*name`): not something Trillium's files use.
        case alias
    }

    package var kind: Kind
    /// 1-based line and column (columns count Unicode scalars) within the YAML text.
    package var line: Int
    package var column: Int

    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The node Yams composed (with its "basic" resolver: no tag resolution).
    package init(_ node: Node) {
        let mark = node.mark
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let style: Style = switch scalar.style {
            case .plain, .any: .plain
            case .literal: .literal
            case .folded: .folded
            default: .quoted
            }
            kind = .scalar(scalar.string, style)
        case .mapping(let mapping):
            kind = .mapping(mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .sequence(let sequence):
            kind = .sequence(sequence.map(YAMLNode.init))
        case .alias:
            kind = .alias
        }
    }

    package var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    package var style: Style? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    package var isMapping: Bool {
        if case .mapping = kind { return true }
        return false
    }

    /// The value of `key` in a mapping (the first, when a key is written twice).
    package subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// A plain `~`, `null` or nothing.
    package var isNull: Bool {
        guard case .scalar(let text, .plain) = kind else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A YAML 1.1 boolean word, in any case (as Yams reads one).
    package var bool: Bool? {
        guard case .scalar(let text, _) = kind else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A whole number: decimal, or `0x`, `0o`, `0b` with digits, `_` allowed between digits.
    package var int: Int? {
        guard case .scalar(let text, _) = kind, !text.isEmpty else { return nil }
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        let clean = digits.filter { $0 != "_" }
        // A leading zero means octal, as in YAML 1.1 (`0755`).
        if radix == 10, clean.count > 1, clean.hasPrefix("0") { radix = 8 }
        guard !clean.isEmpty, !digits.hasPrefix("_"), let value = Int(clean, radix: radix) else { return nil }
        return sign * value
    }
}
