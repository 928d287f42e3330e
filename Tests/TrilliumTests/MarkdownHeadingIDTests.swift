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

@Suite("Heading ids")
struct MarkdownHeadingIDTests {
    @Test("accents and apostrophes are folded into a plain ASCII id", arguments: [
        ("« Qu'est-ce que la traite ? »", "quest-ce-que-la-traite"),
        ("« Qu’est-ce que la traite\u{202F}? »", "quest-ce-que-la-traite"),
        ("Écoute", "ecoute"),
        ("Où obtenir de l'aide", "ou-obtenir-de-laide"),
        ("Signes à surveiller : le leurre", "signes-a-surveiller-le-leurre"),
        ("Œuvres et cœur", "oeuvres-et-coeur"),
        ("Call 1-833-900-1010 now", "call-1-833-900-1010-now"),
        ("  Spaces   around  ", "spaces-around"),
    ])
    func folding(_ text: String, _ id: String) {
        #expect(HeadingIDGenerator.slugify(text) == id)
    }

    @Test func aHeadingWithoutLettersOrDigitsGetsAFallbackId() {
        #expect(HeadingIDGenerator.slugify("« ? »") == "section")
        #expect(HeadingIDGenerator.slugify("") == "section")
    }

    @Test func duplicatesAreNumberedFromOne() {
        var ids = HeadingIDGenerator()
        #expect(ids.id(for: "Où appeler") == "ou-appeler")
        #expect(ids.id(for: "Ou appeler") == "ou-appeler-1")
        #expect(ids.id(for: "Où appeler ?") == "ou-appeler-2")
        #expect(ids.id(for: "Autre") == "autre")
    }

    @Test func aFreshGeneratorStartsOverForEachPage() {
        var first = HeadingIDGenerator()
        _ = first.id(for: "Help")
        var second = HeadingIDGenerator()
        #expect(second.id(for: "Help") == "help")
    }
}
