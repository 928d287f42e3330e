import TrilliumModel

/// A heading found in a page, with the id its anchor gets.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// The result of rendering one Markdown text: HTML plus what later stages need from it.
public struct MarkdownDocument: Sendable {
    public var html: String
    public var headings: [Heading]
    /// File line of each heading, in the same order as `headings`, for diagnostics.
    public var headingLines: [Int] = []
    /// Text without markup, for search and readability.
    public var plainText: String
    /// Whether an image lacks alternative text (reported by `check`).
    public var imagesWithoutAlt: [SourceLocation]
}

/// Stable anchor ids for headings: accents folded, lowercase, hyphens; duplicates numbered.
public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slugify(_ text: String) -> String {
        // The folded text is ASCII: worked on as bytes.
        var result: [UInt8] = []
        var pendingHyphen = false
        for byte in TextFolding.foldedUTF8(text) {
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(byte)
            } else if byte != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }

    public mutating func id(for text: String) -> String {
        let base = Self.slugify(text)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}

