import Foundation
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

@Suite("Service taxonomy is validated")
struct ServiceTaxonomyTests {
    typealias F = ServiceFixtures

    @Test func theFixtureTaxonomyParsesWithLabelsInBothLanguages() throws {
        let taxonomy = F.taxonomy
        #expect(taxonomy.categories.map(\.id) == ["crisis-line", "legal"])
        #expect(taxonomy.regions.map(\.id) == ["ontario", "north"])
        #expect(taxonomy.label(region: "north") == Localized(en: "Northern Ontario", fr: "Nord de l'Ontario"))
        #expect(taxonomy.label(category: "legal")?[.fr] == "Aide juridique")
        #expect(taxonomy.label(audience: "everyone")?[.en] == "Everyone")
        #expect(taxonomy.label(language: "fr")?[.fr] == "Français")
        #expect(taxonomy.label(category: "nope") == nil)
        #expect(taxonomy.label("nope", in: .regions, language: .en) == "nope")
        #expect(taxonomy.termLocations[.regions]?["north"]?.line == F.line(of: "id: north", in: F.taxonomyYAML))
    }

    @Test func aTermDefinedTwiceIsAnErrorThatPointsAtTheFirst() {
        let text = F.taxonomyYAML.replacingOccurrences(of: "  - id: legal", with: "  - id: crisis-line")
        let (taxonomy, diagnostics) = F.loader.parseTaxonomy(text, file: F.taxonomyFile)
        #expect(taxonomy == nil)
        let found = diagnostic(containing: "category `crisis-line` is defined twice", in: diagnostics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let second = (lines.lastIndex { $0.contains("id: crisis-line") } ?? -1) + 1
        #expect(found?.location == TrilliumModel.SourceLocation(file: F.taxonomyFile, line: second, column: 9))
        #expect(found?.hint?.contains("line \(F.line(of: "id: crisis-line", in: text))") == true)
    }

    @Test func aTermIdThatIsNotURLSafeIsAnError() {
        let text = F.taxonomyYAML.replacingOccurrences(of: "id: legal", with: "id: Legal Help")
        let found = diagnostic(containing: "category id `Legal Help` is not URL-safe", in: F.loader.parseTaxonomy(text, file: F.taxonomyFile).1)
        #expect(found?.location.line == F.line(of: "Legal Help", in: text))
    }

    @Test func aTermWithoutAFrenchLabelIsAnError() {
        let text = F.taxonomyYAML.replacingOccurrences(of: "label: { en: Legal help, fr: Aide juridique }", with: "label: { en: Legal help }")
        let found = diagnostic(containing: "`label` has no French text", in: F.loader.parseTaxonomy(text, file: F.taxonomyFile).1)
        #expect(found?.location.line == F.line(of: "label: { en: Legal help }", in: text))
    }

    @Test func anUnknownFacetIsAnErrorWithASuggestion() {
        let text = F.taxonomyYAML.replacingOccurrences(of: "regions:", with: "region:")
        let diagnostics = F.loader.parseTaxonomy(text, file: F.taxonomyFile).1
        let found = diagnostic(containing: "unknown key `region`", in: diagnostics)
        #expect(found?.hint == "Did you mean `regions`?")
        #expect(found?.location.line == F.line(of: "region:", in: text))
        #expect(diagnostic(containing: "missing required key `regions`", in: diagnostics) != nil)
    }

    @Test func anEmptyFacetIsAnError() {
        let text = F.taxonomyYAML + "\n" // audiences replaced by an empty list below
        let empty = text.replacingOccurrences(of: "audiences:\n  - id: everyone\n    label: { en: Everyone, fr: Tout le monde }", with: "audiences: []")
        let found = diagnostic(containing: "`audiences` lists no terms", in: F.loader.parseTaxonomy(empty, file: F.taxonomyFile).1)
        #expect(found?.location.line == F.line(of: "audiences: []", in: empty))
    }
}
