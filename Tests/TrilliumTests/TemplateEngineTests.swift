import Testing
@testable import TrilliumModel
@testable import TrilliumRender

/// Trillium's Mustache templates: the rules themes rely on, rendered to bytes.
@Suite("Templates")
struct TemplateEngineTests {
    struct Item: TemplateObject {
        var title: String
        var current: Bool
        func value(of field: TemplateField) -> TemplateValue {
            switch field {
            case .title: .text(title)
            case .current: .flag(current)
            default: .missing
            }
        }
    }

    struct Page: TemplateObject {
        var title = "Help & <safety>"
        var lang = "fr"
        var menu = [Item(title: "One", current: false), Item(title: "Two", current: true)]
        var t = ["skipLink": "Aller au contenu"]
        var toggle: Item? = nil
        var count = 3
        func value(of field: TemplateField) -> TemplateValue {
            switch field {
            case .title: .text(title)
            case .lang: .text(lang)
            case .menu: .objects(menu)
            case .t: .strings(t)
            case .toggle: .object(toggle)
            case .count: .number(count)
            default: .missing
            }
        }
    }

    func render(_ templates: [String: String], _ name: String = "main", _ page: Page = Page()) throws -> String {
        var compiled: [String: [TemplateNode]] = [:]
        for (key, text) in templates { compiled[key] = try TemplateParser.parse(text) }
        let bytes = try #require(TemplateLibrary(compiled).render(name, with: page))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        #expect(try render(["main": "<p>{{title}}</p>{{{title}}}{{& title}}"]) == "<p>Help &amp; &lt;safety&gt;</p>Help & <safety>Help & <safety>")
        #expect(try render(["main": "{{count}} {{missing}}."]) == "3 .")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let template = "<ul>\n  {{#menu}}\n<li>{{title}}</li>\n  {{/menu}}\n</ul>\n{{! a comment }}\nend"
        #expect(try render(["main": template]) == "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nend")
        #expect(try render(["main": "a {{#menu}}[{{title}}]{{/menu}} b"]) == "a [One][Two] b")
    }

    @Test func sectionsCoverFlagsListsObjectsAndInvertedSections() throws {
        #expect(try render(["main": "{{#menu}}{{#current}}*{{/current}}{{title}}{{^current}}.{{/current}} {{/menu}}"]) == "One. *Two ")
        #expect(try render(["main": "{{#toggle}}yes{{/toggle}}{{^toggle}}no toggle{{/toggle}}"]) == "no toggle")
        var page = Page()
        page.toggle = Item(title: "English", current: false)
        #expect(try render(["main": "{{#toggle}}<a>{{title}}</a>{{/toggle}}"], "main", page) == "<a>English</a>")
        page.menu = []
        #expect(try render(["main": "{{^menu}}empty{{/menu}}{{#menu}}x{{/menu}}"], "main", page) == "empty")
    }

    @Test func namesClimbTheContextAndFollowDots() throws {
        // `lang` is not an item's field: it is found on the page, below the item.
        #expect(try render(["main": "{{#menu}}{{title}}/{{lang}} {{/menu}}{{t.skipLink}}|{{t.nope}}|{{toggle.title}}"]) == "One/fr Two/fr Aller au contenu||")
    }

    @Test func partialsAndParentsWithBlocks() throws {
        let templates = [
            "base": "<html>\n{{>head}}\n<main>\n{{$main}}default{{/main}}\n</main>\n</html>\n",
            "head": "<title>{{title}}</title>",
            "main": "{{<base}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/base}}\n",
        ]
        // The standalone `{{>head}}` line gives way to the partial, which has no newline of its own;
        // the block's override keeps its last newline and the base's line adds one.
        #expect(try render(templates) == "<html>\n<title>Help &amp; &lt;safety&gt;</title><main>\n<h1>Help &amp; &lt;safety&gt;</h1>\n\n</main>\n</html>\n")
        #expect(try render(templates, "base") == "<html>\n<title>Help &amp; &lt;safety&gt;</title><main>\ndefault\n</main>\n</html>\n")
    }

    @Test func foldedNamesAreRenderedOnceButATableOfStringsOnTheStackStillAnswersFirst() throws {
        let compiled = ["main": try TemplateParser.parse("{{lang}}|{{t.skipLink}}|{{#t}}{{lang}}{{/t}}|{{#menu}}{{lang}}{{/menu}}|{{title}}")]
        var folding = Page()
        folding.t["lang"] = "from the table"
        let folded = TemplateLibrary(compiled).folding([.lang, .t], of: folding)
        var page = folding
        page.title = "Other"
        let plain = try #require(TemplateLibrary(compiled).render("main", with: page))
        #expect(try #require(folded.render("main", with: page)) == plain)
        #expect(String(decoding: plain, as: UTF8.self) == "fr|Aller au contenu|from the table|frfr|Other")
        // What was folded is the folding page's: a page with other values in those fields must not use it.
        page.lang = "en"
        #expect(String(decoding: try #require(folded.render("main", with: page)), as: UTF8.self) == "fr|Aller au contenu|from the table|frfr|Other")
        #expect(String(decoding: try #require(TemplateLibrary(compiled).render("main", with: page)), as: UTF8.self) == "en|Aller au contenu|from the table|enen|Other")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render(["main": "{{=<% %>=}}\n<% title %> {{title}}"]) == "Help &amp; &lt;safety&gt; {{title}}")
    }

    @Test func aSyntaxErrorSaysWhereItIs() {
        do {
            _ = try TemplateParser.parse("<p>\n{{#menu}}\n{{/title}}\n")
            Issue.record("a wrong closing tag must fail")
        } catch {
            #expect(error.line == 3)
            #expect(error.message == "sectionCloseNameIncorrect")
        }
        #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse("{{#menu}} never closed") }
        #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse("{{title") }
    }
}
