import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumPipeline

/// Trillium serves any bilingual public body without code changes: a fictional county with its
/// own help line, regions, taxonomy, wording and colours builds with the generator as it is, and
/// nothing of the Ontario site reaches its output.
@Suite("Another jurisdiction")
struct OtherJurisdictionTests {
    static func site() -> FixtureSite {
        let site = FixtureSite([:], defaults: false)
        for folder in ["Content", "Themes"] {
            site.copyFromRepository("Tests/Fixtures/sites/other-jurisdiction/\(folder)", to: folder)
        }
        return site
    }

    @Test func itBuildsAndItsOutputSaysNothingOfOntario() throws {
        let site = Self.site()
        site.buildSucceeds()
        let forbidden = ["Ontario", "ontario", "833-900", "8339001010", "trafficking", "Trafficking", "traite des personnes", "Toronto"]
        let snapshot = OutputSnapshot(site.output)
        #expect(snapshot.files.count > 30)
        for (path, data) in snapshot.files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            for word in forbidden where text.contains(word) {
                Issue.record("\(path) contains “\(word)”")
            }
        }
    }

    @Test func itsHelpLineWordingAndColoursAreItsOwn() throws {
        let site = Self.site()
        site.buildSucceeds()
        let home = site.page("en/index.html")
        #expect(home.contains("Lakeshore Help Line, any hour: <a class=\"help-banner__number\" href=\"tel:+18005550100\">1-800-555-0100</a>"))
        let css = try #require(site.outputFiles.first { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") })
        #expect(site.page(css).contains("--brand: #1b5e20"), "the site's own stylesheet replaces the default one")
        let widget = site.page("embed.js")
        #expect(widget.contains("\"hotline\":{\"number\":\"1-800-555-0100\",\"tel\":\"+18005550100\"}"))
        #expect(widget.contains("\"everywhere\":\"county-wide\""))
        #expect(!site.outputFiles.contains { $0.hasPrefix("assets/embed.") }, "only the stable embed.js is published")
    }

    @Test func theWidgetsFrenchWordsHaveFrenchTypography() throws {
        let site = Self.site()
        site.buildSucceeds()
        let widget = site.page("embed.js")
        let start = try #require(widget.range(of: "var CONFIG = ")).upperBound
        let line = widget[start...].prefix { $0 != "\n" }
        let json = try #require(line.hasSuffix(";") ? String(line.dropLast()) : nil)
        let settings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let french = try #require((settings["text"] as? [String: Any])?["fr"] as? [String: Any])
        let heading = try #require(french["heading"] as? String)
        #expect(heading == "Services d’aide")
        for (key, value) in french {
            guard let text = value as? String else { continue }
            #expect(!text.contains("'"), "\(key): \(text)")
            #expect(!text.contains(" :"), "\(key): \(text)")
        }
    }

    @Test func itsEverywhereRegionIsListedUnderEveryRegion() throws {
        let site = Self.site()
        site.buildSucceeds()
        for region in ["north-shore", "south-shore"] {
            #expect(site.page("en/services/region/\(region)/index.html").contains("/en/services/county-help-line/"))
        }
        #expect(site.page("en/services/region/north-shore/index.html").contains("This region covers: Harbourtown and Pine Bay."))
        let hsds = site.page("api/v1/hsds/services.json")
        #expect(hsds.contains("\"description\":\"Harbourtown and Pine Bay.\""))
    }

    @Test func twoEverywhereRegionsAreAnErrorAtTheSecond() throws {
        let site = Self.site()
        site.edit("Content/services/taxonomy.yaml", replacing: "  - id: south-shore\n", with: "  - id: south-shore\n    everywhere: true\n")
        let failure = try #require(site.buildFails())
        let lines = site.source("Content/services/taxonomy.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        let second = try #require(lines.lastIndex { $0.contains("everywhere: true") }) + 1
        let first = try #require(lines.firstIndex { $0.contains("everywhere: true") }) + 1
        #expect(first < second)
        expectExactly([ExpectedDiagnostic("Content/services/taxonomy.yaml", line: second, "only one region can stand for everywhere; `county-wide` already does")],
                      in: failure.diagnostics)
    }
}
