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

/// A yes/no fact or a cost that the source does not state reads "Not stated", never "No";
/// sources carry their own title and date.
@Suite("Service facts are shown only as stated")
struct ServiceFactsStatedTests {
    typealias F = ServiceFixtures

    static let unstated = F.removingLines(["indigenous_led: false", "cost: free", "confidential: true"], from: F.serviceYAML)

    @Test func unstatedYesNoFactsAndCostAreNil() throws {
        let (parsed, diagnostics) = F.parse(Self.unstated)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let service = try #require(parsed)
        #expect(service.confidential == nil)
        #expect(service.indigenousLed == nil)
        #expect(service.cost == nil)
    }

    @Test func aSourceMappingKeepsItsTitleAndDate() throws {
        let text = F.service(replacing: "source: https://www.example.org/about/",
                             with: "source:\n  url: https://www.example.org/about/\n  title: About us\n  date: 2021-04-12")
        let service = try #require(F.parse(text).0)
        #expect(service.source.url == "https://www.example.org/about/")
        #expect(service.source.title == "About us")
        #expect(service.source.date == Day(year: 2021, month: 4, day: 12))
    }

    @Test func aSourceDatedInTheFutureIsAnError() {
        let text = F.service(replacing: "source: https://www.example.org/about/",
                             with: "source:\n  url: https://www.example.org/about/\n  date: 2027-01-01")
        let (service, diagnostics) = F.parse(text)
        #expect(service == nil)
        let found = diagnostic(containing: "the source's date 2027-01-01 is in the future", in: diagnostics)
        #expect(found?.location.line == F.line(of: "date: 2027-01-01", in: text))
    }

    @Test func aSourceMappingWithoutAnAddressIsAnError() {
        let text = F.service(replacing: "source: https://www.example.org/about/", with: "source:\n  title: About us")
        let found = diagnostic(containing: "missing required key `url`", in: F.parse(text).1)
        #expect(found?.location.line == F.line(of: "title: About us", in: text))
    }

    @Test func aTextShortCodeIsAcceptedForTextOnly() throws {
        let text = F.service(replacing: "- number: \"211\"", with: "- number: \"686868\"")
        let service = try #require(F.parse(text).0)
        #expect(service.phones[1].number.telURI == "sms:686868")
        let voice = F.service(replacing: "- number: 1-833-900-1010", with: "- number: \"686868\"")
        #expect(diagnostic(containing: "`686868` is not a phone number", in: F.parse(voice).1) != nil)
    }

    @Test func aChatPageIsAWayToReachTheService() throws {
        let text = F.service(replacing: "website: https://www.example.org/help/", with: "chat: https://www.example.org/chat/")
        let service = try #require(F.parse(text).0)
        #expect(service.chat == "https://www.example.org/chat/")
        let insecure = F.service(replacing: "website: https://www.example.org/help/", with: "chat: http://www.example.org/chat/")
        #expect(diagnostic(containing: "`chat` must use https", in: F.parse(insecure).1) != nil)
    }

    // MARK: - On the built site

    static func site(service: String) -> FixtureSite {
        FixtureSite([
            "Content/services/taxonomy.yaml": F.taxonomyYAML,
            "Content/services/test-helpline.yaml": service,
        ])
    }

    @Test func aServicePageSaysNotStatedInsteadOfNo() throws {
        let site = Self.site(service: Self.unstated)
        site.buildSucceeds()
        let english = site.page("en/services/test-helpline/index.html")
        #expect(english.contains("<dt>Confidential</dt>\n<dd>Not stated</dd>"))
        #expect(english.contains("<dt>Indigenous-led</dt>\n<dd>Not stated</dd>"))
        #expect(english.contains("<dt>Cost</dt>\n<dd>Not stated</dd>"))
        #expect(!english.contains("<dd>No</dd>"))
        let french = site.page("fr/services/test-helpline/index.html")
        #expect(french.contains("<dd>Non précisé</dd>"))
        #expect(!english.contains(">Confidential</span>"), "no tag for a fact that is not stated")
    }

    @Test func aStatedNoStillReadsNo() throws {
        let site = Self.site(service: F.service(replacing: "confidential: true", with: "confidential: false"))
        site.buildSucceeds()
        #expect(site.page("en/services/test-helpline/index.html").contains("<dt>Confidential</dt>\n<dd>No</dd>"))
    }

    @Test func aServicePageShowsItsSourceWithTheSourcesOwnDate() throws {
        let site = Self.site(service: F.service(replacing: "source: https://www.example.org/about/",
                                                with: "source:\n  url: https://www.example.org/about/\n  title: About us\n  date: 2021-04-12"))
        site.buildSucceeds()
        let page = site.page("en/services/test-helpline/index.html")
        #expect(page.contains("Information last checked: <time datetime=\"2026-11-01\">November 1, 2026</time>. "
            + "Source: <a href=\"https://www.example.org/about/\" rel=\"noreferrer\">About us</a> (dated <time datetime=\"2021-04-12\">April 12, 2021</time>)"))
    }

    @Test func phoneNumbersAreShownAsWrittenAndDialledInE164() throws {
        let site = Self.site(service: F.service(replacing: "- number: 1-833-900-1010", with: "- number: 416-597-8808"))
        site.buildSucceeds()
        let page = site.page("en/services/test-helpline/index.html")
        #expect(page.contains("<a href=\"tel:+14165978808\">Call 416-597-8808</a>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(site.page("api/v1/services.json").utf8)) as? [String: Any])
        let phone = try #require(((json["services"] as? [[String: Any]])?.first?["phones"] as? [[String: Any]])?.first)
        #expect(phone["display"] as? String == "416-597-8808")
        #expect(phone["number"] as? String == "1-416-597-8808")
        #expect(phone["tel"] as? String == "+14165978808")
    }
}
