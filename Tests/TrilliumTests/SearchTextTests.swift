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

/// The expected outputs shared with Tests/js/search-core.test.js.
struct SearchVectorFile: Decodable {
    struct Vector: Decodable {
        let lang: String
        let input: String
        let folded: String?
        let tokens: [String]
    }

    /// A name with the extra terms the index adds for it and a query's joined term.
    struct Name: Decodable {
        let lang: String
        let input: String
        let joined: [String]
        let fullJoin: String
    }

    let stopWords: [String: [String]]
    /// [word, stem] pairs from Snowball's sample vocabularies, per language.
    let stems: [String: [[String]]]
    let vectors: [Vector]
    let names: [Name]

    static func load() throws -> SearchVectorFile {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search-vectors.json")
        return try JSONDecoder().decode(SearchVectorFile.self, from: Data(contentsOf: url))
    }
}

@Suite("Search text")
struct SearchTextTests {
    @Test func theSharedFixtureHoldsAtLeast150VectorsInBothLanguages() throws {
        let file = try SearchVectorFile.load()
        #expect(file.vectors.count >= 150)
        #expect(file.vectors.contains { $0.lang == "en" })
        #expect(file.vectors.contains { $0.lang == "fr" })
    }

    @Test func everySharedVectorGivesItsExpectedTokens() throws {
        let file = try SearchVectorFile.load()
        for vector in file.vectors {
            let language = try #require(Language(rawValue: vector.lang))
            #expect(SearchText.tokens(vector.input, language: language) == vector.tokens, "input: \(vector.input)")
        }
    }

    @Test func everySharedVectorWithAFoldedFormFoldsToIt() throws {
        let file = try SearchVectorFile.load()
        let folded = file.vectors.filter { $0.folded != nil }
        #expect(!folded.isEmpty)
        for vector in folded {
            #expect(SearchText.fold(vector.input) == vector.folded, "input: \(vector.input)")
        }
    }

    @Test func stopWordsAreExactlyTheSharedLists() throws {
        let file = try SearchVectorFile.load()
        #expect(SearchText.stopWords(for: .en) == Set(file.stopWords["en"] ?? []))
        #expect(SearchText.stopWords(for: .fr) == Set(file.stopWords["fr"] ?? []))
        #expect(file.stopWords["en"]?.count == SearchText.stopWords(for: .en).count)
        #expect(file.stopWords["fr"]?.count == SearchText.stopWords(for: .fr).count)
    }

    @Test func foldedTextHoldsOnlyLowercaseLettersDigitsApostrophesAndSpaces() throws {
        let file = try SearchVectorFile.load()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789' ".unicodeScalars)
        var samples = file.vectors.map(\.input)
        samples.append(String(String.UnicodeScalarView((0x20...0x24F).compactMap(Unicode.Scalar.init))))
        samples.append("Ελληνικά русский 中文 😀 \u{202F}«\u{00A0}»")
        for sample in samples {
            let folded = SearchText.fold(sample)
            #expect(folded.unicodeScalars.allSatisfy(allowed.contains), "input: \(sample)")
            #expect(SearchText.fold(folded) == folded, "folding twice changes \(sample)")
        }
    }

    @Test func everySharedNameGivesItsJoinedTermsAndItsQueryJoin() throws {
        let file = try SearchVectorFile.load()
        #expect(file.names.count >= 15)
        for name in file.names {
            let language = try #require(Language(rawValue: name.lang))
            #expect(SearchText.joinedTerms(name.input, language: language) == name.joined, "input: \(name.input)")
            #expect((SearchText.fullJoin(name.input, language: language) ?? "") == name.fullJoin, "input: \(name.input)")
        }
    }

    @Test func accentsNeverChangeTheTerms() throws {
        let pairs = [
            ("écoute", "ecoute"), ("sécurité", "securite"), ("traité", "traite"), ("aidées", "aidees"),
            ("Première", "premiere"), ("entièrement", "entierement"), ("ŒUVRES", "oeuvres"), ("garçon", "garcon"),
        ]
        for language in Language.allCases {
            for (accented, plain) in pairs {
                #expect(SearchText.tokens(accented, language: language) == SearchText.tokens(plain, language: language))
            }
        }
        let file = try SearchVectorFile.load()
        for vector in file.vectors {
            let language = try #require(Language(rawValue: vector.lang))
            #expect(SearchText.tokens(SearchText.fold(vector.input), language: language) == vector.tokens)
        }
    }

    @Test func frenchFormsOfOneWordShareATerm() {
        let groups = [
            ["traite", "traité", "traités", "traitée", "traitées", "traiter"],
            ["aide", "aides", "aidée", "aidées", "aider"],
            ["écoute", "écouter", "Écoutez"],
            ["premier", "première", "premières", "premièrement"],
            ["victime", "victimes"],
        ]
        for group in groups {
            let terms = Set(group.flatMap { SearchText.tokens($0, language: .fr) })
            #expect(terms.count == 1, "\(group) gave \(terms)")
        }
    }

    @Test func elisionsAndPossessivesAreDropped() {
        #expect(SearchText.tokens("L’écoute, d'abord ; qu’elle, jusqu’ici, lorsqu’on, puisqu’il", language: .fr)
            == ["ecout", "abord", "ici"])
        #expect(SearchText.tokens("the survivor’s rights", language: .en) == ["survivor", "right"])
    }

    @Test func bothStemmersGiveSnowballsStemsForTheSharedSampleVocabulary() throws {
        let file = try SearchVectorFile.load()
        let english = file.stems["en"] ?? [], french = file.stems["fr"] ?? []
        #expect(english.count > 300 && french.count > 600)
        for pair in english where pair.count == 2 {
            #expect(EnglishStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
        }
        for pair in french where pair.count == 2 {
            #expect(FrenchStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
        }
    }

    @Test func theEnglishStemmerGivesSnowballsStems() {
        let expected = [
            ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
            ("generously", "generous"), ("knightly", "knight"), ("skies", "sky"), ("dying", "die"), ("news", "news"),
            ("cries", "cri"), ("ties", "tie"), ("caresses", "caress"), ("hopping", "hop"), ("hoped", "hope"),
            ("agreed", "agre"), ("feed", "feed"), ("succeeded", "succeed"), ("proceed", "proceed"),
            ("evening", "evening"), ("pasted", "paste"), ("organization", "organiz"), ("universal", "universal"),
            ("communism", "communism"), ("arsenal", "arsenal"), ("sky's", "ski"),
        ]
        for (word, stem) in expected {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func theFrenchStemmerGivesSnowballsStemsForAccentedWords() {
        let expected = [
            ("continu", "continu"), ("continua", "continu"), ("continuaient", "continu"),
            ("continuellement", "continuel"), ("chevaux", "cheval"), ("majestueusement", "majestu"),
            ("traite", "trait"), ("traité", "trait"), ("trafiquants", "trafiqu"), ("victimes", "victim"),
            ("autochtones", "autochton"), ("écoute", "écout"), ("aide", "aid"), ("jeunes", "jeun"),
            ("sécurité", "sécur"), ("l'écoute", "écout"), ("qu'elle", "elle"), ("naïveté", "naïvet"),
            ("noël", "noël"), ("paris", "paris"), ("niais", "niais"), ("premières", "premi"),
        ]
        for (word, stem) in expected {
            #expect(FrenchStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func emptyAndSeparatorOnlyTextGivesNoTokens() {
        for language in Language.allCases {
            #expect(SearchText.tokens("", language: language).isEmpty)
            #expect(SearchText.tokens(" \t—–-·«»’ ", language: language).isEmpty)
        }
    }
}
