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

/// End-to-end builds of a small valid bilingual site.
@Suite("Building a bilingual site")
struct BuildBilingualSiteTests {
    @Test func aMinimalBilingualSiteBuilds() throws {
        let site = FixtureSite()
        let report = try #require(site.buildSucceeds())
        #expect(report.pagesPerLanguage == [.en: 1, .fr: 1])
        #expect(report.warnings.isEmpty)
        #expect(site.page("en/index.html").contains("<html lang=\"en\""))
        #expect(site.page("fr/index.html").contains("<html lang=\"fr-CA\""))
        #expect(site.page("fr/index.html").contains("<h1>Bienvenue</h1>"))
    }

    @Test func theFixtureSiteBuildsWithoutWarnings() throws {
        let site = FixtureSite(BilingualFixture.files)
        let report = try #require(site.buildSucceeds())
        #expect(report.pagesPerLanguage == [.en: 9, .fr: 9])
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func frenchPagesUseFrenchSlugsForFoldersAndPages() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        for path in ["en/get-help/index.html", "en/get-help/shelters/index.html", "en/get-help/hotline/index.html", "en/about/index.html",
                     "en/updates/2020-03-06-strategy/index.html",
                     "fr/aide/index.html", "fr/aide/refuges/index.html", "fr/aide/ligne-d-urgence/index.html", "fr/a-propos/index.html",
                     "fr/nouvelles/nouvelle-strategie/index.html"] {
            #expect(site.outputExists(path), "missing \(path)")
        }
        #expect(!site.outputExists("fr/get-help/index.html"))
        #expect(!site.outputExists("fr/aide/shelters/index.html"))
    }

