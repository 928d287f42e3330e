import Foundation
import TrilliumSource

/// A page's text cut into what the editor's form shows: each top-level front matter key with its
/// raw lines, and the Markdown body. Keeping raw lines lets a save rewrite only the keys a person
/// changed, so the diff shows exactly their edit.
struct FrontMatterBlocks: Sendable, Equatable {
    struct Block: Sendable, Equatable {
        /// The key, or nil for comments and blank lines before the first key.
        var key: String?
        /// The lines, each ending in a newline.
        var text: String
    }

    var blocks: [Block]
    var body: String
    /// False when the text has no front matter the splitter accepts; `body` is then the whole text.
    var hasFrontMatter: Bool

    init(blocks: [Block], body: String, hasFrontMatter: Bool = true) {
        self.blocks = blocks
        self.body = body
        self.hasFrontMatter = hasFrontMatter
    }

    init(parsing text: String) {
        guard case .success(let parts) = FrontMatterSplitter().split(text) else {
            self.init(blocks: [], body: FrontMatterSplitter.normalize(text), hasFrontMatter: false)
            return
        }
        self.init(blocks: Self.cut(parts.yaml), body: parts.body)
    }

    /// Cuts YAML into top-level blocks: a line that starts at column 0 with `key:` opens one;
    /// indented lines, list items and comments belong to the block above them.
    static func cut(_ yaml: String) -> [Block] {
        var blocks: [Block] = []
        guard !yaml.isEmpty else { return [] }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if yaml.hasSuffix("\n") { lines.removeLast() }  // the newline ends the last line; it opens none
        for line in lines {
            if let key = topLevelKey(line) {
                blocks.append(Block(key: key, text: ""))
            } else if blocks.isEmpty {
                blocks.append(Block(key: nil, text: ""))
            }
            blocks[blocks.count - 1].text += line + "\n"
        }
        return blocks
    }

    static func topLevelKey(_ line: Substring) -> String? {
        guard let first = line.first, first.isLetter || first == "_" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return String(key)
    }

    /// The YAML between the fences.
    var yaml: String { blocks.map(\.text).joined() }

    /// The whole file: fences, blocks, body.
    var text: String {
        hasFrontMatter || !blocks.isEmpty ? "---\n" + yaml + "---\n" + body : body
    }
}
