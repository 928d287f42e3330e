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

/// What gets published: drafts, scheduled pages, paginated update lists and their feeds.
@Suite("Publishing drafts, scheduled pages, lists and feeds")
struct BuildPublishingTests {
    static let draftPair: [String: String] = [
        "Content/en/plans.md": FixtureSite.page(title: "Plans", description: "Not ready.", ["draft: true"]),
        "Content/fr/plans.md": FixtureSite.page(title: "Projets", description: "Pas prêt.", ["draft: true", "slug: projets"]),
    ]

    static let scheduledPair: [String: String] = [
        "Content/en/launch.md": FixtureSite.page(title: "Launch", description: "Coming soon.", ["publishDate: 2026-12-01"]),
        "Content/fr/launch.md": FixtureSite.page(title: "Lancement", description: "Bientôt.", ["publishDate: 2026-12-01", "slug: lancement"]),
    ]

    @Test func draftsAreLeftOutByDefault() throws {
        let site = FixtureSite(Self.draftPair)
        let report = try #require(site.buildSucceeds())
        #expect(report.pagesPerLanguage == [.en: 1, .fr: 1])
        #expect(!site.outputExists("en/plans/index.html"))
        #expect(!site.outputExists("fr/projets/index.html"))
        #expect(!site.page("sitemap.xml").contains("plans"))
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        let site = FixtureSite(Self.draftPair)
        let report = try #require(site.buildSucceeds(drafts: true))
        #expect(report.pagesPerLanguage == [.en: 2, .fr: 2])
        #expect(site.page("fr/projets/index.html").contains("<h1>Projets</h1>"))
    }

    @Test func pagesScheduledAfterTodayAreLeftOut() throws {
        let site = FixtureSite(Self.scheduledPair)
        site.buildSucceeds()
        #expect(!site.outputExists("en/launch/index.html"))
        #expect(!site.outputExists("fr/lancement/index.html"))
    }

    @Test func scheduledPagesAreBuiltWithFutureOrOnTheirDay() throws {
        let future = FixtureSite(Self.scheduledPair)
        future.buildSucceeds(future: true)
        #expect(future.outputExists("en/launch/index.html"))
        #expect(future.outputExists("fr/lancement/index.html"))

        let today = FixtureSite(Self.scheduledPair.mapValues { $0.replacingOccurrences(of: "2026-12-01", with: "2026-11-30") })
        today.buildSucceeds()
        #expect(today.outputExists("fr/lancement/index.html"))
    }

    @Test func datedSectionsListNewestFirstAndPaginate() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let first = site.page("en/updates/index.html")
        let renewed = try #require(first.range(of: ">Strategy renewed</a>"))
        let strategy = try #require(first.range(of: ">New strategy</a>"))
        #expect(renewed.lowerBound < strategy.lowerBound)
        #expect(!first.contains(">Hotline opens</a>"))
        #expect(first.contains("<a href=\"/en/updates/page/2/\" rel=\"next\">"))

        let second = site.page("en/updates/page/2/index.html")
        #expect(second.contains(">Hotline opens</a>"))
        #expect(second.contains("<a href=\"/en/updates/\" rel=\"prev\">"))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.org/en/updates/page/2/\">"))
        #expect(!site.outputExists("en/updates/page/3/index.html"))

        #expect(site.outputExists("fr/nouvelles/page/2/index.html"))
        #expect(site.page("fr/nouvelles/index.html").contains("<time datetime=\"2025-08-15\">15 août 2025</time>"))
    }

    @Test func datedSectionsHaveAnAtomFeed() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let atom = site.page("fr/nouvelles/feed.xml")
        #expect(atom.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"))
        #expect(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr-CA\">"))
        #expect(HTMLScan.count("<entry>", in: atom) == 3)
        #expect(atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/fr/nouvelles/feed.xml\"/>"))
        #expect(atom.contains("<updated>2025-08-15T00:00:00Z</updated>"))
        #expect(atom.contains("<id>https://example.org/fr/nouvelles/strategie-renouvelee/</id>"))
        let newest = try #require(atom.range(of: "Stratégie renouvelée"))
        let oldest = try #require(atom.range(of: "La ligne ouvre"))
        #expect(newest.lowerBound < oldest.lowerBound)
    }

    @Test func datedSectionsHaveAJSONFeed() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let data = Data(site.page("en/updates/feed.json").utf8)
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/en/updates/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["url"] as? String } == [
            "https://example.org/en/updates/2025-08-15-renewal/", "https://example.org/en/updates/2020-03-06-strategy/",
            "https://example.org/en/updates/2019-05-29-hotline/",
        ])
        #expect(items.first?["date_published"] as? String == "2025-08-15T00:00:00Z")
        #expect(site.page("en/updates/index.html").contains("<link rel=\"alternate\" type=\"application/feed+json\""))
    }

    @Test func sectionsOfUndatedPagesHaveNoFeed() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        #expect(!site.outputExists("en/get-help/feed.xml"))
        #expect(!site.outputExists("fr/aide/feed.json"))
    }

    @Test func theHomePageShowsTheLatestUpdates() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let home = site.page("fr/index.html")
        #expect(home.contains("href=\"/fr/nouvelles/strategie-renouvelee/\""))
        #expect(home.contains("href=\"/fr/nouvelles/ligne-ouverte/\""))
    }
}
