import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSearch

@Suite("Search index")
struct SearchIndexTests {
    private func scores(_ fields: SearchField..., language: Language = .en) -> [String: Int] {
        SearchIndexBuilder.scores(of: fields, language: language)
    }

    private func page(_ title: String, body: String = "") -> SearchDocument {
        SearchDocument(kind: .page, url: "/en/\(TextFolding.fold(title).split(separator: " ").joined(separator: "-"))/", title: title,
                       section: "Home", fields: [.title(title), .body(body)], excerpt: body)
    }

    private func service(_ title: String) -> SearchDocument {
        SearchDocument(kind: .service, url: "/en/services/\(title.count)/", title: title, section: "Services", fields: [.title(title)], excerpt: "")
    }

    private func json(_ file: OutputFile) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
    }

    @Test func aTermScoresWeightTimesOccurrencesSummedOverFields() {
        let result = scores(SearchField(text: "Shelter", weight: 10), SearchField(text: "A shelter for youth", weight: 4),
                            SearchField(text: "Shelters and shelter beds", weight: 1))
        #expect(result["shelter"] == 10 + 4 + 2)
        #expect(result["youth"] == 4)
        #expect(result["bed"] == 1)
    }

    @Test func occurrencesCountAtMostThreeTimesPerField() {
        #expect(scores(SearchField(text: "help help help help help help", weight: 2), SearchField(text: "help", weight: 1))["help"] == 2 * 3 + 1)
    }

    @Test func theTitleOutweighsHeadingsThenDescriptionThenAnyBody() {
        let title = scores(.title("Shelter"))["shelter"] ?? 0
        let headings = scores(.headings("Shelter shelter shelter"))["shelter"] ?? 0
        let description = scores(.description("Shelter"))["shelter"] ?? 0
        let body = scores(.body("shelter shelter shelter shelter"))["shelter"] ?? 0
        #expect(title > headings && headings > description && description > body)
        #expect(SearchField.titleWeight > SearchField.bodyWeight * SearchIndexBuilder.occurrenceCap)
    }

    @Test func stopWordsEmptyFieldsAndNonPositiveWeightsAddNothing() {
        #expect(scores(SearchField(text: "the and of", weight: 10), SearchField(text: "", weight: 4),
                       SearchField(text: "hidden words", weight: 0), SearchField(text: "negative", weight: -3)).isEmpty)
    }

    @Test func aNameIsAlsoIndexedWithItsWordsJoined() {
        let title = scores(.title("Kids Help Phone"))
        #expect(title["kidshelpphon"] == SearchField.titleWeight)
        #expect(title["kidshelp"] == SearchField.titleWeight)
        #expect(title["kid"] == SearchField.titleWeight)
        #expect(scores(.body("Kids Help Phone"))["kidshelpphon"] == nil)
        #expect(scores(.title("Jeunesse, J’écoute"), language: .fr)["jeunessejecout"] == SearchField.titleWeight)
    }

    @Test func lettersAndDigitsAreSeparateWords() {
        #expect(Set(scores(.title("Talk4Healing")).keys) == ["talk", "4", "heal"])
    }

    @Test func pagesAreNumberedBeforeServicesInTheOrderGiven() {
        let index = SearchIndex.build([service("Zeta line"), page("Alpha"), service("Beta line"), page("Gamma")], language: .en)
        #expect(index.pages == 2 && index.services == 2)
        #expect(index.terms["alpha"]?.map(\.document) == [0])
        #expect(index.terms["gamma"]?.map(\.document) == [1])
        #expect(index.terms["line"]?.map(\.document) == [2, 3])
        #expect(index.terms["zeta"]?.map(\.document) == [2])
    }

    @Test func postingsRoundTripThroughTheirTextCoding() {
        let postings = [0, 1, 2, 40, 1_000, 1_001, 70_000].enumerated().map { SearchIndex.Posting(document: $1, score: [1, 20, 31, 32, 93, 255, 6][$0]) }
        let text = SearchPostingCoding.encode(postings)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 2)
        #expect(SearchPostingCoding.decode(parts[0]) == [0, 0, 0, 37, 959, 0, 68_998])
        #expect(SearchPostingCoding.decode(parts[1]) == postings.map(\.score))
        #expect(text.allSatisfy { $0 == "." || SearchPostingCoding.alphabet.contains(UInt8($0.asciiValue ?? 0)) })
    }

    @Test func shardsSplitBySizeAndEveryTermIsInTheShardItsKeyPicks() throws {
        let documents = (0..<300).map { page("Word\(String(UnicodeScalar(97 + $0 % 26)!))x\($0) common") }
        let files = SearchIndex.build(documents, language: .en).files(shardTargetBytes: 400)
        let meta = try json(try #require(files.first))
        #expect(files.first?.path == "search/en/meta.json")
        let keys = try #require(meta["shards"] as? [String])
        #expect(keys.first == "" && keys == keys.sorted() && keys.count > 5)
        #expect(files.count == keys.count + 1)
        #expect(meta["docs"] as? Int == 300 && meta["pages"] as? Int == 300 && meta["services"] as? Int == 0 && meta["v"] as? Int == 2)
        for (number, file) in files.dropFirst().enumerated() {
            #expect(file.path == "search/en/t/\(number).json")
            let shard = try json(file)
            #expect(shard["id"] as? String == meta["id"] as? String)
            let terms = try #require(shard["terms"] as? [String: String])
            for term in terms.keys {
                let picked = keys.lastIndex { $0 <= term } ?? -1
                #expect(picked == number, "\(term) is in shard \(number) but its key picks \(picked)")
            }
        }
    }

    @Test func theFilesAreTheSameEveryTimeAndTheIdFollowsTheContent() {
        let documents = [page("Shelters", body: "beds tonight"), service("Crisis line")]
        let first = SearchIndex.build(documents, language: .en).files()
        #expect(first == SearchIndex.build(documents, language: .en).files())
        let changed = SearchIndex.build([page("Shelters", body: "beds today"), service("Crisis line")], language: .en).files()
        #expect(first[0].data != changed[0].data)
    }

    @Test func theCollectorGivesTheBuildersIndexWhateverTheOrderAndReplacesADocumentAddedAgain() {
        let documents = [page("Alpha", body: "one two"), page("Beta", body: "two three"), service("Gamma line")]
        let collector = SearchIndexCollector(language: .en, pages: 2, services: 1)
        for number in [2, 0, 1] { collector.add(documents[number], number: number) }
        #expect(collector.index() == SearchIndex.build(documents, language: .en))
        collector.add(page("Alpha", body: "four"), number: 0)
        #expect(collector.index() == SearchIndex.build([page("Alpha", body: "four"), documents[1], documents[2]], language: .en))
        #expect(collector.index().terms["one"] == nil)
    }

    @Test func documentsSpreadOverEveryStripeAndReplacedFromAnotherGiveTheBuildersIndex() {
        let documents = (0..<40).map { page("Page \($0) shelters", body: "beds tonight number \($0 % 7) and words \($0 % 3)") }
        let collector = SearchIndexCollector(language: .en, pages: documents.count, services: 0)
        for (number, document) in documents.enumerated().reversed() {
            collector.add(number: number, stripe: number * 7) { document }
        }
        #expect(collector.index() == SearchIndex.build(documents, language: .en))
        // Replaced through another stripe, and from many threads at once.
        var replaced = documents
        for number in stride(from: 0, to: documents.count, by: 3) { replaced[number] = page("Page \(number) again", body: "a different text") }
        let final = replaced
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for number in stride(from: worker, to: final.count, by: 4) where number % 3 == 0 {
                collector.add(number: number, stripe: worker + 1) { final[number] }
            }
        }
        #expect(collector.index() == SearchIndex.build(final, language: .en))
        #expect(collector.index().files() == SearchIndex.build(final, language: .en).files())
    }

    @Test func anExcerptKeepsTheFirstCharactersCutBeforeAWordWithSpacesMadeOne() {
        let words = Array(repeating: "survivante", count: 1_000).joined(separator: " \n ")
        let text = SearchFragment.excerpt(words)
        #expect(text.count <= SearchFragment.excerptLimit && text.count > SearchFragment.excerptLimit - 12)
        #expect(text.hasSuffix("survivante") && !text.contains("\n") && !text.contains("  "))
        #expect(SearchFragment.excerpt("  Déjà\tvu\u{00A0}: ici  ") == "Déjà vu\u{00A0}: ici")
        #expect(SearchFragment.excerpt(text) == text)
    }

    /// Texts excerpted together give the excerpt of the texts joined by a space, wherever the
    /// limit falls (in the first text, on the boundary, in the second) and whatever spaces
    /// they start or end with.
    @Test func textsExcerptedTogetherGiveTheExcerptOfTheirJoin() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", " ", "\n", "été", "survivante", "a", "l’aide", "\t\t", "123"]
        for _ in 0..<300 {
            let texts = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...400, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
            }
            #expect(SearchFragment.excerpt(of: texts) == SearchFragment.excerpt(texts.joined(separator: " ")), "\(texts)")
        }
    }

    @Test func aFragmentHoldsWhatAResultShows() throws {
        let document = SearchDocument(kind: .service, url: "/fr/services/x/", title: "Ligne \"x\"", section: "Services",
                                      fields: [], excerpt: "Aide\u{2028}jour et nuit", phones: [SearchPhone(text: "Appeler le 211", href: "tel:211")])
        let file = SearchFragment.file(document, number: 7, language: .fr)
        #expect(file.path == "search/fr/d/7.json")
        #expect(String(decoding: file.data, as: UTF8.self).contains(#""text":"Aide\u2028jour et nuit""#))
        let fragment = try json(file)
        #expect(fragment["title"] as? String == "Ligne \"x\"" && fragment["kind"] as? String == "service")
        #expect(fragment["url"] as? String == "/fr/services/x/" && fragment["section"] as? String == "Services")
        #expect(fragment["phones"] as? [[String]] == [["Appeler le 211", "tel:211"]])
    }

    @Test func theBuilderStillWritesTheCommittedSampleIndex() throws {
        let files = SearchSampleDocuments.files()
        let folder = SearchSampleDocuments.folder
        if ProcessInfo.processInfo.environment["TRILLIUM_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: folder)
            for file in files {
                let url = folder.appendingPathComponent(String(file.path.dropFirst("search/fr/".count)))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
        }
        var committed: [String] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "json" {
                committed.append(String(url.path.dropFirst(folder.path.count + 1)))
            }
        }
        #expect(committed.sorted() == files.map { String($0.path.dropFirst("search/fr/".count)) }.sorted(),
                "regenerate Tests/Fixtures/search-index-sample with TRILLIUM_UPDATE_GOLDEN=1 if the change is intended")
        for file in files {
            let url = folder.appendingPathComponent(String(file.path.dropFirst("search/fr/".count)))
            #expect((try? Data(contentsOf: url)) == file.data, "\(file.path) differs (TRILLIUM_UPDATE_GOLDEN=1 rewrites the sample)")
        }
    }
}
