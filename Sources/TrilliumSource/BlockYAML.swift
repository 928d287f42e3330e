/// Reads the nested YAML that service files are, without Yams: block mappings and sequences,
/// one-line flow sequences and mappings (`[a, b]`, `{ days: [mon], opens: "09:00" }`), plain and
/// simply quoted scalars, and literal blocks (`|`).
///
/// Like `FlatYAML`, it answers only when it is sure to give what Yams gives, with the same lines
/// and columns; anything else (anchors, tags, escapes, folded or chomped blocks, comments after a
/// value, a plain scalar over several lines, an empty value, a key written twice, tabs) returns
/// nil and the caller reads the text with Yams, so errors keep Yams's located messages. Reading
/// 60,000 service files through Yams took a tenth of the whole build's CPU time.
enum BlockYAML {
    static func parse(_ text: String) -> YAMLNode? {
        var reader = Reader(Array(text.utf8))
        guard reader.isUsable, let start = reader.nextContentLine(from: 0) else { return nil }
        reader.line = start
        guard reader.indent(of: start) == 0, let node = reader.block(at: 0, offset: 0) else { return nil }
        // Nothing but blank lines and comments may follow.
        guard reader.line >= reader.lines.count else { return nil }
        return node
    }

    private struct Reader {
        let bytes: [UInt8]
        /// Each line's start and end (without its newline) in `bytes`.
        var lines: [(start: Int, end: Int)] = []
        /// The line being read (index into `lines`).
        var line = 0
        var isUsable = true

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                lines.append((start, index))
                start = index + 1
            }
            if start < bytes.count { lines.append((start, bytes.count)) }
            // Tabs, CRs and a byte-order mark change how YAML reads indentation and lines.
            isUsable = !bytes.contains(UInt8(ascii: "\t")) && !bytes.contains(UInt8(ascii: "\r")) && !(bytes.first.map { $0 >= 0x80 } ?? false)
        }

        subscript(_ position: Int) -> UInt8 { bytes[position] }

        func indent(of index: Int) -> Int {
            let (start, end) = lines[index]
            var position = start
            while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
            return position - start
        }

        /// Blank, or a comment alone on its line.
        func isSkippable(_ index: Int) -> Bool {
            let (start, end) = lines[index]
            let first = start + indent(of: index)
            return first == end || bytes[first] == UInt8(ascii: "#")
        }

        func nextContentLine(from index: Int) -> Int? {
            var index = index
            while index < lines.count {
                if !isSkippable(index) { return index }
                index += 1
            }
            return nil
        }

        /// 1-based column of byte `offset` of line `index`, counting Unicode scalars.
        func column(_ index: Int, _ offset: Int) -> Int {
            let start = lines[index].start
            var column = 1
            for position in start..<(start + offset) where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func node(_ kind: YAMLNode.Kind, _ index: Int, _ offset: Int) -> YAMLNode {
            YAMLNode(kind, line: index + 1, column: column(index, offset))
        }

        /// A block mapping or sequence whose first entry starts at byte `offset` of the current
        /// line; later entries start at column `indent` of their lines.
        mutating func block(at indent: Int, offset: Int) -> YAMLNode? {
            if isDash(line, offset) { return offset == indent ? sequence(at: indent) : nil }
            return mapping(at: indent, offset: offset)
        }

        func isDash(_ index: Int, _ offset: Int) -> Bool {
            let (start, end) = lines[index]
            let position = start + offset
            return position < end && bytes[position] == UInt8(ascii: "-") && (position + 1 == end || bytes[position + 1] == UInt8(ascii: " "))
        }

        /// The end of a `key:` starting at byte `offset` of line `index` (the colon's offset), or nil.
        func keyEnd(_ index: Int, _ offset: Int) -> Int? {
            let (start, end) = lines[index]
            var position = start + offset
            while position < end, Self.keyBytes.contains(bytes[position]) { position += 1 }
            guard position > start + offset, position < end, bytes[position] == UInt8(ascii: ":"),
                  bytes[start + offset] != UInt8(ascii: "-") else { return nil }
            guard position + 1 == end || bytes[position + 1] == UInt8(ascii: " ") else { return nil }
            return position - start
        }

        static let keyBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".utf8)

        /// Every reader below leaves `line` on the first content line after what it read (or
        /// past the last line).
        mutating func mapping(at indent: Int, offset firstOffset: Int) -> YAMLNode? {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var seen: Set<String> = []
            var offset = firstOffset
            let startLine = line
            while true {
                guard let colon = keyEnd(line, offset) else { return nil }
                let start = lines[line].start
                let key = String(decoding: bytes[(start + offset)..<(start + colon)], as: UTF8.self)
                guard seen.insert(key).inserted else { return nil }
                let keyNode = node(.scalar(key, .plain), line, offset)
                guard let value = value(after: colon + 1, parentIndent: indent) else { return nil }
                pairs.append((keyNode, value))
                if line >= lines.count { break }
                let nextIndent = self.indent(of: line)
                if nextIndent < indent { break }
                guard nextIndent == indent else { return nil }
                // `- ` here ends a mapping written in a sequence's entry (`- key: value`).
                if isDash(line, indent) { break }
                offset = indent
            }
            return node(.mapping(pairs), startLine, firstOffset)
        }

        mutating func sequence(at indent: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            let startLine = line
            while true {
                let (start, end) = lines[line]
                var offset = indent + 1
                while start + offset < end, bytes[start + offset] == UInt8(ascii: " ") { offset += 1 }
                guard start + offset < end else { return nil } // `-` alone: a nested block or null
                if keyEnd(line, offset) != nil {
                    guard let item = mapping(at: offset, offset: offset) else { return nil }
                    items.append(item)
                } else {
                    guard let item = inlineValue(line, offset, parentIndent: indent) else { return nil }
                    items.append(item)
                    line = nextContentLine(from: line + 1) ?? lines.count
                }
                if line >= lines.count { break }
                let nextIndent = self.indent(of: line)
                if nextIndent < indent { break }
                guard nextIndent == indent else { return nil }
                // A key at this indentation ends a sequence that is a mapping's value.
                if !isDash(line, indent) { break }
            }
            return node(.sequence(items), startLine, indent)
        }

        /// The value after a key's colon at byte `offset` of the current line.
        mutating func value(after offset: Int, parentIndent: Int) -> YAMLNode? {
            let (start, end) = lines[line]
            var position = start + offset
            skipSpaces(&position, end)
            if position == end {
                // A nested block below: more indented, or a sequence at the same indentation.
                guard let next = nextContentLine(from: line + 1) else { return nil }
                let nextIndent = indent(of: next)
                guard nextIndent > parentIndent || (nextIndent == parentIndent && isDash(next, nextIndent)) else { return nil }
                line = next
                return block(at: nextIndent, offset: nextIndent)
            }
            if bytes[position] == UInt8(ascii: "|") {
                guard let text = literal(at: position - start, parentIndent: parentIndent) else { return nil }
                line = nextContentLine(from: line + 1) ?? lines.count
                return text
            }
            guard let value = inlineValue(line, position - start, parentIndent: parentIndent) else { return nil }
            line = nextContentLine(from: line + 1) ?? lines.count
            return value
        }

        /// A one-line value at byte `offset` of line `index`: flow collection, quoted or plain scalar.
        func inlineValue(_ index: Int, _ offset: Int, parentIndent: Int) -> YAMLNode? {
            let (start, end) = lines[index]
            var position = start + offset
            guard let value = flow(index, &position, end: end, inFlow: false) else { return nil }
            skipSpaces(&position, end)
            guard position == end else { return nil }
            // A more indented line next would continue a plain scalar (or be an error): Yams's.
            if let next = nextContentLine(from: index + 1), indent(of: next) > parentIndent { return nil }
            return value
        }

        /// A flow value starting at `position` (moved past it).
        func flow(_ index: Int, _ position: inout Int, end: Int, inFlow: Bool) -> YAMLNode? {
            guard position < end else { return nil }
            let start = lines[index].start
            let offset = position - start
            let first = bytes[position]
            switch first {
            case UInt8(ascii: "["):
                position += 1
                var items: [YAMLNode] = []
                skipSpaces(&position, end)
                if position < end, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return node(.sequence([]), index, offset)
                }
                while true {
                    skipSpaces(&position, end)
                    guard position < end, bytes[position] != UInt8(ascii: "["), bytes[position] != UInt8(ascii: "{"),
                          let item = flow(index, &position, end: end, inFlow: true) else { return nil }
                    items.append(item)
                    skipSpaces(&position, end)
                    guard position < end else { return nil }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "]") { position += 1; break }
                    return nil
                }
                return node(.sequence(items), index, offset)
            case UInt8(ascii: "{"):
                guard !inFlow else { return nil }
                position += 1
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                var seen: Set<String> = []
                while true {
                    skipSpaces(&position, end)
                    let keyStart = position
                    while position < end, Self.keyBytes.contains(bytes[position]) { position += 1 }
                    guard position > keyStart, position + 1 < end, bytes[position] == UInt8(ascii: ":"),
                          bytes[position + 1] == UInt8(ascii: " ") else { return nil }
                    let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
                    guard seen.insert(key).inserted else { return nil }
                    let keyNode = node(.scalar(key, .plain), index, keyStart - start)
                    position += 1
                    skipSpaces(&position, end)
                    guard position < end, bytes[position] != UInt8(ascii: "{"), let value = flow(index, &position, end: end, inFlow: true) else { return nil }
                    pairs.append((keyNode, value))
                    skipSpaces(&position, end)
                    guard position < end else { return nil }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "}") { position += 1; break }
                    return nil
                }
                guard !pairs.isEmpty else { return nil }
                return node(.mapping(pairs), index, offset)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                var close = position + 1
                while close < end, bytes[close] != first { close += 1 }
                guard close < end else { return nil }
                let inner = bytes[(position + 1)..<close]
                guard !inner.contains(UInt8(ascii: "\\")) else { return nil }
                // `''` inside single quotes is an escaped quote: Yams's.
                guard close + 1 >= end || bytes[close + 1] != first else { return nil }
                position = close + 1
                return node(.scalar(String(decoding: inner, as: UTF8.self), .quoted), index, offset)
            default:
                guard !Self.indicators.contains(first) else { return nil }
                if Self.indicatorsBeforeSpace.contains(first), position + 1 >= end || bytes[position + 1] == UInt8(ascii: " ") { return nil }
                var stop = position
                while stop < end {
                    let byte = bytes[stop]
                    if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
                    if inFlow, byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { return nil }
                    if byte == UInt8(ascii: ":"), stop + 1 == end || bytes[stop + 1] == UInt8(ascii: " ") || inFlow { return nil }
                    if byte == UInt8(ascii: "#"), stop > position, bytes[stop - 1] == UInt8(ascii: " ") { return nil }
                    stop += 1
                }
                var trimmed = stop
                while trimmed > position, bytes[trimmed - 1] == UInt8(ascii: " ") { trimmed -= 1 }
                guard trimmed > position else { return nil }
                let text = String(decoding: bytes[position..<trimmed], as: UTF8.self)
                position = stop
                return node(.scalar(text, .plain), index, offset)
            }
        }

        /// Bytes a plain scalar may not start with (YAML indicators); `-`, `?` and `:` only when a space follows.
        static let indicators = Set(",[]{}#&*!|>'\"%@`".utf8)
        static let indicatorsBeforeSpace = Set("-?:".utf8)

        func skipSpaces(_ position: inout Int, _ end: Int) {
            while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
        }

        /// A literal block (`|` at byte `offset` of the current line, alone), kept line for line
        /// with one final newline; leaves `line` on its last line.
        mutating func literal(at offset: Int, parentIndent: Int) -> YAMLNode? {
            let (start, end) = lines[line]
            var after = start + offset + 1
            skipSpaces(&after, end)
            guard after == end else { return nil } // `|-`, `|+`, `|2`, a comment: Yams's
            let header = line
            var index = line + 1
            var blockIndent = 0
            // The first line with text sets the indentation; blank lines before it count.
            var probe = index
            while probe < lines.count, lines[probe].start + indent(of: probe) == lines[probe].end { probe += 1 }
            guard probe < lines.count else { return nil }
            blockIndent = indent(of: probe)
            guard blockIndent > parentIndent else { return nil }
            var text: [UInt8] = []
            var pendingBlank = 0
            var last = header
            while index < lines.count {
                let (lineStart, lineEnd) = lines[index]
                let spaces = indent(of: index)
                if lineStart + spaces == lineEnd {
                    // Blank: kept as a line break when text follows; more spaces than the block's are Yams's.
                    guard spaces <= blockIndent else { return nil }
                    pendingBlank += 1
                    index += 1
                    continue
                }
                if spaces < blockIndent { break }
                if !text.isEmpty || pendingBlank > 0 {
                    if !text.isEmpty { text.append(UInt8(ascii: "\n")) }
                    text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: pendingBlank))
                }
                pendingBlank = 0
                text.append(contentsOf: bytes[(lineStart + blockIndent)..<lineEnd])
                last = index
                index += 1
            }
            guard !text.isEmpty else { return nil }
            text.append(UInt8(ascii: "\n"))
            let result = node(.scalar(String(decoding: text, as: UTF8.self), .literal), header, offset)
            line = last
            return result
        }
    }
}
