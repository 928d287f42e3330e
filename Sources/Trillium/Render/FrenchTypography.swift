/// Canadian French typography applied to rendered HTML: no-break spaces before `:` and inside
/// « », narrow no-break spaces before `; ! ?`, non-breaking hyphens in phone numbers.
///
/// Works on text only: tags, attributes, entities and the contents of `code`, `pre`, `script`,
/// `style` and `textarea` are left as they are, and so are words that look like URLs.
public enum FrenchTypography {
    public static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    public static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"
    public static let nonBreakingHyphen: Unicode.Scalar = "\u{2011}"

    private static let verbatimElements: Set<String> = ["code", "pre", "script", "style", "textarea", "kbd", "samp"]

    public static func apply(toHTML html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(scalars.count + scalars.count / 20)
        var index = 0
        var verbatimDepth = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if textStart < end {
                if verbatimDepth > 0 { output.append(contentsOf: scalars[textStart..<end]) } else { output.append(contentsOf: fixText(scalars[textStart..<end])) }
            }
        }
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            flushText(upTo: index)
            // Copy the tag through untouched and track verbatim elements.
            var end = index + 1
            if scalars[index...].starts(with: "<!--".unicodeScalars) {
                while end + 2 < scalars.count, !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">") { end += 1 }
                end = min(scalars.count, end + 3)
            } else {
                while end < scalars.count, scalars[end] != ">" { end += 1 }
                end = min(scalars.count, end + 1)
            }
            let tag = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
            let closing = tag.hasPrefix("</")
            let name = String(tag.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber })
            if verbatimElements.contains(name), !tag.hasSuffix("/>") {
                verbatimDepth = max(0, verbatimDepth + (closing ? -1 : 1))
            }
            output.append(contentsOf: scalars[index..<end])
            index = end
            textStart = end
        }
        flushText(upTo: scalars.count)
        return String(output)
    }

    /// Fixes one run of text (no tags inside).
    static func fixText(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let chars = Array(text)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(chars.count + 8)
        var i = 0
        var inURLWord = false
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) {
                inURLWord = false
            } else if !inURLWord, startsURLWord(chars, at: i) {
                inURLWord = true
            }
            if inURLWord {
                out.append(c)
                i += 1
                continue
            }
            // Entities (&amp; &#39;) pass through whole.
            if c == "&", let end = entityEnd(chars, from: i) {
                out.append(contentsOf: chars[i...end])
                i = end + 1
                continue
            }
            switch c {
            case "«":
                out.append(c)
                var j = i + 1
                // Replace whatever space follows (ordinary or already no-break) with one no-break space.
                while j < chars.count, isSpace(chars[j]) || chars[j] == noBreakSpace || chars[j] == narrowNoBreakSpace { j += 1 }
                out.append(noBreakSpace)
                i = j
                continue
            case "»", ":", ";", "!", "?":
                let space = c == "»" || c == ":" ? noBreakSpace : narrowNoBreakSpace
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                // Only punctuation that ends a word or phrase: not `9:00`, `?q=`, `!important`.
                let endsPhrase = c == "»" || isSpace(next) || i + 1 == chars.count || "»).,\"'’".unicodeScalars.contains(next) || (c != ":" && "!?".unicodeScalars.contains(next))
                if endsPhrase {
                    // Drop ordinary spaces already typed before it and put the right one.
                    var trailing = 0
                    while let last = out.last, isSpace(last), last != "\n" { out.removeLast(); trailing += 1 }
                    if let last = out.last, !(c == "!" || c == "?") || !"!?".unicodeScalars.contains(last) || trailing > 0 {
                        if last != noBreakSpace, last != narrowNoBreakSpace, last != "\n", !(c == ":" && last.properties.numericType != nil && trailing == 0) {
                            out.append(space)
                        }
                    }
                }
                out.append(c)
                i += 1
                continue
            case "-":
                out.append(isPhoneHyphen(chars, at: i) ? nonBreakingHyphen : c)
                i += 1
                continue
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" }

    static func startsURLWord(_ chars: [Unicode.Scalar], at i: Int) -> Bool {
        if i > 0, !isSpace(chars[i - 1]), chars[i - 1] != "(", chars[i - 1] != "«" { return false }
        var word = ""
        var j = i
        while j < chars.count, !isSpace(chars[j]), word.unicodeScalars.count < 12 {
            word.unicodeScalars.append(chars[j])
            j += 1
        }
        let lower = word.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:")
            || lower.hasPrefix("tel:") || (lower.contains("@") && lower.contains("."))
    }

    static func entityEnd(_ chars: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1
        while j < chars.count, j - i <= 10 {
            let c = chars[j]
            if c == ";" { return j > i + 1 ? j : nil }
            if !(c.properties.isAlphabetic || c.properties.numericType != nil || c == "#") { return nil }
            j += 1
        }
        return nil
    }

    /// A hyphen inside a phone number written 1-833-900-1010 or 833-900-1010.
    static func isPhoneHyphen(_ chars: [Unicode.Scalar], at i: Int) -> Bool {
        var start = i
        while start > 0, isDigitOrHyphen(chars[start - 1]) { start -= 1 }
        var end = i
        while end + 1 < chars.count, isDigitOrHyphen(chars[end + 1]) { end += 1 }
        let run = String(String.UnicodeScalarView(chars[start...end]))
        let groups = run.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        return groups == [1, 3, 3, 4] || groups == [3, 3, 4]
    }

    static func isDigitOrHyphen(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || c == "-" }
}

extension FrenchTypography {
    /// Applies the rules to plain text (no markup), e.g. feed titles.
    public static func apply(toText text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: fixText(ArraySlice(Array(text.unicodeScalars))))
        return String(view)
    }
}