    @Test func pagesArePairedByPathAndByTranslationKey() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        // Paired by relative path, with different slugs.
        #expect(HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page("en/get-help/shelters/index.html")) == ["/fr/aide/refuges/"])
        // Paired by translationKey, with different file names.
        #expect(HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page("en/about/index.html")) == ["/fr/a-propos/"])
        #expect(HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page("fr/a-propos/index.html")) == ["/en/about/"])
    }

    @Test func theLanguageToggleOfEveryPagePointsToItsTwinAndBack() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let pages = site.outputFiles.filter { ($0.hasPrefix("en/") || $0.hasPrefix("fr/")) && $0.hasSuffix("index.html") }
        // The A–Z list has a page per letter either language uses.
        let azPages = pages.filter { ($0.hasPrefix("en/search/") || $0.hasPrefix("fr/recherche/")) && $0.split(separator: "/").count > 3 }
        #expect(pages.count - azPages.count == 22)
        for path in pages {
            let toggles = HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page(path))
            #expect(toggles.count == 1, "\(path) has \(toggles.count) language toggles")
            guard let target = toggles.first else { continue }
            let otherLanguage = path.hasPrefix("en/") ? "/fr/" : "/en/"
            #expect(target.hasPrefix(otherLanguage), "\(path) toggles to \(target)")
            let twin = String(target.dropFirst()) + "index.html"
            #expect(site.outputExists(twin), "\(path) toggles to \(target), which was not built")
            // Later pages of a list lead to the twin list's first page; every other page's twin
            // leads back (a letter of the A–Z list has a page in both languages, empty or not).
            guard !path.contains("/page/") else { continue }
            let back = HTMLScan.attribute("href", inTagsContaining: "language-toggle", in: site.page(twin))
            #expect(back == ["/" + path.dropLast("index.html".count)], "\(twin) does not toggle back to \(path)")
        }
    }

    @Test func everyPageListsHreflangAlternates() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        for path in ["en/get-help/shelters/index.html", "fr/aide/refuges/index.html"] {
            let html = site.page(path)
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/get-help/shelters/\">"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"fr-CA\" href=\"https://example.org/fr/aide/refuges/\">"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/\">"))
        }
        #expect(site.page("fr/aide/refuges/index.html").contains("<link rel=\"canonical\" href=\"https://example.org/fr/aide/refuges/\">"))
    }

    @Test func theSitemapListsEveryPageWithItsAlternates() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let sitemap = site.page("sitemap.xml")
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(HTMLScan.count("<url>", in: sitemap) == 18)
        for loc in ["https://example.org/en/get-help/shelters/", "https://example.org/fr/aide/refuges/"] {
            #expect(sitemap.contains("<url><loc>\(loc)</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/get-help/shelters/\"/>"
                                     + "<xhtml:link rel=\"alternate\" hreflang=\"fr-CA\" href=\"https://example.org/fr/aide/refuges/\"/>"))
        }
        #expect(sitemap.contains("<loc>https://example.org/fr/nouvelles/nouvelle-strategie/</loc><lastmod>2020-03-06</lastmod>"))
    }

    @Test func relativeMarkdownLinksBecomeTheSameLanguagesURL() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let frenchHome = site.page("fr/index.html")
        #expect(frenchHome.contains("<a href=\"/fr/aide/\">comment obtenir de l’aide</a>"))
        #expect(frenchHome.contains("<a href=\"/fr/a-propos/\">ce site</a>"))
        #expect(frenchHome.contains("<a href=\"/fr/nouvelles/\">nouvelles</a>"))
        let englishHome = site.page("en/index.html")
        #expect(englishHome.contains("<a href=\"/en/get-help/\">how to get help</a>"))
        #expect(englishHome.contains("<a href=\"/en/about/\">this site</a>"))
        #expect(site.page("fr/aide/refuges/index.html").contains("<a href=\"/fr/aide/\">Retour</a>"))
    }

    @Test func linksWithAnchorsKeepTheAnchorAndItMatchesAHeading() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        #expect(site.page("fr/aide/index.html").contains("<a href=\"/fr/aide/ligne-d-urgence/#quand-appeler\">ligne d’urgence</a>"))
        #expect(site.page("fr/aide/ligne-d-urgence/index.html").contains("<h2 id=\"quand-appeler\">Quand appeler</h2>"))
        #expect(site.page("en/get-help/index.html").contains("<a href=\"/en/get-help/hotline/#when-to-call\">hotline</a>"))
    }

    @Test func siteURLLinksAreKeptUnderTheBasePath() {
        let site = FixtureSite(BilingualFixture.files)
        site.edit("Content/site.yaml", replacing: "baseURL: https://example.org/", with: "baseURL: https://example.org/trafficking/")
        site.buildSucceeds()
        #expect(site.page("en/get-help/hotline/index.html").contains("<a href=\"/trafficking/en/\">the home page</a>"))
        #expect(site.page("fr/aide/index.html").contains("href=\"/trafficking/fr/aide/ligne-d-urgence/#quand-appeler\""))
    }

    @Test func aLinkToTheSiteRootGoesToTheLanguageChoice() {
        let site = FixtureSite(BilingualFixture.files)
        site.edit("Content/en/about.md", replacing: "Some text.", with: "Choose a [language](/) or see [the sitemap](/sitemap.xml).")
        site.buildSucceeds()
        #expect(site.page("en/about/index.html").contains("<a href=\"/\">language</a>"))
        #expect(site.page("en/about/index.html").contains("<a href=\"/sitemap.xml\">the sitemap</a>"))
    }

    @Test func sectionPagesListTheirChildrenByWeightThenTitle() throws {
        let site = FixtureSite(BilingualFixture.files.merging([
            "Content/en/get-help/apps.md": FixtureSite.page(title: "Apps", description: "Phone apps.", ["weight: 2"]),
            "Content/fr/get-help/apps.md": FixtureSite.page(title: "Applications", description: "Des applis.", ["weight: 2"]),
        ]) { $1 })
        site.buildSucceeds()
        let html = site.page("en/get-help/index.html")
        let hotline = try #require(html.range(of: ">The hotline</a>"))
        let apps = try #require(html.range(of: ">Apps</a>"))
        let shelters = try #require(html.range(of: ">Shelters</a>"))
        #expect(hotline.lowerBound < apps.lowerBound)
        #expect(apps.lowerBound < shelters.lowerBound)
    }

    @Test func theRootIsALanguageChoiceWithBothLinksAndNoRedirect() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let html = site.page("index.html")
        let links = HTMLScan.tags(html).filter { $0.hasPrefix("<a ") }
        #expect(links.contains { HTMLScan.attribute("href", of: $0) == "/en/" && HTMLScan.attribute("hreflang", of: $0) == "en-CA" })
        #expect(links.contains { HTMLScan.attribute("href", of: $0) == "/fr/" && HTMLScan.attribute("hreflang", of: $0) == "fr-CA" })
        #expect(html.contains(">English</a>"))
        #expect(html.contains(">Français</a>"))
        #expect(html.contains("<h1>"))
        #expect(!html.lowercased().contains("http-equiv=\"refresh\""))
        #expect(!html.lowercased().contains("<script>"))
    }

    @Test func eachLanguageHasANotFoundPage() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        #expect(site.page("en/404.html").contains("<html lang=\"en\""))
        #expect(site.page("fr/404.html").contains("<html lang=\"fr-CA\""))
        #expect(site.page("fr/404.html").contains("<meta name=\"description\""))
    }

    @Test func frenchPagesGetFrenchTypographyAndEnglishPagesDoNot() {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let french = site.page("fr/aide/ligne-d-urgence/index.html")
        #expect(french.contains("1\u{2011}833\u{2011}900\u{2011}1010 en tout temps\u{00A0}: c’est gratuit."))
        let english = site.page("en/get-help/hotline/index.html")
        #expect(english.contains("Call 1-833-900-1010 at any time."))
    }

    @Test func assetsHaveContentHashedNamesAndPagesReferenceThem() throws {
        let site = FixtureSite(BilingualFixture.files)
        site.buildSucceeds()
        let theme = try #require(DefaultThemeLocation.directory())
        let css = try Data(contentsOf: theme.appendingPathComponent("assets/css/site.css"))
        let hashed = "assets/site.\(ContentHash.hex(css)).css"
        #expect(site.outputExists(hashed))
        #expect(site.page("en/index.html").contains("<link rel=\"stylesheet\" href=\"/\(hashed)\">"))
        #expect(!site.outputExists("assets/site.css"))
        // Every asset a page links to was written.
        for path in site.outputFiles where path.hasSuffix(".html") {
            for tag in HTMLScan.tags(site.page(path)) {
                for name in ["href", "src"] {
                    guard let url = HTMLScan.attribute(name, of: tag), url.hasPrefix("/assets/") else { continue }
                    #expect(site.outputExists(String(url.dropFirst())), "\(path) links to \(url), which was not written")
                }
            }
        }
    }

    @Test func contentHashesAreStableAndChangeWithTheContent() {
        let hash = ContentHash.hex(Data("body { color: black; }".utf8))
        #expect(hash.count == 10)
        #expect(hash == ContentHash.hex(Data("body { color: black; }".utf8)))
        #expect(hash != ContentHash.hex(Data("body { color: navy; }".utf8)))
    }
}
