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

@Suite("Readability scores")
struct CheckReadabilityTests {
    static let simpleEnglish = """
    If you are in danger, call 911. You can also call the hotline. It is free. It is open all day and all night. \
    A person will listen to you. They will not judge you. They can help you find a safe place to stay. You do not have to give your name.
    """

    static let complexEnglish = """
    The comprehensive provincial strategy consolidates multidisciplinary investigative capacity, institutionalizes \
    trauma-informed intervention methodologies across municipal jurisdictions, and substantially augments specialized \
    prosecutorial resources, notwithstanding considerable administrative complexity associated with interorganizational \
    information-sharing arrangements and evidentiary documentation requirements.
    """

    @Test func simpleEnglishScoresALowerGradeThanComplexEnglish() throws {
        let simple = try #require(Readability.score(Self.simpleEnglish, language: .en, file: "simple.md"))
        let complex = try #require(Readability.score(Self.complexEnglish + " " + Self.complexEnglish, language: .en, file: "complex.md"))
        #expect(simple.grade < 8)
        #expect(complex.grade > 12)
        #expect(simple.grade < complex.grade)
        #expect(simple.ease == nil)
    }

    @Test func frenchEaseGoesDownWhenSentencesGetLonger() throws {
        let short = String(repeating: "Vous pouvez appeler. La ligne est gratuite. Quelqu'un vous écoute. ", count: 4)
        let long = String(repeating: "Vous pouvez appeler la ligne gratuite en tout temps et quelqu'un vous écoute sans juger ce que vous dites ", count: 2) + "."
        let easy = try #require(Readability.score(short, language: .fr, file: "court.md"))
        let hard = try #require(Readability.score(long, language: .fr, file: "long.md"))
        let easyEase = try #require(easy.ease)
        let hardEase = try #require(hard.ease)
        #expect(hardEase < easyEase)
        #expect(hard.grade >= easy.grade)
    }

    @Test func tooLittleTextIsNotScored() {
        #expect(Readability.score("Call 911 now.", language: .en, file: "short.md") == nil)
    }

    @Test func englishSyllablesDropASilentFinalE() {
        #expect(Readability.syllableCount("hotline", .en) == 2)
        #expect(Readability.syllableCount("help", .en) == 1)
        #expect(Readability.syllableCount("trafficking", .en) == 3)
    }

    @Test func frenchSyllablesDropAMuteFinalE() {
        #expect(Readability.syllableCount("ligne", .fr) == 1)
        #expect(Readability.syllableCount("appellent", .fr) == 2)
        #expect(Readability.syllableCount("écoute", .fr) == 2)
    }
}
