import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    static let file = "Content/en/page.md"

    func render(_ markdown: String, allowing allowed: Set<String> = [], firstLine: Int = 1) -> (document: MarkdownDocument, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let document = MarkdownRenderer(allowedHTML: allowed).render(markdown, file: Self.file, firstLine: firstLine, diagnostics: &diagnostics)
        return (document, diagnostics.items)
    }

    @Test func gfmTablesRender() {
        let (document, diagnostics) = render("| Line | Number |\n| --- | --- |\n| Hotline | 1-833-900-1010 |\n")
        #expect(diagnostics.isEmpty)
        #expect(document.html.contains("<table>"))
        #expect(document.html.contains("<th>Line</th>"))
        #expect(document.html.contains("<td>1-833-900-1010</td>"))
    }

    @Test func strikethroughRendersAsDel() {
        #expect(render("The ~~old~~ new number.").document.html == "<p>The <del>old</del> new number.</p>\n")
    }

    @Test func bareWebAddressesBecomeLinks() {
        let html = render("See https://www.example.org/help for details.").document.html
        #expect(html.contains("<a href=\"https://www.example.org/help\" rel=\"noreferrer\">https://www.example.org/help</a>"))
    }

    @Test func taskListsRenderDisabledCheckboxes() {
        let html = render("- [x] Call\n- [ ] Write\n").document.html
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" />"))
    }

    @Test func headingsGetIdsInTheHTMLAndAreReturned() {
        let (document, _) = render("## Où appeler\n\nText.\n\n### Écoute\n\n## Où appeler\n")
        #expect(document.html.contains("<h2 id=\"ou-appeler\">Où appeler</h2>"))
        #expect(document.html.contains("<h3 id=\"ecoute\">Écoute</h3>"))
        #expect(document.html.contains("<h2 id=\"ou-appeler-1\">Où appeler</h2>"))
        #expect(document.headings == [Heading(level: 2, text: "Où appeler", id: "ou-appeler"), Heading(level: 3, text: "Écoute", id: "ecoute"),
                                      Heading(level: 2, text: "Où appeler", id: "ou-appeler-1")])
    }

    @Test func headingTextIncludesEmphasisAndCode() {
        let (document, _) = render("## Call *now* with `tel:`\n")
        #expect(document.headings.first?.text == "Call now with tel:")
        #expect(document.headings.first?.id == "call-now-with-tel")
    }

    @Test func rawHTMLIsLeftOutWithAWarningOnItsLine() {
        let (document, diagnostics) = render("Intro.\n\n<div class=\"x\">Boxed</div>\n\nText with <span>inline</span> HTML.\n", firstLine: 5)
        #expect(!document.html.contains("<div"))
        #expect(!document.html.contains("<span>"))
        #expect(document.html.contains("inline"))
        expectExactly([
            ExpectedDiagnostic(Self.file, line: 7, "raw HTML was left out", "<div", severity: .warning),
            ExpectedDiagnostic(Self.file, line: 9, "raw HTML was left out", "<span>", severity: .warning),
            ExpectedDiagnostic(Self.file, line: 9, "raw HTML was left out", "</span>", severity: .warning),
        ], in: diagnostics, severity: .warning)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test func scriptTagsAreNeverWritten() {
        let (document, diagnostics) = render("<script>alert(1)</script>\n\nText <script src=x></script>\n", allowing: ["abbr"])
        #expect(!document.html.lowercased().contains("<script"))
        #expect(diagnostics.count == 3)
    }

    @Test func allowedElementsPassThroughWithSafeAttributesOnly() {
        let (document, diagnostics) = render("The <abbr title=\"Ontario Provincial Police\">OPP</abbr> helps. <abbr onclick=\"x()\">X</abbr>", allowing: ["abbr"])
        #expect(document.html.contains("<abbr title=\"Ontario Provincial Police\">OPP</abbr>"))
        #expect(!document.html.contains("onclick"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("onclick") == true)
    }

    @Test("script-like link targets are refused with an error and never written", arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "java&#x09;script:alert(1)",
    ])
    func unsafeLinks(_ url: String) {
        let line = "[Click](\(url)) and ![picture](\(url))"
        let imageColumn = line.distance(from: line.startIndex, to: line.range(of: "![")!.lowerBound) + 1
        let (document, diagnostics) = render("Intro.\n\n\(line)\n", firstLine: 10)
        let lowered = document.html.lowercased()
        #expect(!lowered.contains("script:"))
        #expect(!lowered.contains("data:"))
        expectExactly([
            ExpectedDiagnostic(Self.file, line: 12, column: 1, "is not allowed"),
            ExpectedDiagnostic(Self.file, line: 12, column: imageColumn, "is not allowed"),
        ], in: diagnostics)
    }

    @Test func webMailPhoneAndRelativeLinksAreKept() {
        let (document, diagnostics) = render("[a](https://x.ca/) [b](mailto:a@x.ca) [c](tel:+18339001010) [d](page.md) [e](#top)")
        #expect(diagnostics.isEmpty)
        for url in ["https://x.ca/", "mailto:a@x.ca", "tel:+18339001010", "page.md", "#top"] {
            #expect(document.html.contains("href=\"\(url)\""))
        }
    }

    @Test func theLinkCallbackReceivesEveryURLWithItsFileLineAndRewritesIt() {
        var seen: [String] = []
        var diagnostics = DiagnosticList()
        let document = MarkdownRenderer().render("Text.\n\n[Help](get-help/_index.md) and\n[Signs](/en/signs/).\n", file: Self.file, firstLine: 4,
                                                 diagnostics: &diagnostics) { url, location, _ in
            seen.append("\(url)@\(location)")
            return url == "get-help/_index.md" ? "/en/get-help/" : nil
        }
        #expect(seen == ["get-help/_index.md@Content/en/page.md:6:1", "/en/signs/@Content/en/page.md:7:1"])
        #expect(document.html.contains("<a href=\"/en/get-help/\">Help</a>"))
        #expect(document.html.contains("<a href=\"/en/signs/\">Signs</a>"))
    }

    @Test func anImageWithoutAlternativeTextIsReportedWithItsLine() {
        let (document, _) = render("Intro.\n\n![](map.png)\n\n![A map of Ontario](map.png)\n", firstLine: 6)
        #expect(document.imagesWithoutAlt == [TrilliumModel.SourceLocation(file: Self.file, line: 8, column: 1)])
    }

    @Test func tableCellsAreSeparateWordsInThePlainText() {
        let document = render("| Line | Number |\n| --- | --- |\n| Hotline | 1-833-900-1010 |\n| 211 | 2-1-1 |\n").document
        #expect(document.plainText.split(whereSeparator: \.isWhitespace) == ["Line", "Number", "Hotline", "1-833-900-1010", "211", "2-1-1"])
    }

    @Test func plainTextHasNoMarkup() {
        let (document, _) = render("## Title\n\nSome **bold** text and a [link](https://x.ca/).\n\n- one\n- two\n")
        #expect(document.plainText.contains("Title"))
        #expect(document.plainText.contains("Some bold text and a link."))
        #expect(!document.plainText.contains("*"))
        #expect(!document.plainText.contains("<"))
        #expect(!document.plainText.contains("https"))
    }

    @Test func linksToOtherSitesCarryNoReferrer() {
        let (document, _) = render("[chat](https://example.org/chat \"Chat\") and [mail](mailto:a@example.org) and [home](/en/)")
        #expect(document.html.contains("<a href=\"https://example.org/chat\" rel=\"noreferrer\" title=\"Chat\">chat</a>"))
        #expect(document.html.contains("<a href=\"mailto:a@example.org\">mail</a>"))
        #expect(document.html.contains("<a href=\"/en/\">home</a>"))
    }

    /// The attribute goes after each web link's URL and nowhere else, wherever the link is in
    /// the HTML (first, last, next to other tags), and HTML with no web link comes back as it was.
    @Test func theNoReferrerAttributeGoesOnWebLinksOnly() {
        let rel = " rel=\"noreferrer\""
        let cases: [(String, String)] = [
            ("", ""),
            ("<p>No link at all &lt; here</p>", "<p>No link at all &lt; here</p>"),
            ("<a href=\"https://a.example\">", "<a href=\"https://a.example\"\(rel)>"),
            ("<a href=\"HTTP://A.example/x\">x</a>", "<a href=\"HTTP://A.example/x\"\(rel)>x</a>"),
            ("<p><a href=\"/en/\">in</a> <a href=\"https://b.example\">out</a></p>", "<p><a href=\"/en/\">in</a> <a href=\"https://b.example\"\(rel)>out</a></p>"),
            ("<abbr>a</abbr><a href=\"mailto:a@example.org\">m</a><a  href=\"https://c.example\">", "<abbr>a</abbr><a href=\"mailto:a@example.org\">m</a><a  href=\"https://c.example\">"),
            ("<<<a href=\"https://d.example\">d</a><", "<<<a href=\"https://d.example\"\(rel)>d</a><"),
            ("<a href=\"https://unclosed", "<a href=\"https://unclosed"),
            ("text <a href=\"", "text <a href=\""),
        ]
        for (html, expected) in cases {
            #expect(MarkdownRenderer.withNoReferrer(html) == expected, "\(html)")
        }
    }
}

