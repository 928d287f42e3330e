import CCmarkGFM
import Foundation
import TrilliumModel

/// The only code that touches cmark-gfm: Markdown text in, HTML with heading ids and checked links out.
///
/// Debian's cmark-gfm is not thread-safe even with one parser per thread (extensions toggle a
/// global table), so parsing and rendering run behind one process-wide lock. Everything else
/// in the pipeline runs in parallel around it.
public struct MarkdownRenderer: Sendable {
    /// Raw HTML elements this site allows; empty means raw HTML is left out.
    public var allowedHTML: Set<String>

    public init(allowedHTML: Set<String> = []) {
        self.allowedHTML = allowedHTML
    }

    private static let lock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Renders `markdown` read from `file`, whose first line is line `firstLine` of that file.
    /// `links` is called for every link and image URL and returns the URL to write (nil keeps it).
    public func render(_ markdown: String, file: String, firstLine: Int = 1,
                       diagnostics: inout DiagnosticList,
                       links: (String, SourceLocation, inout DiagnosticList) -> String? = { _, _, _ in nil }) -> MarkdownDocument {
        // Raw HTML is parsed (UNSAFE) so it can be inspected; disallowed nodes are removed below,
        // and every link and image URL is checked, so nothing unsafe reaches the output.
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        // Only parsing touches cmark-gfm's global special-character table (extensions add their
        // characters when a parse starts and remove them when it ends), so only parsing is
        // serialized; walking and rendering the tree run on every thread at once.
        Self.lock.lock()
        _ = Self.registered
        guard let parser = cmark_parser_new(options) else {
            Self.lock.unlock()
            return MarkdownDocument(html: "", headings: [], plainText: "", imagesWithoutAlt: [])
        }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = markdown
        utf8.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress, chars.count) }
        }
        let parsed = cmark_parser_finish(parser)
        Self.lock.unlock()
        defer { cmark_parser_free(parser) }
        guard let root = parsed else { return MarkdownDocument(html: "", headings: [], plainText: "", imagesWithoutAlt: []) }
        defer { cmark_node_free(root) }

        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        var imagesWithoutAlt: [SourceLocation] = []
        var plain = ""
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_HEADING: headingNodes.append(node)
                case CMARK_NODE_LINK: linkNodes.append(node)
                case CMARK_NODE_IMAGE:
                    linkNodes.append(node)
                    if cmark_node_first_child(node) == nil {
                        imagesWithoutAlt.append(location(of: node, file: file, firstLine: firstLine))
                    }
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: htmlNodes.append(node)
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { plain += String(cString: literal) }
                    if type == CMARK_NODE_CODE_BLOCK { plain += "\n" }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: plain += " "
                default: break
                }
            } else if event == CMARK_EVENT_EXIT, [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM].contains(type) {
                plain += "\n"
            } else if event == CMARK_EVENT_EXIT, let name = cmark_node_get_type_string(node), name.pointee == UInt8(ascii: "t") {
                // Table cells and rows (an extension's nodes): keep their words apart for search and readability.
                switch String(cString: name) {
                case "table_cell": plain += " "
                case "table_row", "table_header": plain += "\n"
                default: break
                }
            }
        }

        for node in htmlNodes {
            let raw = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if !isAllowedHTML(raw) {
                diagnostics.warning(location(of: node, file: file, firstLine: firstLine), "raw HTML was left out: \(raw.prefix(60).trimmingCharacters(in: .whitespacesAndNewlines))",
                                    hint: "Write it in Markdown instead. Raw HTML is off for safety; a site can allow a few harmless elements in site.yaml (markdown.allowHTML).")
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }

        for node in linkNodes {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let where_ = location(of: node, file: file, firstLine: firstLine)
            if !isSafeURL(url) {
                diagnostics.error(where_, "link to `\(url.prefix(80))` is not allowed", hint: "Links may use https:, http:, mailto: or tel:, or point to a page of this site.")
                cmark_node_set_url(node, "")
                continue
            }
            if let resolved = links(url, where_, &diagnostics) {
                cmark_node_set_url(node, resolved)
            }
        }

        var ids = HeadingIDGenerator()
        var headings: [Heading] = []
        var headingLines: [Int] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.text(of: node)
            let id = ids.id(for: text)
            headings.append(Heading(level: level, text: text, id: id))
            headingLines.append(location(of: node, file: file, firstLine: firstLine).line)
            // cmark-gfm does not write heading ids: render the heading alone, add the id, and put
            // that HTML in a custom block in the heading's place.
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
                  let headingHTML = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else { continue }
            var html = String(cString: headingHTML)
            free(headingHTML)
            let opening = "<h\(level)>"
            if html.hasPrefix(opening) { html = "<h\(level) id=\"\(id)\">" + html.dropFirst(opening.utf8.count) }
            cmark_node_set_on_enter(custom, html.hasSuffix("\n") ? String(html.dropLast()) : html)
            cmark_node_set_on_exit(custom, "")
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }

        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return MarkdownDocument(html: "", headings: headings, plainText: plain, imagesWithoutAlt: imagesWithoutAlt)
        }
        defer { free(rendered) }
        let html = Self.withNoReferrer(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered)))
        return MarkdownDocument(html: html, headings: headings, headingLines: headingLines, plainText: plain, imagesWithoutAlt: imagesWithoutAlt)
    }

    private func location(of node: OpaquePointer, file: String, firstLine: Int) -> SourceLocation {
        SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)) + firstLine - 1, column: Int(cmark_node_get_start_column(node)))
    }

    private static func text(of node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                result += String(cString: literal)
            } else {
                result += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return result
    }

    /// Opening or closing tags of allowed elements only, with no attributes that could run script.
    private func isAllowedHTML(_ raw: String) -> Bool {
        guard !allowedHTML.isEmpty else { return false }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.filter({ $0 == "<" }).count == 1 else { return false }
        let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        let name = inner.prefix { $0.isLetter }.lowercased()
        guard allowedHTML.contains(name) else { return false }
        guard let attributes = Self.attributeNames(String(inner.dropFirst(name.count))) else { return false }
        return attributes.allSatisfy { $0 == "title" || $0 == "lang" }
    }

    /// Names of the attributes in the part of a tag after its name (`title="a b" lang=fr`), or nil
    /// when it cannot be read plainly. Quoted values may contain spaces.
    static func attributeNames(_ text: String) -> [String]? {
        var names: [String] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { return names }
            let name = rest.prefix { $0.isLetter || $0 == "-" }
            guard !name.isEmpty else { return nil }
            names.append(name.lowercased())
            rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0.isWhitespace }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                rest = rest.dropFirst()
                guard let end = rest.firstIndex(of: quote) else { return nil }
                rest = rest[rest.index(after: end)...]
            } else {
                let value = rest.prefix { !$0.isWhitespace }
                guard !value.isEmpty else { return nil }
                rest = rest.dropFirst(value.count)
            }
        }
    }

    /// Links to other websites get `rel="noreferrer"`: the visit a person makes from a page about
    /// abuse should not tell the other site where they came from (the pages also send no referrer).
    /// cmark-gfm writes links as `<a href="…"` with the URL first, so the attribute goes right after it.
    static func withNoReferrer(_ html: String) -> String {
        var html = html
        return html.withUTF8 { withNoReferrer($0) }
    }

    static func withNoReferrer(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let pattern = noReferrerPattern
        var out: [UInt8] = []
        var i = 0
        var copied = 0
        while true {
            i = bytes.position(of: UInt8(ascii: "<"), from: i)
            guard i + pattern.count < bytes.count else { break }
            guard bytes[i + 1] == UInt8(ascii: "a"), bytes[i + 2] == UInt8(ascii: " ") else {
                i += 1
                continue
            }
            var matched = true
            for (offset, byte) in pattern.enumerated() where bytes[i + offset] != byte {
                matched = false
                break
            }
            let urlStart = i + pattern.count
            guard matched, let quote = (urlStart..<bytes.count).first(where: { bytes[$0] == UInt8(ascii: "\"") }) else {
                i += 1
                continue
            }
            func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
            let scheme = bytes[urlStart..<min(quote, urlStart + 8)].map(lower)
            if scheme.starts(with: Array("http://".utf8)) || scheme.starts(with: Array("https://".utf8)) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: bytes[copied...quote])
                out.append(contentsOf: noReferrerAttribute)
                copied = quote + 1
            }
            i = quote + 1
        }
        // Most pages link to no other site: their HTML is taken as it is.
        guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
        out.append(contentsOf: bytes[copied..<bytes.count])
        return String(decoding: out, as: UTF8.self)
    }

    private static let noReferrerPattern = Array("<a href=\"".utf8)
    private static let noReferrerAttribute = Array(" rel=\"noreferrer\"".utf8)

    /// Allows web, mail and phone links, fragments and relative paths; refuses script and data URLs.
    /// Browsers ignore tabs, newlines and control characters inside a scheme (`java\tscript:`),
    /// so they are skipped before the scheme is read.
    func isSafeURL(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            if byte <= 0x20 { continue }
            if byte == UInt8(ascii: ":") { break }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            if scheme.count > 16 { return true }
        }
        guard url.utf8.contains(UInt8(ascii: ":")) else { return true }
        return ["http", "https", "mailto", "tel"].contains(String(decoding: scheme, as: UTF8.self))
    }

}
