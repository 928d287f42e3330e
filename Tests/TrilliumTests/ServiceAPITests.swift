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

@Suite("Service API exports")
struct ServiceAPITests {
    typealias F = ServiceFixtures

    /// Two services: the valid fixture, and a 24/7 one with only a website, listed in reverse id order.
    var directory: ServiceDirectory {
        get throws {
            let first = try #require(F.parse(F.serviceYAML).0)
            let second = F.serviceYAML
                .replacingOccurrences(of: "id: test-helpline", with: "id: another-line")
                .replacingOccurrences(of: """
                  open_24_7: false
                  weekly:
                    - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
                    - { days: [sat], opens: "10:00", closes: "24:00" }
                  note: { en: Closed on holidays., fr: Fermé les jours fériés. }
                """, with: "  open_24_7: true")
                .replacingOccurrences(of: "email: help@example.org\n", with: "")
            let secondService = try #require(F.parse(second, file: "Content/services/another-line.yaml").0)
            return ServiceDirectory(taxonomy: F.taxonomy, services: [first, secondService])
        }
    }

    func servicesJSON(_ directory: ServiceDirectory) -> Data {
        ServiceAPI.servicesJSON(directory, config: F.config, descriptionHTML: F.descriptionHTML, pageURL: F.pageURL)
    }

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theDirectorySortsServicesById() throws {
        #expect(try directory.services.map(\.id) == ["another-line", "test-helpline"])
    }

    @Test func servicesJSONIsTheSameBytesOnEveryRun() throws {
        let directory = try directory
        let reversed = ServiceDirectory(taxonomy: directory.taxonomy, services: directory.services.reversed())
        #expect(servicesJSON(directory) == servicesJSON(reversed))
        #expect(ServiceAPI.schemaJSON(config: F.config) == ServiceAPI.schemaJSON(config: F.config))
        let hsds = { ServiceAPI.hsdsJSON(directory, config: F.config, pageURL: F.pageURL) }
        #expect(hsds() == hsds())
        let text = String(decoding: servicesJSON(directory), as: UTF8.self)
        #expect(text.contains("https://example.org/trafficking/en/services/test-helpline/"), "slashes are not escaped")
        #expect(text.contains("Fermé"), "non-ASCII text is written as UTF-8")
    }

    @Test func servicesJSONHasTheDocumentedShape() throws {
        let root = try object(servicesJSON(directory))
        #expect(root["version"] as? String == "1.0.0")
        #expect(root["schema"] as? String == "https://example.org/trafficking/api/v1/services.schema.json")
        let taxonomy = try #require(root["taxonomy"] as? [String: Any])
        let categories = try #require(taxonomy["categories"] as? [[String: Any]])
        #expect(categories.first?["id"] as? String == "crisis-line")
        #expect((categories.first?["label"] as? [String: String]) == ["en": "Crisis lines", "fr": "Lignes de crise"])

        let services = try #require(root["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["another-line", "test-helpline"])
        let service = services[1]
        let phones = try #require(service["phones"] as? [[String: Any]])
        #expect(phones.first?["number"] as? String == "1-833-900-1010")
        #expect(phones.first?["tel"] as? String == "+18339001010")
        #expect(phones.last?["tel"] as? String == "211")
        #expect(phones.last?["kind"] as? String == "text")
        #expect((service["description_html"] as? [String: String])?["fr"] == "<p>Une ligne d'écoute utilisée par les tests.</p>")
        #expect((service["urls"] as? [String: String])?["fr"] == "https://example.org/trafficking/fr/services/test-helpline/")
        #expect(service["last_verified"] as? String == "2026-11-01")
        #expect(service["cost"] as? String == "free")
        let hours = try #require(service["hours"] as? [String: Any])
        let weekly = try #require(hours["weekly"] as? [[String: Any]])
        #expect(weekly.first?["days"] as? [String] == ["mon", "tue", "wed", "thu", "fri"])
        #expect(weekly.last?["closes"] as? String == "24:00")

        let open247 = services[0]
        #expect(open247["email"] == nil, "absent optional keys are omitted")
        let openHours = try #require(open247["hours"] as? [String: Any])
        #expect(Set(openHours.keys) == ["open_24_7"], "`weekly` and `note` appear only when present")
    }

