import Foundation
import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Canadian French typography applied to rendered HTML: no-break spaces before `:` and inside
/// « », narrow no-break spaces before `; ! ?`, non-breaking hyphens in phone numbers, and the
/// typographic apostrophe (’) inside words.
///
/// Works on text only: tags, attributes, entities and the contents of `code`, `pre`, `script`,
/// `style`, `textarea`, `kbd` and `samp` are left as they are, and so are words that look like
/// URLs. It runs over UTF-8 bytes: every character it inspects or inserts is known, and all
/// other bytes are copied through, so it is a single pass with no per-word allocation.
public enum FrenchTypography {
    static let noBreakSpace: [UInt8] = [0xC2, 0xA0]           // U+00A0
    static let narrowNoBreakSpace: [UInt8] = [0xE2, 0x80, 0xAF] // U+202F
    static let nonBreakingHyphen: [UInt8] = [0xE2, 0x80, 0x91]  // U+2011
    static let openingGuillemet: [UInt8] = [0xC2, 0xAB]        // «
    static let closingGuillemet: [UInt8] = [0xC2, 0xBB]        // »
    static let rightSingleQuote: [UInt8] = [0xE2, 0x80, 0x99]  // ’

    // Lists, not sets: comparing two integers a dozen times costs less than hashing a name.
    private static let verbatimElements: [TagName] = ["code", "pre", "script", "style", "textarea", "kbd", "samp"].map(TagName.init)
    private static let voidElements: [TagName] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
        .map(TagName.init)

    /// An element's name, lowercased and packed into integers: compared and stored without allocating.
    struct TagName: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init(_ bytes: some Collection<UInt8>) {
            for (index, byte) in bytes.prefix(16).enumerated() {
                let lower = UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                if index < 8 { low |= lower << UInt64(index * 8) } else { high |= lower << UInt64((index - 8) * 8) }
            }
        }

