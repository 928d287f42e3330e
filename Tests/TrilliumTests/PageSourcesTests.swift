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

/// Pages list their sources in front matter; each page ends with them, and `check` warns when a
/// page states figures without sources or cites a source more than two years old.
@Suite("Page sources")
struct PageSourcesTests {
    static let sourced = FixtureSite.page(title: "Funding", description: "Money.", [
        "sources:",
        "  - title: \"Ontario's strategy\"",
        "    url: https://www.ontario.ca/page/strategy",
        "    date: 2025-02-01",
        "  - title: A page with no date",
        "    url: https://www.example.org/",
    ], body: "Ontario set aside $307 million.")

    static let twin = FixtureSite.page(title: "Financement", description: "Argent.", [
        "sources:",
        "  - title: Stratégie de l'Ontario",
        "    url: https://www.ontario.ca/fr/page/strategie",
        "    date: 2025-02-01",
        "  - title: \"Fact Sheet #2: Trafficking\"",
        "    url: https://www.example.org/fact-sheet",
        "    lang: en",
    ], body: "L'Ontario a prévu 307 millions de dollars.")

    @Test func aPageEndsWithItsSourcesInItsLanguage() throws {
        let site = FixtureSite(["Content/en/funding.md": Self.sourced, "Content/fr/funding.md": Self.twin])
        site.buildSucceeds()
        let english = site.page("en/funding/index.html")
        #expect(english.contains("<h2 id=\"page-sources-title\">Sources</h2>"))
        #expect(english.contains("<li><a href=\"https://www.ontario.ca/page/strategy\" rel=\"noreferrer\">Ontario&#39;s strategy</a> (<time datetime=\"2025-02-01\">February 1, 2025</time>)</li>"))
        #expect(english.contains("<li><a href=\"https://www.example.org/\" rel=\"noreferrer\">A page with no date</a></li>"))
        let french = site.page("fr/funding/index.html")
        #expect(french.contains("<time datetime=\"2025-02-01\">1er février 2025</time>"))
        // A title in another language is marked so, and keeps its own typography.
        #expect(french.contains("<a href=\"https://www.example.org/fact-sheet\" rel=\"noreferrer\" lang=\"en\" hreflang=\"en\">Fact Sheet #2: Trafficking</a>"))
    }

    @Test func aPageWithoutSourcesHasNoSourcesSection() throws {
        let site = FixtureSite()
        site.buildSucceeds()
        #expect(!site.page("en/index.html").contains("page-sources"))
    }

    @Test func aSourceWithoutAnAddressIsAnErrorOnItsLine() throws {
        let text = FixtureSite.page(title: "T", description: "D", ["sources:", "  - title: Nothing"])
        let site = FixtureSite(["Content/en/t.md": text, "Content/fr/t.md": text])
        let failure = try #require(site.buildFails())
        expectContains(ExpectedDiagnostic("Content/en/t.md", line: 5, "missing required key `url`"), in: failure.diagnostics)
    }

    @Test func aHelpBoxOpensThePageWhenAsked() throws {
        let en = FixtureSite.page(title: "Signs", description: "D", ["helpBox: true"])
        let fr = FixtureSite.page(title: "Signes", description: "D", ["helpBox: true"])
        let site = FixtureSite(["Content/en/signs.md": en, "Content/fr/signs.md": fr])
        site.buildSucceeds()
        let page = site.page("en/signs/index.html")
        let box = try #require(page.range(of: "<section class=\"help-box\""))
        #expect(page.range(of: "<h1>Signs</h1>")!.lowerBound < box.lowerBound)
        #expect(page.contains("<a href=\"tel:911\">911</a>"))
        #expect(page.contains("<a href=\"tel:+18339001010\">1-833-900-1010</a>"))
        #expect(!site.page("en/index.html").contains("help-box"))
    }

    // MARK: - check

    @Test func checkWarnsWhenAPageStatesFiguresWithoutSources() throws {
        let en = FixtureSite.page(title: "Money", description: "D", body: "Ontario set aside $307 million over five years.")
        let fr = FixtureSite.page(title: "Argent", description: "D", body: "L'Ontario a prévu 307 millions de dollars.")
        let site = FixtureSite(["Content/en/money.md": en, "Content/fr/money.md": fr])
        let result = SiteChecker().check(site.options())
        let english = result.diagnostics.first { $0.location.file == "Content/en/money.md" && $0.message.contains("states figures") }
        #expect(english?.message == "this page states figures (such as “$307 million”) but lists no sources")
        #expect(result.diagnostics.contains { $0.location.file == "Content/fr/money.md" && $0.message.contains("“307 millions de dollars”") })
        #expect(!result.diagnostics.contains { $0.location.file == "Content/en/_index.md" && $0.message.contains("states figures") })
    }

    @Test func phoneNumbersShortCodesAndOpeningHoursAreNotFigures() {
        #expect(SourceCheck.firstFigure(in: "Call 1-833-900-1010 or 911, 24/7. Dial 211. Call 416-597-8808, 24 hours a day, 7 days a week.") == nil)
        #expect(SourceCheck.firstFigure(in: "Nearly two-thirds of cases") == "two-thirds")
        #expect(SourceCheck.firstFigure(in: "It was launched in 2019.") == "2019")
        #expect(SourceCheck.firstFigure(in: "Help in more than 200 languages.") == "200")
        #expect(SourceCheck.firstFigure(in: "About 12 % of calls") == "12 %")
    }

    @Test func checkWarnsOnASourceMoreThanTwoYearsOldAtItsLine() throws {
        let old = FixtureSite.page(title: "Old", description: "D", ["sources:", "  - title: An old page", "    url: https://www.example.org/", "    date: 2020-03-06"],
                                   body: "It began in 2020.")
        let site = FixtureSite(["Content/en/old.md": old, "Content/fr/old.md": old])
        let result = SiteChecker().check(site.options())
        let found = result.diagnostics.first { $0.location.file == "Content/en/old.md" && $0.message.contains("more than two years") }
        #expect(found?.message == "source “An old page” is dated 2020-03-06, more than two years before 2026-11-30")
        #expect(found?.location.line == 5)
    }

    @Test func aDatedPostMayCiteSourcesFromItsOwnTime() throws {
        let post = FixtureSite.page(title: "News", description: "D", ["date: 2020-03-06", "sources:", "  - title: A release", "    url: https://www.example.org/", "    date: 2020-03-06"],
                                    body: "It began in 2020.")
        let site = FixtureSite(["Content/en/news.md": post, "Content/fr/news.md": post])
        let result = SiteChecker().check(site.options())
        #expect(!result.diagnostics.contains { $0.message.contains("more than two years") })
    }
}
