import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource

/// Service files are read without Yams; whatever `BlockYAML` reads must be exactly what Yams
/// reads, with the same lines and columns, and anything it is not sure of must be left to Yams.
@Suite("Block YAML")
struct BlockYAMLTests {
    static let service = """
    id: dryden-family-services-outreach-113
    name:
      en: "Dryden Family Services – Outreach"
      fr: "Services à la famille de Dryden – Programme d'approche"
    summary:
      en: Shelter staff plan safe steps with young workers across Ontario.
      fr: 'Malgré tout, beaucoup de familles: « oui »'
    description:
      en: |
        In many cases, families work closely with families in crisis.

        - Front-line staff make time for people.
        - Coaches listen without judging.
          # not a comment inside a literal block


        You can call [1-800-555-0179](tel:+18005550179).
      fr: |
        Les travailleurs de la santé prennent des nouvelles des enfants.
    organization:
      id: org-112
      name:
        en: "Dryden Family Services"
        fr: "Services à la famille de Dryden"
    # A comment between keys.
    phones:
      - number: 1-800-555-0192
        kind: voice
        label:
          en: Call
          fr: Appeler
      - number: "911"
        kind: text
    website: https://www.example.org/dryden-family-services-outreach-113/
    hours:
      open_24_7: false
      weekly:
        - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
        - { days: [sat], opens: '10:00', closes: "14:00" }
    regions: [north]
    categories: [ victim-services , "crisis-line" ]
    audiences: []
    languages:
    - en
    - fr
    indigenous_led: false
    last_verified: 2026-11-30
    source: https://www.example.org/about/?a=1#b

    """

    @Test(arguments: [
        service,
        "sources:\n  - title: A\n    url: https://x.org\n  - title: \"B: quoted\"\n    url: https://y.org\ntitle: After\n",
        "a:\n  b:\n    c: deep\n  d: [1, 2]\ne: end\n",
        "list:\n- one\n- two\nnext: x\n",
        "text: |\n\n  leading blank line\n  second\n\n\nafter: x\n",
        "nested:\n  - - a\n",
        "- top\n- level\n",
        "title: Crème brûlée é à\nitems: [é, à]\nmap: { k: [é], l: \"ç\" }\n",
    ])
    func whatItReadsIsWhatYamsReads(_ text: String) throws {
        let block = BlockYAML.parse(text)
        let yams = try YAMLTrees.yams(text)
        if let block {
            #expect(YAMLTrees.describe(block) == YAMLTrees.describe(yams))
        }
    }

    @Test func theServiceFileShapeIsReadWithoutYams() throws {
        let block = try #require(BlockYAML.parse(Self.service), "a service file should not need Yams")
        #expect(YAMLTrees.describe(block) == YAMLTrees.describe(try YAMLTrees.yams(Self.service)))
    }

    @Test(arguments: [
        "a: &anchor x\nb: *anchor\n",
        "a: !tag x\n",
        "a: \"escaped \\\" quote\"\n",
        "a: 'it''s'\n",
        "a: >\n  folded\n",
        "a: |-\n  chomped\n",
        "a: |2\n   indented\n",
        "a: value # comment\n",
        "a: plain\n  continued\n",
        "a:\n",
        "a: x\na: y\n",
        "a:\tx\n",
        "---\na: x\n",
        "a: x\n---\nb: y\n",
        "? complex\n: key\n",
        "a: [x, [y]]\n",
        "a: {b: {c: d}}\n",
        "a: [unclosed\n",
        "a: x\n b: y\n",
        "a: b: c\n",
        "a: |\n  text\n    \n  more\n",
    ])
    func anythingElseIsLeftToYams(_ text: String) {
        #expect(BlockYAML.parse(text) == nil, "\(text.debugDescription) should be left to Yams")
    }

    /// Every service file, the taxonomy and the settings of the real site: read without Yams
    /// where `BlockYAML` answers, and the same as Yams's reading.
    @Test func theSitesOwnFilesAreReadAsYamsReadsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Content/services")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count > 30)
        var readWithoutYams = 0
        for name in names + ["../site.yaml"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard let block = BlockYAML.parse(text) else { continue }
            readWithoutYams += 1
            #expect(YAMLTrees.describe(block) == YAMLTrees.describe(try YAMLTrees.yams(text)), "\(name)")
        }
        #expect(readWithoutYams >= names.count / 2, "most service files should be read without Yams (\(readWithoutYams) of \(names.count))")
    }

    /// The same over a folder of generated service files, when one is named (the benchmark's
    /// 60,000-service corpus: `TRILLIUM_YAML_FOLDER=…/trillium/Content/services`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRILLIUM_YAML_FOLDER"] != nil))
    func aGeneratedDirectoryIsReadAsYamsReadsIt() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["TRILLIUM_YAML_FOLDER"]))
        var read = 0, differ = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard let block = BlockYAML.parse(text) else { continue }
            read += 1
            if YAMLTrees.describe(block) != YAMLTrees.describe(try YAMLTrees.yams(text)) {
                differ += 1
                Issue.record("\(name) is read differently")
            }
        }
        print("BlockYAML read \(read) files, \(differ) differently")
        #expect(read > 0)
    }
}