        init(_ text: String) { self.init(Array(text.utf8)) }
    }

    /// The value of a `lang` attribute among a tag's attributes, if it has one.
    static func languageAttribute(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let pattern = languagePattern
        guard range.count > pattern.count else { return nil }
        var i = range.lowerBound
        while i + pattern.count <= range.upperBound {
            if bytes[i] == UInt8(ascii: " "), matches(bytes, i, range.upperBound, pattern) {
                var j = i + pattern.count
                if j < range.upperBound, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") { j += 1 }
                let start = j
                while j < range.upperBound, isASCIIAlphanumeric(bytes[j]) || bytes[j] == UInt8(ascii: "-") { j += 1 }
                return String(decoding: bytes[start..<j], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    private static let languagePattern = Array(" lang=".utf8)

    /// Open elements and whether each is in another language than French (lang="en…").
    struct LanguageStack {
        private var elements: [(name: TagName, other: Bool)] = []

        var inOtherLanguage: Bool { elements.last?.other ?? false }

        mutating func open(_ name: TagName, lang: String?) {
            let other = lang.map { !$0.lowercased().hasPrefix("fr") } ?? inOtherLanguage
            elements.append((name, other))
        }

        mutating func close(_ name: TagName) {
            guard let index = elements.lastIndex(where: { $0.name == name }) else { return }
            elements.removeSubrange(index...)
        }
    }

    public static func apply(toHTML html: String) -> String {
        var html = html
        return html.withUTF8 { apply(toHTML: $0) }
    }

    /// The rules applied to rendered HTML bytes.
    public static func apply(toHTML html: [UInt8]) -> String {
        String(decoding: bytes(applyingToHTML: html), as: UTF8.self)
    }

    /// The rules applied to rendered HTML bytes, as bytes. Markup that is balanced (a card, a
    /// page) gives the same bytes alone as inside a page, outside any element marked as another
    /// language or kept verbatim.
    public static func bytes(applyingToHTML html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { transform(html: $0) }
    }

    static func apply(toHTML input: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: transform(html: input), as: UTF8.self)
    }

    static func transform(html input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        do {
            var output: [UInt8] = []
            output.reserveCapacity(input.count + input.count / 16)
            var index = 0
            var verbatimDepth = 0
            var textStart = 0
            // Elements marked as another language (`lang="en"`) keep their own typography.
            var languages = LanguageStack()
            while index < input.count {
                index = input.position(of: UInt8(ascii: "<"), from: index)
                guard index < input.count else { break }
                if verbatimDepth > 0 || languages.inOtherLanguage {
                    output.append(contentsOf: input[textStart..<index])
                } else {
                    fixText(input, textStart..<index, into: &output)
                }
                var end = index + 1
                if index + 3 < input.count, input[index + 1] == UInt8(ascii: "!"), input[index + 2] == UInt8(ascii: "-"), input[index + 3] == UInt8(ascii: "-") {
                    while end + 2 < input.count, !(input[end] == UInt8(ascii: "-") && input[end + 1] == UInt8(ascii: "-") && input[end + 2] == UInt8(ascii: ">")) { end += 1 }
                    end = min(input.count, end + 3)
                } else {
                    while end < input.count, input[end] != UInt8(ascii: ">") { end += 1 }
                    end = min(input.count, end + 1)
                }
                let closing = index + 1 < input.count && input[index + 1] == UInt8(ascii: "/")
                var nameEnd = index + (closing ? 2 : 1)
                let nameStart = nameEnd
                while nameEnd < end, isASCIIAlphanumeric(input[nameEnd]) { nameEnd += 1 }
                if nameEnd - nameStart <= 10, nameEnd > nameStart {
                    let name = TagName(input[nameStart..<nameEnd])
                    let selfClosing = end >= 2 && input[end - 2] == UInt8(ascii: "/")
                    if verbatimElements.contains(name), !selfClosing {
                        verbatimDepth = max(0, verbatimDepth + (closing ? -1 : 1))
                    }
                    if closing {
                        languages.close(name)
                    } else if !selfClosing, !voidElements.contains(name) {
                        languages.open(name, lang: languageAttribute(input, nameEnd..<end))
                    }
                }
                output.append(contentsOf: input[index..<end])
                index = end
                textStart = end
            }
            if verbatimDepth > 0 || languages.inOtherLanguage {
                output.append(contentsOf: input[textStart..<input.count])
            } else {
                fixText(input, textStart..<input.count, into: &output)
            }
            return output
        }
    }

    /// Applies the rules to plain text (no markup), e.g. feed titles.
    public static func apply(toText text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 8)
            fixText(input, 0..<input.count, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Bytes the rules look at; every other byte is copied as it is.
    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in Array("&':;!?-(\u{20}\n\t".utf8) + [0xC2] { table[Int(byte)] = true }
        return table
    }()

    /// Fixes one run of text (no tags inside), appending the result to `out`.
    ///
    /// A word that looks like a web or mail address is left alone; whether a word is one is decided
    /// only when it holds a byte the rules would change, from the places such a word can start.
    static func fixText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        var inURLWord = false
        // Where an address could start in the current word, not yet looked at.
        var candidates: [Int] = []
        // An address can start a run, or follow a space, `(` or `«`.
        func canStartWord(_ index: Int) -> Bool {
            index == range.lowerBound || isSpace(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "(")
                || (index >= range.lowerBound + 2 && matches(bytes, index - 2, end, openingGuillemet))
        }
        // Bytes that stay as they are are copied in one piece when a rule changes something (or
        // looks back at the output), and at the end: most of a text is copied unchanged.
        var copied = range.lowerBound
        func flush(_ upTo: Int) {
            if copied < upTo { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<upTo])) }
            copied = upTo
        }
        while i < end {
            let c = bytes[i]
            if !special[Int(c)] {
                // Only the first byte of a run of ordinary bytes can start a word: the others follow
                // a byte that is not special, so neither a space nor `(`, nor the end of a `«` (whose
                // first byte is special, and which the rules take whole, or leave whole inside an address).
                if !inURLWord, canStartWord(i) { candidates.append(i) }
                i += 1
                while i < end, !special[Int(bytes[i])] { i += 1 }
                continue
            }
            if isSpace(c) {
                inURLWord = false
                candidates.removeAll(keepingCapacity: true)
                i += 1
                continue
            }
            if !inURLWord {
                if canStartWord(i) { candidates.append(i) }
                for start in candidates where startsURLWord(bytes, at: start, start: range.lowerBound, end: end) {
                    inURLWord = true
                    break
                }
                candidates.removeAll(keepingCapacity: true)
            }
            if inURLWord {
                i += 1
                continue
            }
            // Entities (&amp; &#39;) pass through whole, but for an apostrophe inside a word (l&#39;aide).
            if c == UInt8(ascii: "&"), let entityEnd = entityEnd(bytes, from: i, end: end) {
                if entityEnd - i == 4, matches(bytes, i, end, apostropheEntity) {
                    flush(i)
                    if isWordApostrophe(out, bytes, next: entityEnd + 1, end: end) {
                        out.append(contentsOf: rightSingleQuote)
                        copied = entityEnd + 1
                    }
                }
                i = entityEnd + 1
                continue
            }
            // The typographic apostrophe in words: l'aide → l’aide.
            if c == UInt8(ascii: "'") {
                flush(i)
                if isWordApostrophe(out, bytes, next: i + 1, end: end) {
                    out.append(contentsOf: rightSingleQuote)
                    copied = i + 1
                }
                i += 1
                continue
            }
            if matches(bytes, i, end, openingGuillemet) {
                flush(i)
                out.append(contentsOf: openingGuillemet)
                var j = i + 2
                // Replace whatever space follows (ordinary or already no-break) with one no-break space.
                while j < end {
                    if isSpace(bytes[j]) { j += 1 } else if matches(bytes, j, end, noBreakSpace) { j += 2 } else if matches(bytes, j, end, narrowNoBreakSpace) { j += 3 } else { break }
                }
                out.append(contentsOf: noBreakSpace)
                i = j
                copied = j
                continue
            }
            let isClosingGuillemet = matches(bytes, i, end, closingGuillemet)
            if isClosingGuillemet || c == UInt8(ascii: ":") || c == UInt8(ascii: ";") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                let width = isClosingGuillemet ? 2 : 1
                let space = isClosingGuillemet || c == UInt8(ascii: ":") ? noBreakSpace : narrowNoBreakSpace
                let nextIndex = i + width
                let atEnd = nextIndex >= end
                let next: UInt8 = atEnd ? UInt8(ascii: " ") : bytes[nextIndex]
                // Only punctuation that ends a word or phrase: not `9:00`, `?q=`, `!important`.
                let endsPhrase = isClosingGuillemet || isSpace(next) || atEnd || matches(bytes, nextIndex, end, closingGuillemet)
                    || next == UInt8(ascii: ")") || next == UInt8(ascii: ".") || next == UInt8(ascii: ",") || next == UInt8(ascii: "\"")
                    || next == UInt8(ascii: "'") || matches(bytes, nextIndex, end, rightSingleQuote)
                    || (c != UInt8(ascii: ":") && (next == UInt8(ascii: "!") || next == UInt8(ascii: "?")))
                if endsPhrase {
                    flush(i)
                    // Drop ordinary spaces already typed before it and put the right one.
                    var trailing = 0
                    while let last = out.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { out.removeLast(); trailing += 1 }
                    if let last = out.last {
                        let isExclamationOrQuestion = !isClosingGuillemet && (c == UInt8(ascii: "!") || c == UInt8(ascii: "?"))
                        let afterExclamationOrQuestion = last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                        let alreadySpaced = out.ends(with: noBreakSpace) || out.ends(with: narrowNoBreakSpace) || last == UInt8(ascii: "\n")
                        if (!isExclamationOrQuestion || !afterExclamationOrQuestion || trailing > 0) && !alreadySpaced {
                            out.append(contentsOf: space)
                        }
                    }
                }
                // The punctuation itself stays as it is.
                i = nextIndex
                continue
            }
            if c == UInt8(ascii: "-"), isPhoneHyphen(bytes, at: i, start: range.lowerBound, end: end) {
                flush(i)
                out.append(contentsOf: nonBreakingHyphen)
                copied = i + 1
            }
            i += 1
        }
        flush(end)
    }

    static let apostropheEntity: [UInt8] = Array("&#39;".utf8)

    /// An apostrophe between two letters (the previous output and the next input byte), as in
    /// « l'aide », « aujourd'hui »: not a quotation mark, not an apostrophe next to a digit or space.
    /// At the end of a text, before an inline element (« l'<a href="…">aide</a> »), the next
    /// letter is the first one after the tag.
    static func isWordApostrophe(_ out: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, next: Int, end: Int) -> Bool {
        guard let previous = out.last else { return false }
        func isLetterByte(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
        }
        var next = next
        if next >= end {
            // Only an opening tag: « l'</a> » closes something, and the next word is not its twin.
            guard next == end, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "<"), isLetterByte(bytes[end + 1]) else { return false }
            var close = end + 1
            while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
            next = close + 1
            guard next < bytes.count else { return false }
        }
        // A letter ending in a multi-byte UTF-8 sequence (é, è, ç…) ends with a continuation byte.
        let previousIsLetter = isLetterByte(previous) || (previous >= 0x80 && previous < 0xC0 && out.count >= 2 && out[out.count - 2] == 0xC3)
        let nextIsLetter = isLetterByte(bytes[next]) || bytes[next] == 0xC3
        return previousIsLetter && nextIsLetter
    }

    static func isSpace(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") }
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ sequence: [UInt8]) -> Bool {
        guard i >= 0, i + sequence.count <= end else { return false }
        for (offset, byte) in sequence.enumerated() where bytes[i + offset] != byte { return false }
        return true
    }

    /// A word that starts here and looks like a web or mail address (left untouched).
    static func startsURLWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, start: Int, end: Int) -> Bool {
        if i > start {
            let previous = bytes[i - 1]
            if !isSpace(previous), previous != UInt8(ascii: "("), !matches(bytes, i - 2, end, openingGuillemet) { return false }
        }
        var j = i
        var hasAt = false, hasDot = false
        while j < end, !isSpace(bytes[j]), j - i < 12 {
            if bytes[j] == UInt8(ascii: "@") { hasAt = true }
            if bytes[j] == UInt8(ascii: ".") { hasDot = true }
            j += 1
        }
        func hasPrefix(_ prefix: String) -> Bool {
            var k = i
            for byte in prefix.utf8 {
                guard k < j else { return false }
                let lower = bytes[k] >= UInt8(ascii: "A") && bytes[k] <= UInt8(ascii: "Z") ? bytes[k] + 32 : bytes[k]
                if lower != byte { return false }
                k += 1
            }
            return true
        }
        return hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") || hasPrefix("mailto:") || hasPrefix("tel:") || (hasAt && hasDot)
    }

    static func entityEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, end: Int) -> Int? {
        var j = i + 1
        while j < end, j - i <= 10 {
            let c = bytes[j]
            if c == UInt8(ascii: ";") { return j > i + 1 ? j : nil }
            if !(isASCIIAlphanumeric(c) || c == UInt8(ascii: "#")) { return nil }
            j += 1
        }
        return nil
    }

    /// A hyphen inside a phone number written 1-800-555-0199 or 800-555-0199.
    static func isPhoneHyphen(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, start: Int, end: Int) -> Bool {
        func isDigitOrHyphen(_ c: UInt8) -> Bool { isDigit(c) || c == UInt8(ascii: "-") }
        var first = i
        while first > start, isDigitOrHyphen(bytes[first - 1]) { first -= 1 }
        var last = i
        while last + 1 < end, isDigitOrHyphen(bytes[last + 1]) { last += 1 }
        var groups: [Int] = [0]
        for index in first...last {
            if bytes[index] == UInt8(ascii: "-") { groups.append(0) } else { groups[groups.count - 1] += 1 }
        }
        return groups == [1, 3, 3, 4] || groups == [3, 3, 4]
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
