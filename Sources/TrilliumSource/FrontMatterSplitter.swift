import Foundation
import TrilliumModel

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
        if Self.containsCarriageReturn(text) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Whether `text` holds a CR, with `memchr` over its bytes (a byte-by-byte walk of the
    /// whole file showed in the profile of reading 20,000 pages).
    static func containsCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0x0D, bytes.count) != nil
        } ?? text.utf8.contains(0x0D)
    }

    public func split(_ rawText: String) -> Result<Parts, Problem> {
        let text = Self.normalize(rawText)
        // Walk line by line only as far as the closing fence; the body is taken whole after it.
        var lineNumber = 0
        var position = text.startIndex
        var openingLine: Int?
        var yamlStart = text.startIndex
        while position < text.endIndex {
            let lineEnd = text[position...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[position..<lineEnd]
            lineNumber += 1
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            let trimmed = line.trimmingTrailingSpaces
            if let opening = openingLine {
                if trimmed == "---" || trimmed == "..." {
                    let yaml = String(text[yamlStart..<(position > yamlStart ? text.index(before: position) : position)])
                    return .success(Parts(yaml: yaml, yamlLineOffset: opening, body: String(text[next...]), bodyStartLine: lineNumber + 1))
                }
            } else if trimmed == "---" {
                openingLine = lineNumber
                yamlStart = next
            } else if !line.allSatisfy(\.isWhitespace) || lineNumber > 50 {
                // Blank lines may come before the opening fence; anything else means there is none.
                return .failure(.missingOpeningFence)
            }
            position = next
        }
        if let opening = openingLine { return .failure(.unterminated(openingLine: opening)) }
        return .failure(.missingOpeningFence)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
