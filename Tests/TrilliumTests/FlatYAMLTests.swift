import Testing
import Yams
@testable import TrilliumModel
@testable import TrilliumSource

/// Flat front matter is read without Yams; whatever it reads must be exactly what Yams reads,
/// with the same lines and columns, and anything else must be left to Yams.
@Suite("Flat YAML")
struct FlatYAMLTests {
    @Test(arguments: [
        "title: Warning signs\ndescription: One or two sentences.\nweight: 20\n",
        "# A comment\n\ntitle: Les signes à surveiller\nslug: signes\ndraft: true\n",
        "title: \"Ontario's strategy: 2025\"\nurl:   https://www.ontario.ca/page/x?a=1#b\n",
        "title: 'Quoted, with: colon'\nlastmod: 2026-11-30   \n",
        "title: Crème brûlée é à\ndescription: Café \"au lait\" and it's fine\n",
        "translationKey: warning-signs\nweight: -3\nlayout: page\nhelpBox: yes\n",
    ])
    func whatIsReadFlatIsWhatYamsReads(_ text: String) throws {
        let flat = try #require(FlatYAML.parse(text), "this document is flat")
        #expect(YAMLTrees.describe(flat) == YAMLTrees.describe(try YAMLTrees.yams(text)))
    }

    @Test(arguments: [
        "sources:\n  - title: A\n    url: https://x.org\n",
        "title: A\ntitle: B\n",
        "title: a: b\n",
        "title: value # comment\n",
        "title: [a, b]\n",
        "title: |\n  text\n",
        "title:\n",
        "title: \"escaped \\\" quote\"\n",
        "  indented: yes\n",
        "title: &anchor A\n",
        "title:value\n",
        "",
    ])
    func anythingElseIsLeftToYams(_ text: String) {
        #expect(FlatYAML.parse(text) == nil)
    }

    @Test func wordsAndNumbersMeanWhatYAMLSays() {
        func scalar(_ text: String, _ style: YAMLNode.Style = .plain) -> YAMLNode { YAMLNode(.scalar(text, style), line: 1, column: 1) }
        #expect(scalar("true").bool == true && scalar("Off").bool == false && scalar("maybe").bool == nil)
        #expect(scalar("20").int == 20 && scalar("-3").int == -3 && scalar("1_000").int == 1000 && scalar("0x1F").int == 31 && scalar("2.5").int == nil)
        #expect(scalar("~").isNull && scalar("").isNull && !scalar("", .quoted).isNull)
    }
}
