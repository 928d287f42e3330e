import Foundation

/// Writes a value as a YAML scalar that reads back as exactly that text: plain when that is safe,
/// double-quoted with escapes otherwise (a title that looks like a number, a boolean, a comment…).
enum YAMLScalar {
    static func string(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// A date (`2026-11-30`) or a whole number is written plain when it has that form, so it reads back typed.
    static func dateOrNumber(_ text: String) -> String {
        let isDate = text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        let isInteger = text.range(of: #"^-?\d{1,9}$"#, options: .regularExpression) != nil
        return isDate || isInteger ? text : string(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan"]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first.isWhitespace || last.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if last == ":" { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) { return false }
        if reserved.contains(text.lowercased()) { return false }
        // Anything a YAML 1.1 or 1.2 reader could take for a number or a date.
        if text.range(of: #"^[-+]?(\.?\d|0x|0o|0b)"#, options: .regularExpression) != nil { return false }
        return true
    }

    /// A block of text under a key at `indent` spaces: `|` literal lines when the text has several
    /// lines and can be written that way, else one scalar on the key's line.
    static func block(_ text: String, indent: Int) -> String {
        guard text.contains("\n") else { return " " + string(text) }
        let trimmedEnd = text.reversed().prefix { $0 == "\n" }.count
        let content = String(text.dropLast(trimmedEnd))
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        let literalSafe = !content.isEmpty && !(content.first?.isWhitespace ?? true)
            && !content.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0 == "\u{FEFF}" })
            && !lines.contains(where: { $0.last == " " || $0.last == "\t" })
        guard literalSafe else { return " " + quoted(text) }
        let chomp = trimmedEnd == 0 ? "-" : trimmedEnd == 1 ? "" : "+"
        let pad = String(repeating: " ", count: indent)
        var out = " |" + chomp
        for line in lines { out += "\n" + (line.isEmpty ? "" : pad + line) }
        for _ in 0..<max(0, trimmedEnd - 1) { out += "\n" }
        return out
    }
}
