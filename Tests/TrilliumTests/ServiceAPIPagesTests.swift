import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumDirectory
@testable import TrilliumPlan

@Suite("HSDS /services pages and the OpenAPI document")
struct ServiceAPIPagesTests {
    typealias F = ServiceFixtures

    /// The valid fixture (weekly hours, one closing at 24:00) and a 24/7 copy with only a website and no phones.
    var twoServices: ServiceDirectory {
        get throws {
            let helpline = try #require(F.parse(F.serviceYAML).0)
            let open247 = F.removingLines(F.phoneLines.union(["email: help@example.org"]), from: F.serviceYAML)
                .replacingOccurrences(of: "id: test-helpline", with: "id: web-only")
                .replacingOccurrences(of: "phones:\n", with: "phones: []\n")
                .replacingOccurrences(of: """
                  open_24_7: false
                  weekly:
                    - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
                    - { days: [sat], opens: "10:00", closes: "24:00" }
                  note: { en: Closed on holidays., fr: Fermé les jours fériés. }
                """, with: "  open_24_7: true")
            let webOnly = try #require(F.parse(open247, file: "Content/services/web-only.yaml").0)
            return ServiceDirectory(taxonomy: F.taxonomy, services: [helpline, webOnly])
        }
    }

    /// `count` copies of the fixture with ids `service-01` … .
    func directory(of count: Int) throws -> ServiceDirectory {
        let services = try (0..<count).map { index in
            let id = "service-" + (index < 9 ? "0" : "") + String(index + 1)
            return try #require(F.parse(F.serviceYAML.replacingOccurrences(of: "id: test-helpline", with: "id: \(id)"),
                                        file: "Content/services/\(id).yaml").0)
        }
        return ServiceDirectory(taxonomy: F.taxonomy, services: services)
    }

    func pages(_ directory: ServiceDirectory, size: Int = ServiceAPI.hsdsPageSize) throws -> [(path: String, page: [String: Any])] {
        try ServiceAPI.hsdsPages(directory, config: F.config, pageSize: size, pageURL: F.pageURL).map { file in
            (file.path, try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any]))
        }
    }

    func records(_ directory: ServiceDirectory) throws -> [String: [String: Any]] {
        let contents = try pages(directory).flatMap { try #require($0.page["contents"] as? [[String: Any]]) }
        return Dictionary(uniqueKeysWithValues: contents.map { (($0["x-trillium-id"] as? String) ?? "?", $0) })
    }

    @Test func fiveServicesInPagesOfTwoMakeThreeFilesThatLinkToEachOther() throws {
        let pages = try pages(directory(of: 5), size: 2)
        #expect(pages.map(\.path) == ["api/v1/hsds/services/1.json", "api/v1/hsds/services/2.json", "api/v1/hsds/services/3.json"])
        let url = { (n: Int) in "https://example.org/trafficking/api/v1/hsds/services/\(n).json" }
        for (index, entry) in pages.enumerated() {
            let number = index + 1, page = entry.page
            #expect(page["total_items"] as? Int == 5)
            #expect(page["total_pages"] as? Int == 3)
            #expect(page["page_number"] as? Int == number)
            #expect(page["size"] as? Int == (number == 3 ? 1 : 2), "size counts the services on this page")
            #expect(page["first_page"] as? Bool == (number == 1))
            #expect(page["last_page"] as? Bool == (number == 3))
            #expect(page["empty"] as? Bool == false)
            let links = try #require(page["x-trillium-links"] as? [String: String])
            #expect(links["self"] == url(number) && links["first"] == url(1) && links["last"] == url(3))
            #expect(links["previous"] == (number > 1 ? url(number - 1) : nil))
            #expect(links["next"] == (number < 3 ? url(number + 1) : nil))
        }
        let ids = try pages.flatMap { try #require($0.page["contents"] as? [[String: Any]]).compactMap { $0["x-trillium-id"] as? String } }
        #expect(ids == (1...5).map { "service-0\($0)" }, "every service once, in id order")
    }

    @Test func aDirectoryWithNoServiceStillPublishesItsFirstPage() throws {
        let pages = try pages(ServiceDirectory(taxonomy: F.taxonomy, services: []))
        #expect(pages.map(\.path) == [ServiceAPI.hsdsFirstPagePath])
        let page = try #require(pages.first?.page)
        #expect(page["empty"] as? Bool == true && page["total_items"] as? Int == 0 && page["total_pages"] as? Int == 1)
        #expect((page["contents"] as? [Any])?.isEmpty == true)
    }

    @Test func pageRecordsCarryOrganizationIDE164NumbersAndTheVerificationDay() throws {
        let helpline = try #require(try records(twoServices)["test-helpline"])
        let organization = try #require(helpline["organization"] as? [String: Any])
        #expect(helpline["organization_id"] as? String == NameBasedUUID.make("organization/test-organization"))
        #expect(helpline["organization_id"] as? String == organization["id"] as? String)
        let phones = try #require(helpline["phones"] as? [[String: Any]])
        #expect(phones.map { $0["number"] as? String } == ["+18339001010", "211"], "E.164, short codes as they are")
        #expect(helpline["last_modified"] as? String == "2026-11-01T00:00:00Z", "last_verified, not an invented time")
        #expect(helpline["assured_date"] as? String == "2026-11-01")
    }

    @Test func schedulesEndAt2359NeverAt2400AndOpen247RunsFromMidnight() throws {
        let records = try records(twoServices)
        let weekly = try #require(records["test-helpline"]?["schedules"] as? [[String: Any]])
        #expect(weekly.map { $0["closes_at"] as? String } == ["17:00", "23:59"])
        #expect(weekly.last?["description"] as? String == "Open 10:00 to 24:00, local time.", "the words keep what the service says")
        let allDay = try #require(records["web-only"]?["schedules"] as? [[String: Any]])
        #expect(allDay.count == 1)
        #expect(allDay.first?["opens_at"] as? String == "00:00" && allDay.first?["closes_at"] as? String == "23:59")
        #expect(allDay.first?["byday"] as? String == "MO,TU,WE,TH,FR,SA,SU")
    }

    @Test func everyServiceIsReachedAtOneVirtualLocation() throws {
        let records = try records(twoServices)
        for (id, url, description) in [("test-helpline", "https://www.example.org/help/", "Reached by phone, online and by email."),
                                       ("web-only", "https://www.example.org/help/", "Reached online.")] {
            let places = try #require(records[id]?["service_at_locations"] as? [[String: Any]])
            #expect(places.count == 1)
            let place = try #require(places.first)
            let location = try #require(place["location"] as? [String: Any])
            #expect(location["location_type"] as? String == "virtual")
            #expect(location["url"] as? String == url)
            #expect(location["description"] as? String == description)
            #expect(location["id"] as? String == place["location_id"] as? String)
            #expect(place["service_id"] as? String == records[id]?["id"] as? String)
            #expect(location["organization_id"] as? String == records[id]?["organization_id"] as? String)
        }
    }

    @Test func theOneFileHSDSExportKeepsItsFirstShape() throws {
        let data = ServiceAPI.hsdsJSON(try twoServices, config: F.config, pageURL: F.pageURL)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let services = try #require(root["services"] as? [[String: Any]])
        for service in services {
            #expect(service["organization_id"] == nil && service["last_modified"] == nil && service["service_at_locations"] == nil)
        }
        let helpline = try #require(services.first { $0["x-trillium-id"] as? String == "test-helpline" })
        #expect((helpline["phones"] as? [[String: Any]])?.first?["number"] as? String == "1-833-900-1010")
        #expect((helpline["schedules"] as? [[String: Any]])?.last?["closes_at"] as? String == "24:00")
        let allDay = try #require(services.first { $0["x-trillium-id"] as? String == "web-only" })
        #expect((allDay["schedules"] as? [[String: Any]])?.first?["opens_at"] == nil)
    }

    @Test func publishedPathsListEveryPageSoLinksToThemCanBeChecked() {
        let paths = ServiceAPI.publishedPaths(services: 51)
        #expect(paths.contains("api/v1/hsds/services/3.json") && !paths.contains("api/v1/hsds/services/4.json"))
        #expect(paths.contains(ServiceAPI.openAPIPath) && paths.contains(ServiceAPI.hsdsPath))
        #expect(ServiceAPI.publishedPaths(services: 0).filter { $0.hasPrefix(ServiceAPI.hsdsPagesFolder) } == [ServiceAPI.hsdsFirstPagePath])
    }

    // MARK: OpenAPI

    var openAPI: [String: Any] {
        get throws {
            let data = ServiceAPI.openAPIJSON(config: F.config, embedPages: Localized(en: "/en/embed/services/", fr: "/fr/embed/services/"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryPartnerURL() throws {
        let document = try openAPI
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["servers"] as? [[String: Any]])?.first?["url"] as? String == "https://example.org/trafficking")
        let paths = Set(try #require(document["paths"] as? [String: Any]).keys)
        #expect(paths == ["/api/v1/services.json", "/api/v1/services.schema.json", "/api/v1/hsds/services.json",
                          "/api/v1/hsds/services/{page}.json", "/api/v1/openapi.json", "/embed.js",
                          "/en/embed/services/", "/fr/embed/services/",
                          "/api/v1/lists/{language}/all/{page}.json", "/api/v1/lists/{language}/region/{region}/{page}.json",
                          "/api/v1/lists/{language}/category/{category}/{page}.json",
                          "/api/v1/lists/{language}/region/{region}/category/{category}/{page}.json",
                          "/api/v1/lists/{language}/audience/{audience}/{page}.json", "/api/v1/lists/facets/{block}.json"])
    }

    @Test func everyReferenceInTheOpenAPIDocumentLeadsToAComponent() throws {
        let document = try openAPI
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let target = object["$ref"] as? String { references.append(target) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] { array.forEach(collect) }
        }
        collect(document)
        #expect(references.count > 20)
        let broken = references.filter { !$0.hasPrefix("#/components/schemas/") || schemas[String($0.dropFirst("#/components/schemas/".count))] == nil }
        #expect(broken.isEmpty, "\(Set(broken))")
        #expect(schemas["v1.service"] != nil && schemas["hsds.ServicePage"] != nil)
    }

    @Test func theOpenAPIHSDSServiceSchemaNamesEveryFieldAPageRecordHas() throws {
        let schemas = try #require((try openAPI["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let declared = Set(try #require((schemas["hsds.Service"] as? [String: Any])?["properties"] as? [String: Any]).keys)
        for (id, record) in try records(twoServices) {
            let undeclared = Set(record.keys).subtracting(declared)
            #expect(undeclared.isEmpty, "\(id): \(undeclared.sorted())")
        }
    }
}