@Suite("Byte search")
struct BytePositionTests {
    /// `position(of:from:)` finds what a loop over the bytes finds, from every start.
    @Test func positionFindsTheFirstByteFromEveryStart() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 15, 16, 17, 64, 200] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...3, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...length + 1 {
                    for byte in UInt8(0)...4 {
                        let expected = start < length ? (start..<length).first { buffer[$0] == byte } ?? length : length
                        #expect(buffer.position(of: byte, from: start) == expected, "\(bytes) \(byte) from \(start)")
                    }
                }
            }
        }
    }
}

@Suite("Relative links")
struct RelativeLinkPathTests {
    /// What the links resolver did before it worked on bytes: parts in an array of strings.
    static func reference(_ path: String, from relativePath: String) -> String? {
        var parts = relativePath.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func aRelativeLinkIsReadFromItsFilesFolder() {
        #expect(ContentLinkResolver.joined("shelters.md", from: "get-help/_index.md") == "get-help/shelters.md")
        #expect(ContentLinkResolver.joined("../about.md", from: "get-help/hotline.md") == "about.md")
        #expect(ContentLinkResolver.joined("./more//deep.md", from: "a/b.md") == "a/more/deep.md")
        #expect(ContentLinkResolver.joined("../../x.md", from: "a/b.md") == nil)
        #expect(ContentLinkResolver.joined("..", from: "a/b.md") == "")
        #expect(ContentLinkResolver.joined("", from: "_index.md") == "")
        #expect(ContentLinkResolver.joined("stratégie/été.md", from: "été/_index.md") == "été/stratégie/été.md")
    }

    /// Random paths of `.`, `..`, empty and named parts, from random files: the same as before.
    @Test func randomPathsGiveWhatThePartsGave() {
        var generator = LiveSiteTests.Seeded(state: 7)
        let names = [".", "..", "", "a", "b.md", "é", "_index.md", "x y"]
        func path(_ count: Int) -> String {
            (0..<count).map { _ in names[Int.random(in: 0..<names.count, using: &generator)] }.joined(separator: "/")
        }
        for _ in 0..<5_000 {
            let link = path(Int.random(in: 0...6, using: &generator)) + (Bool.random(using: &generator) ? "/" : "")
            let file = path(Int.random(in: 1...4, using: &generator)).replacingOccurrences(of: "..", with: "up").replacingOccurrences(of: "/./", with: "/")
            #expect(ContentLinkResolver.joined(link, from: file) == Self.reference(link, from: file), "\(link) from \(file)")
        }
    }
}
