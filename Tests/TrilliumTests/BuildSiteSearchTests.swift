import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSearch
@testable import TrilliumPipeline
import TrilliumDefaultTheme

/// The site search as a build writes it: the search page, its A–Z list, the header field and the index.
@Suite("Site search in a build")
struct BuildSiteSearchTests {
    func json(_ site: FixtureSite, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(site.page(path).utf8)) as? [String: Any])
    }

    @Test func everyPageHasAHeaderFieldThatSendsItsWordsToTheSearchPageOfItsLanguage() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        for path in site.outputFiles where path.hasSuffix(".html") && (path.hasPrefix("en/") || path.hasPrefix("fr/")) {
            let action = HTMLScan.attribute("action", inTagsContaining: "class=\"site-search\"", in: site.page(path))
            #expect(action == [path.hasPrefix("en/") ? "/en/search/" : "/fr/recherche/"], "\(path): \(action)")
            #expect(site.page(path).contains("<input type=\"search\" id=\"site-search-q\" name=\"q\""), "\(path)")
        }
    }

    @Test func theAToZListHoldsEveryPageOfItsLanguageOnceUnderItsFirstLetter() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        for (language, search) in [("en", "en/search/"), ("fr", "fr/recherche/")] {
            let letterPages = site.outputFiles.filter { $0.hasPrefix(search) && $0 != search + "index.html" }
            var listed: [String] = []
            for path in letterPages {
                let html = site.page(path)
                let entries = html.components(separatedBy: "<ul class=\"az__entries\">").dropFirst().first?.components(separatedBy: "</ul>").first ?? ""
                let hrefs = HTMLScan.attribute("href", inTagsContaining: "<a ", in: entries)
                #expect(!hrefs.isEmpty || html.contains("starts with this letter") || html.contains("commence par cette lettre"),
                        "\(path) lists nothing and does not say so")
                listed += hrefs
                // Its twin is the same letter in the other language.
                let twin = HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: html)
                #expect(twin == ["/" + (language == "en" ? "fr/recherche/" : "en/search/") + path.dropFirst(search.count).dropLast("index.html".count)])
            }
            let pages = site.outputFiles.filter {
                $0.hasPrefix(language + "/") && $0.hasSuffix("index.html") && !$0.hasPrefix(search) && !$0.contains("/page/")
            }.map { "/" + $0.dropLast("index.html".count) }
            #expect(listed.sorted() == pages.sorted(), "\(language): listed \(listed.sorted()), pages \(pages.sorted())")
        }
        let search = site.page("en/search/index.html")
        #expect(search.contains("data-index=\"/search/en/meta.json\""))
        #expect(search.contains("class=\"site-search-page\" hidden"), "the search form needs JavaScript: hidden until it runs")
        #expect(HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: search) == ["/fr/recherche/"])
    }

    /// `--verbose` says how much CPU the search index took; other builds do not measure it (two
    /// system calls per document) and write the same files.
    @Test func theSearchIsTimedOnlyWhenAsked() throws {
        let site = FixtureSite(BilingualFixture.files)
        var options = site.options()
        let untimed = try SiteBuilder().build(options)
        #expect(untimed.searchSeconds == 0)
        let first = OutputSnapshot(site.output)
        options.timesSearch = true
        let timed = try SiteBuilder().build(options)
        #expect(timed.searchSeconds > 0)
        #expect(OutputSnapshot(site.output).differences(from: first).isEmpty)
    }

    @Test func theIndexNumbersEveryPageOfALanguageAndWritesAFragmentForEach() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let meta = try json(site, "search/fr/meta.json")
        let documents = try #require(meta["docs"] as? Int)
        #expect(documents == meta["pages"] as? Int && documents > 5)
        var urls: [String] = []
        for number in 0..<documents {
            let fragment = try json(site, "search/fr/d/\(number).json")
            urls.append(try #require(fragment["url"] as? String))
            #expect(!(fragment["title"] as? String ?? "").isEmpty)
        }
        #expect(!site.outputExists("search/fr/d/\(documents).json"))
        #expect(Set(urls).count == documents && urls.allSatisfy { $0.hasPrefix("/fr/") })
        let shards = try #require(meta["shards"] as? [String])
        for number in shards.indices { #expect(site.outputExists("search/fr/t/\(number).json")) }
    }
}
