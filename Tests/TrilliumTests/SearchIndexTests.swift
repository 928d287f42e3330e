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

@Suite("Search index")
struct SearchIndexTests {
    private func document(_ id: String, _ fields: (String, Int)...) -> SearchDocument {
        SearchDocument(id: id, url: "/en/\(id)/", title: id, fields: fields.map { SearchField(text: $0.0, weight: $0.1) })
    }

    private func score(_ index: SearchIndex, _ term: String, document: Int) -> Int? {
        index.terms[term]?.first { $0.document == document }?.score
    }

    @Test func aTermScoresWeightTimesOccurrencesSummedOverFields() {
        let index = SearchIndexBuilder.build(
            documents: [document("a", ("Shelter", 10), ("A shelter for youth", 4), ("Shelters and shelter beds", 1))],
            language: .en
        )
        #expect(score(index, "shelter", document: 0) == 10 + 4 + 2)
        #expect(score(index, "youth", document: 0) == 4)
        #expect(score(index, "bed", document: 0) == 1)
    }

    @Test func occurrencesCountAtMostThreeTimesPerField() {
        let index = SearchIndexBuilder.build(
            documents: [document("a", ("help help help help help help", 2), ("help", 1))],
            language: .en
        )
        #expect(score(index, "help", document: 0) == 2 * 3 + 1)
    }

    @Test func aMatchInTheNameRanksAboveOneInTheDescription() {
        let index = SearchIndexBuilder.build(
            documents: [
                document("described", ("Community centre", 10), ("We run a shelter, a shelter and a shelter.", 1)),
                document("named", ("Youth shelter", 10), ("Beds for young people.", 1)),
            ],
            language: .en
        )
        let described = score(index, "shelter", document: 0) ?? 0
        let named = score(index, "shelter", document: 1) ?? 0
        #expect(named > described)
        #expect(index.terms["shelter"]?.map(\.document) == [0, 1])
    }

    @Test func stopWordsEmptyFieldsAndNonPositiveWeightsAddNothing() {
        let index = SearchIndexBuilder.build(
            documents: [document("a", ("the and of", 10), ("", 4), ("hidden words", 0), ("negative", -3))],
            language: .en
        )
        #expect(index.terms.isEmpty)
        #expect(index.documents == [SearchIndex.Entry(id: "a", url: "/en/a/", title: "a")])
    }

    @Test func documentsKeepTheirOrderAndPostingsFollowIt() {
        let docs = (0..<12).map { document("d\($0)", ("common word \($0)", 1)) }
        let index = SearchIndexBuilder.build(documents: docs, language: .en)
        #expect(index.documents.map(\.id) == docs.map(\.id))
        #expect(index.terms["common"]?.map(\.document) == Array(0..<12))
    }

    @Test func theJSONIsCompactSortedAndTheSameEveryTime() throws {
        let docs = [
            document("b", ("Zebra apple", 10)),
            document("a", ("apple", 1), ("Mango \"quoted\" \\ back\nline", 4)),
        ]
        let first = SearchIndexBuilder.build(documents: docs, language: .en).jsonData()
        let again = SearchIndexBuilder.build(documents: docs, language: .en).jsonData()
        #expect(first == again)
        let text = try #require(String(data: first, encoding: .utf8))
        #expect(text == """
            {"docs":[["b","/en/b/","b"],["a","/en/a/","a"]],"lang":"en","terms":{"appl":[0,10,1,1],\
            "back":[1,4],"line":[1,4],"mango":[1,4],"quot":[1,4],"zebra":[0,10]},"v":1}
            """)
        let decoded = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(decoded["v"] as? Int == SearchIndex.formatVersion)
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControlCharacters() throws {
        let index = SearchIndex(
            language: .fr,
            documents: [SearchIndex.Entry(id: "x\"y", url: "/a\\b", title: "Ligne\td’écoute\u{01}\u{2028}")],
            terms: [:]
        )
        let text = try #require(String(data: index.jsonData(), encoding: .utf8))
        #expect(text == #"{"docs":[["x\"y","/a\\b","Ligne\td’écoute\u0001\u2028"]],"lang":"fr","terms":{},"v":1}"#)
        let decoded = try #require(try JSONSerialization.jsonObject(with: index.jsonData()) as? [String: Any])
        let docs = try #require(decoded["docs"] as? [[String]])
        #expect(docs == [["x\"y", "/a\\b", "Ligne\td’écoute\u{01}\u{2028}"]])
    }

    @Test func theBuilderStillWritesTheCommittedSampleIndex() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search-index-sample.json")
        let committed = try Data(contentsOf: url)
        let built = SearchIndexBuilder.build(documents: SearchSampleDocuments.french, language: .fr).jsonData()
        #expect(built == committed, "regenerate the fixture if the change is intended (see Tests/js/search-core.test.js)")
    }
}