    @Test func v1KeepsBooleansAndACostForFactsTheSourceDoesNotState() throws {
        let unstated = try #require(F.parse(F.removingLines(["indigenous_led: false", "cost: free", "confidential: true"], from: F.serviceYAML)
            .replacingOccurrences(of: "id: test-helpline", with: "id: unstated"), file: "Content/services/unstated.yaml").0)
        let stated = try #require(F.parse(F.service(replacing: "indigenous_led: false", with: "indigenous_led: true")).0)
        let root = try object(servicesJSON(ServiceDirectory(taxonomy: F.taxonomy, services: [unstated, stated])))
        let services = try #require(root["services"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: services.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["unstated"]?["confidential"] as? Bool == false && byID["unstated"]?["indigenous_led"] as? Bool == false)
        #expect(byID["unstated"]?["cost"] as? String == "varies")
        #expect(byID["test-helpline"]?["confidential"] as? Bool == true && byID["test-helpline"]?["indigenous_led"] as? Bool == true)
        #expect(byID["test-helpline"]?["cost"] as? String == "free")
    }

    @Test func everyExportedServiceIsValidAgainstTheSchema() throws {
        let schemaData = ServiceAPI.schemaJSON(config: F.config)
        let schema = try object(schemaData)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == "https://example.org/trafficking/api/v1/services.schema.json")
        let validator = try MiniSchemaValidator(schema: schemaData)
        let problems = try validator.validate(servicesJSON(directory))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theSchemaRejectsAnExportWithAnUnknownKeyOrAMissingOne() throws {
        let validator = try MiniSchemaValidator(schema: ServiceAPI.schemaJSON(config: F.config))
        var root = try object(servicesJSON(directory))
        var services = try #require(root["services"] as? [[String: Any]])
        services[0]["colour"] = "blue"
        services[1].removeValue(forKey: "urls")
        root["services"] = services
        let problems = try validator.validate(JSONSerialization.data(withJSONObject: root))
        #expect(problems.contains("$.services[0]: unexpected key `colour`"), "\(problems)")
        #expect(problems.contains("$.services[1]: missing required `urls`"), "\(problems)")
    }

    @Test func theSchemaDescribesEveryKeyTheExportWrites() throws {
        let schema = try object(ServiceAPI.schemaJSON(config: F.config))
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let serviceSchema = try #require(definitions["service"] as? [String: Any])
        let properties = try #require(serviceSchema["properties"] as? [String: Any])
        let exported = try #require(try object(servicesJSON(directory))["services"] as? [[String: Any]])
        let written = Set(exported.flatMap(\.keys))
        #expect(written.isSubset(of: Set(properties.keys)))
        #expect(Set(serviceSchema["required"] as? [String] ?? []).isSubset(of: written))
    }

    @Test func theHSDSExportHasTheRequiredHSDSFields() throws {
        let data = ServiceAPI.hsdsJSON(try directory, config: F.config, pageURL: F.pageURL)
        let root = try object(data)
        #expect(root["version"] as? String == "3.0")
        let services = try #require(root["services"] as? [[String: Any]])
        #expect(services.count == 2)
        let uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
        func isUUID(_ value: Any?) -> Bool { (value as? String)?.range(of: uuidPattern, options: .regularExpression) != nil }
        for service in services {
            #expect(isUUID(service["id"]))
            #expect(service["name"] is String)
            #expect(service["status"] as? String == "active")
            let organization = try #require(service["organization"] as? [String: Any])
            #expect(isUUID(organization["id"]) && organization["name"] is String && organization["description"] is String)
            let phones = try #require(service["phones"] as? [[String: Any]], "every fixture service has phones")
            #expect(!phones.isEmpty)
            for phone in phones {
                #expect(isUUID(phone["id"]) && phone["number"] is String)
                let languages = try #require(phone["languages"] as? [[String: Any]], "phones list their languages")
                #expect(!languages.isEmpty)
                for language in languages { #expect(isUUID(language["id"])) }
            }
            for key in ["languages", "service_areas", "schedules"] {
                let items = try #require(service[key] as? [[String: Any]], "\(key)")
                #expect(!items.isEmpty, "\(key)")
                for item in items { #expect(isUUID(item["id"]), "\(key)") }
            }
            let french = try #require(service["x-trillium-fr"] as? [String: String])
            #expect(french["name"] != nil && french["description"] != nil)
        }
        let helpline = try #require(services.first { $0["x-trillium-id"] as? String == "test-helpline" })
        #expect(helpline["name"] as? String == "Test Helpline")
        #expect((helpline["x-trillium-fr"] as? [String: String])?["name"] == "Ligne d'essai")
        #expect(helpline["url"] as? String == "https://www.example.org/help/")
        #expect(helpline["interpretation_services"] as? String == "Many languages through interpreters")
        #expect((helpline["languages"] as? [[String: Any]])?.map { $0["code"] as? String } == ["en", "fr"])
        let phones = try #require(helpline["phones"] as? [[String: Any]])
        #expect(phones.map { $0["type"] as? String } == ["voice", "text"])
        let schedules = try #require(helpline["schedules"] as? [[String: Any]])
        #expect(schedules.first?["byday"] as? String == "MO,TU,WE,TH,FR")
        #expect(schedules.first?["opens_at"] as? String == "09:00")
        #expect(schedules.first?["freq"] as? String == "WEEKLY")
        let areas = try #require(helpline["service_areas"] as? [[String: Any]])
        #expect(areas.map { $0["name"] as? String } == ["All of Ontario", "Northern Ontario"])
    }

    @Test func hsdsIdsStayTheSameAcrossBuildsAndDifferBetweenRecords() throws {
        let directory = try directory
        let first = try object(ServiceAPI.hsdsJSON(directory, config: F.config, pageURL: F.pageURL))
        let services = try #require(first["services"] as? [[String: Any]])
        let ids = services.compactMap { $0["id"] as? String }
        #expect(ids.count == 2 && Set(ids).count == ids.count)
        // Pinned: a partner who stored this id last year must find the same record today.
        #expect(ids.first == Self.pinnedAnotherLineID)
    }

    /// The UUID v5 of `service/another-line` in Trillium's namespace, as first published.
    static let pinnedAnotherLineID = "ef211ee1-3cb7-58db-b106-3d7e5c33da20"

    @Test func sha1AndVersion5UUIDsMatchPublishedTestVectors() {
        let abc = SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(abc == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let long = SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(long == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        // RFC 9562's DNS namespace and the widely published example name.
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(NameBasedUUID.make("python.org", namespace: dns) == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }
}
