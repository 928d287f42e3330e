import Foundation

/// Splits a Markdown file into its YAML front matter and body, keeping line numbers.
///
/// Text comes in as a string so tests can feed it directly. A byte-order mark and CRLF line
/// endings are accepted: the text is normalized to LF first, which keeps line numbers unchanged.
public struct FrontMatterSplitter: Sendable {
    public struct Parts: Sendable, Equatable {
        /// YAML between the `---` lines.
        public var yaml: String
        /// Lines before the YAML's first line (the opening `---`), to convert YAML lines to file lines.
        public var yamlLineOffset: Int
        public var body: String
        /// File line where the body starts.
        public var bodyStartLine: Int
    }

    public enum Problem: Error, Equatable {
        case missingOpeningFence
        case unterminated(openingLine: Int)
    }

    public init() {}

    /// Removes a leading byte-order mark and turns CRLF and lone CR into LF.
    public static func normalize(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    public func split(_ rawText: String) -> Result<Parts, Problem> {
        let text = Self.normalize(rawText)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Allow blank lines before the opening fence.
        var first = 0
        while first < lines.count, lines[first].allSatisfy(\.isWhitespace), first < 50 { first += 1 }
        guard first < lines.count, lines[first].trimmingTrailingSpaces == "---" else {
            return .failure(.missingOpeningFence)
        }
        var closing: Int?
        for index in (first + 1)..<lines.count where lines[index].trimmingTrailingSpaces == "---" || lines[index].trimmingTrailingSpaces == "..." {
            closing = index
            break
        }
        guard let closing else { return .failure(.unterminated(openingLine: first + 1)) }
        let yaml = lines[(first + 1)..<closing].joined(separator: "\n")
        lines = Array(lines[(closing + 1)...])
        return .success(Parts(yaml: yaml, yamlLineOffset: first + 1, body: lines.joined(separator: "\n"), bodyStartLine: closing + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
