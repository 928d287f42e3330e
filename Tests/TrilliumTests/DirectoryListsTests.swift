import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumDirectory
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline

/// The directory at any size: lists without JavaScript that reach every service, and the widget's
/// and embeddable page's lists that hold exactly what their filter asks for.
@Suite("Directory lists")
struct DirectoryListsTests {
    static let size = 300

    /// One built site with `size` services, shared by the tests that only read its output.
    nonisolated(unsafe) static let built: (site: FixtureSite, entries: [DirectoryFixture.Entry])? = {
        let site = FixtureSite()
        let entries = DirectoryFixture.write(size, into: site)
        guard case .success = site.build() else { return nil }
        return (site, entries)
    }()

    static func site() throws -> FixtureSite { try #require(built).site }

    /// Paths of the site every `<a href>` of `html` leads to (absolute URLs of this site included).
    static func links(_ html: String) -> [String] {
        HTMLScan.tags(html).filter { $0.hasPrefix("<a ") }.compactMap { HTMLScan.attribute("href", of: $0) }.map {
            $0.hasPrefix("https://example.org/") ? String($0.dropFirst("https://example.org".count)) : $0
        }
    }

    static func file(_ path: String) -> String {
        path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
    }

    /// The services a filter holds, by the rules of the site: a service of the everywhere region
    /// under every region.
    static func expected(_ filter: ServiceFilter, _ entries: [DirectoryFixture.Entry]) -> [String] {
        entries.filter { entry in
            (filter.region.map { entry.regions.contains($0) || entry.regions.contains(DirectoryFixture.everywhere) } ?? true)
                && (filter.category.map { entry.categories.contains($0) } ?? true)
                && (filter.audience.map { entry.audiences.contains($0) } ?? true)
        }.map(\.id).sorted()
    }

    static var filters: [ServiceFilter] {
        var filters: [ServiceFilter] = [.all]
        filters += DirectoryFixture.categories.map { ServiceFilter(category: $0) }
        filters += DirectoryFixture.regions.map { ServiceFilter(region: $0) }
        filters += DirectoryFixture.audiences.map { ServiceFilter(audience: $0) }
        for region in DirectoryFixture.regions {
            filters += DirectoryFixture.categories.map { ServiceFilter(region: region, category: $0) }
        }
        return filters
    }

    @Test(arguments: Language.allCases)
    func everyServiceIsReachedWithoutJavaScriptByFollowingLinksFromTheDirectorysFirstPage(_ language: Language) throws {
        let site = try Self.site()
        let directory = "/\(language.rawValue)/services/"
        var queue = [directory], seen: Set<String> = [directory]
        var reached: Set<String> = []
        while let path = queue.popLast() {
            let html = site.page(Self.file(path))
            for link in Self.links(html) where link.hasPrefix(directory) && !seen.contains(link) {
                seen.insert(link)
                let rest = link.dropFirst(directory.count).split(separator: "/")
                if rest.count == 1, rest[0].hasPrefix("service-") {
                    reached.insert(String(rest[0]))  // a service's page: where the walk ends
                } else {
                    queue.append(link)
                }
            }
        }
        let all = Set(try #require(Self.built).entries.map(\.id))
        #expect(reached == all, "not reached from \(directory): \(all.subtracting(reached).sorted().prefix(10))")
    }

    @Test func theFirstPageShowsTheFeaturedServicesAndTheListsNotEveryService() throws {
        let site = try Self.site()
        let html = site.page("en/services/index.html")
        #expect(HTMLScan.count("class=\"service-card\"", in: html) == ServicePagesRenderer.featuredCount)
        #expect(html.contains("href=\"/en/services/region/ontario/category/crisis-line/\""), "a link to the whole featured list")
        for link in ["/en/services/all/", "/en/services/category/legal/", "/en/services/region/north/", "/en/services/audience/youth/"] {
            #expect(html.contains("href=\"\(link)\""), "the first page links \(link)")
        }
        let french = site.page("fr/services/index.html")
        #expect(french.contains("href=\"/fr/services/tous/\"") && french.contains("href=\"/fr/services/public/youth/\""))
    }

    @Test func aRegionsListLinksItsCategoriesAndPagesSayWhereTheyAre() throws {
        let site = try Self.site()
        let north = site.page("en/services/region/north/index.html")
        #expect(north.contains("href=\"/en/services/region/north/category/legal/\""), "a region narrows by category")
        #expect(north.contains("href=\"/en/services/region/north/page/2/\" rel=\"next\""))
        let entries = try #require(Self.built).entries
        let count = Self.expected(ServiceFilter(region: "north"), entries).count
        let pages = (count + ServiceListing.pageSize - 1) / ServiceListing.pageSize
        let last = site.page("en/services/region/north/page/\(pages)/index.html")
        #expect(last.contains("(page \(pages) of \(pages))"), "the title says which page")
        #expect(!last.contains("rel=\"next\""))
        let legal = site.page("fr/services/categorie/legal/index.html")
        #expect(legal.contains("href=\"/fr/services/region/north/categorie/legal/\""), "a category narrows by region")
    }

    @Test func eachListOnTheSiteInTheEmbeddablePageAndInTheWidgetsDataHoldsExactlyItsFiltersServices() throws {
        let site = try Self.site()
        let entries = try #require(Self.built).entries
        let listing = try #require(try SiteLoader().load(site.options(), diagnostics: &Self.ignored)?.services?.listing)
        for filter in Self.filters {
            let expected = Self.expected(filter, entries)
            for language in Language.allCases {
                var data: [String] = [], embed: [String] = [], list: [String] = []
                let dataPages = listing.pageCount(filter, pageSize: ServiceAPI.listPageSize)
                for page in 1...dataPages {
                    let path = GeneratedPages.urlPath(.serviceData(filter, page: page), language)
                    let json = try JSONSerialization.jsonObject(with: Data(site.page(String(path.dropFirst())).utf8)) as? [String: Any]
                    let services = try #require(json?["services"] as? [[String: Any]], "\(path) has services")
                    data += services.compactMap { $0["id"] as? String }
                    #expect(json?["total_items"] as? Int == expected.count && json?["total_pages"] as? Int == dataPages, "\(path) counts")
                }
                for page in 1...listing.pageCount(filter) {
                    let embedPage = site.page(Self.file(GeneratedPages.urlPath(.embedServices(filter, page: page), language)))
                    embed += HTMLScan.attribute("data-service-id", inTagsContaining: "class=\"service-card\"", in: embedPage)
                    let listPage = site.page(Self.file(GeneratedPages.urlPath(.serviceList(filter, page: page), language)))
                    list += HTMLScan.attribute("data-service-id", inTagsContaining: "class=\"service-card\"", in: listPage)
                }
                #expect(data == expected, "the widget's data for \(filter) in \(language)")
                #expect(embed == expected, "the embeddable pages for \(filter) in \(language)")
                #expect(list == expected, "the site's list for \(filter) in \(language)")
            }
        }
    }

    nonisolated(unsafe) static var ignored = DiagnosticList()

    @Test func theWholeListsDataIsTheWholeServicesJSON() throws {
        let site = try Self.site()
        let all = try JSONSerialization.jsonObject(with: Data(site.page("api/v1/services.json").utf8)) as? [String: Any]
        let ids = (all?["services"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids == Self.expected(.all, try #require(Self.built).entries))
        let first = try JSONSerialization.jsonObject(with: Data(site.page("api/v1/lists/en/all/1.json").utf8)) as? [String: Any]
        #expect(first?["total_items"] as? Int == ids.count)
        let facets = try JSONSerialization.jsonObject(with: Data(site.page("api/v1/lists/facets/1.json").utf8)) as? [String: Any]
        #expect((facets?["services"] as? [String])?.count == ids.count, "one facets entry per service, in the same order")
    }

    @Test func cardsCopiedIntoAFrenchListGiveTheSameBytesAsTypesettingTheWholePage() throws {
        let site = try Self.site()
        var diagnostics = DiagnosticList()
        let loaded = try #require(SiteLoader().load(site.options(), diagnostics: &diagnostics))
        let services = try #require(loaded.services)
        let pages = ServicePagesRenderer(renderer: loaded.renderer, directory: services)
        let filter = ServiceFilter(region: "north")
        let spliced = pages.renderList(filter, page: 2, .fr).data
        var whole = pages.listPage(filter, page: 2, .fr)
        let raw = services.listing.positions(filter, page: 2).map { pages.renderCard(services.services[Int($0)], .fr) }
        whole.serviceList?.cardsHTML = String(decoding: raw.joined(), as: UTF8.self)
        let typesetWhole = Data(loaded.renderer.renderBytes(whole, template: "service-list", language: .fr))
        #expect(spliced == typesetWhole)
        #expect(String(decoding: spliced, as: UTF8.self).contains("téléphone\u{00A0}: appelez"), "the cards got their typography")
    }

    @Test func aServiceCannotTakeTheNameOfAList() throws {
        for id in ["all", "tous", "region", "categorie", "public"] {
            let (service, diagnostics) = ServiceFixtures.parse(ServiceFixtures.serviceYAML.replacingOccurrences(of: "id: test-helpline", with: "id: \(id)"),
                                                               file: "Content/services/\(id).yaml")
            #expect(service == nil && diagnostics.contains { $0.message.contains("is the name of a list of the directory") }, "\(id): \(diagnostics)")
        }
    }
}

@Suite("Directory lists: membership and addresses")
struct DirectoryListingTests {
    static func directory(_ entries: [DirectoryFixture.Entry]) throws -> ServiceDirectory {
        let taxonomy = try #require(ServiceFixtures.loader.parseTaxonomy(DirectoryFixture.taxonomyYAML, file: "taxonomy.yaml").0)
        let services = try entries.enumerated().map { index, entry in
            try #require(ServiceFixtures.loader.parseService(DirectoryFixture.serviceYAML(entry, number: index + 1),
                                                             file: "Content/services/\(entry.id).yaml", taxonomy: taxonomy).0)
        }
        return ServiceDirectory(taxonomy: taxonomy, services: services.reversed())
    }

    @Test func aServiceOfTheEverywhereRegionIsListedUnderEveryRegionAndWithEachOfItsCategories() throws {
        let entries = [
            DirectoryFixture.Entry(id: "b-local", regions: ["north"], categories: ["legal"], audiences: ["women"], open247: false),
            DirectoryFixture.Entry(id: "a-everywhere", regions: ["ontario"], categories: ["crisis-line", "legal"], audiences: ["everyone"], open247: true),
        ]
        let listing = try Self.directory(entries).listing
        #expect(listing.positions(.all) == [0, 1], "positions follow the ids")
        #expect(listing.positions(ServiceFilter(region: "north")) == [0, 1])
        #expect(listing.positions(ServiceFilter(region: "east")) == [0])
        #expect(listing.positions(ServiceFilter(region: "ontario")) == [0], "the everywhere region's own list")
        #expect(listing.positions(ServiceFilter(region: "west", category: "crisis-line")) == [0])
        #expect(listing.positions(ServiceFilter(region: "north", category: "legal")) == [0, 1])
        #expect(listing.positions(ServiceFilter(audience: "women")) == [1])
        #expect(listing.count(ServiceFilter(region: "east", category: "shelter")) == 0)
        #expect(listing.pageCount(ServiceFilter(region: "east", category: "shelter")) == 1, "an empty list still has its first page")
        #expect(!listing.contains(ServiceFilter(region: "nowhere")))
        #expect(!listing.contains(ServiceFilter(category: "legal", audience: "women")), "only the published combinations are lists")
    }

    /// Every list of `listing`, as text to compare.
    static func lists(_ listing: ServiceListing) -> [String] {
        listing.filters.map { "\($0): \(listing.positions($0))" }
    }

    /// The preview puts a service that came in the lists as they were, and takes one that went out
    /// of them: in any order, the lists are those made from scratch; and the directory's addresses
    /// that came or went are those a full count of them finds.
    @Test func servicesPutInAndTakenOutGiveTheListsMadeFromScratch() throws {
        let all = try Self.directory(DirectoryFixture.entries(120))
        var services = Array(all.services.prefix(60))
        var listing = ServiceListing(taxonomy: all.taxonomy, services: services)
        var waiting = Array(all.services.suffix(60))
        var random = LiveSiteTests.Seeded(state: 11)
        for step in 1...120 {
            let before = ServiceDirectory(taxonomy: all.taxonomy, services: services)
            if random.next() % 3 != 0, !waiting.isEmpty {
                let service = waiting.remove(at: Int(random.next() % UInt64(waiting.count)))
                let position = services.partitionPoint { $0.id < service.id }
                services.insert(service, at: position)
                listing.insert(service, at: position)
            } else if !services.isEmpty {
                let position = Int(random.next() % UInt64(services.count))
                listing.remove(services[position], at: position)
                waiting.append(services.remove(at: position))
            }
            #expect(Self.lists(listing) == Self.lists(ServiceListing(taxonomy: all.taxonomy, services: services)), "step \(step)")
            let after = ServiceDirectory(taxonomy: all.taxonomy, services: services)
            let change = try #require(GeneratedPages.directoryChange(from: before, to: after))
            let (was, now) = (GeneratedPages.directoryPaths(services: before), GeneratedPages.directoryPaths(services: after))
            #expect(change.wentPaths == was.subtracting(now), "step \(step)")
            #expect(change.camePaths == now.subtracting(was), "step \(step)")
        }
        // A new label keeps the lists; another region for everywhere does not.
        var relabeled = all.taxonomy
        relabeled.categories[0].label = Localized(en: "Lines", fr: "Lignes")
        #expect(all.listing.relabeled(relabeled).map(Self.lists) == Self.lists(all.listing))
        var moved = all.taxonomy
        moved.everywhereRegion = "north"
        #expect(all.listing.relabeled(moved) == nil)
    }

    @Test func pagesAreSlicesOfTheListInOrder() throws {
        let listing = try Self.directory(DirectoryFixture.entries(60)).listing
        #expect(listing.pageCount(.all) == 3)
        #expect(Array(listing.positions(.all, page: 3)) == Array(50..<60).map(Int32.init))
        #expect(listing.positions(.all, page: 4).isEmpty)
        #expect(listing.pageCount(.all, pageSize: 50) == 2)
    }

    @Test func facetsBlocksGiveEachServicesTermsAsBits() throws {
        let entries = [DirectoryFixture.Entry(id: "a", regions: ["ontario"], categories: ["legal"], audiences: ["youth"], open247: true),
                       DirectoryFixture.Entry(id: "b", regions: ["west"], categories: ["crisis-line", "shelter"], audiences: ["everyone"], open247: false)]
        let block = try JSONSerialization.jsonObject(with: ServiceAPI.facetsBlock(1, directory: try Self.directory(entries))) as? [String: Any]
        // Regions ontario north east west; categories crisis-line legal shelter youth-help;
        // audiences everyone women youth; languages en fr; flags open_24_7 indigenous_led.
        #expect(block?["services"] as? [String] == ["f.2.4.3.1", "8.5.1.3.0"])
        #expect(block?["offset"] as? Int == 0 && block?["block_size"] as? Int == ServiceAPI.facetBlockSize)
    }

    @Test func listAddressesAreStableAndFrenchPagesHaveFrenchSegments() {
        let pair = ServiceFilter(region: "north", category: "legal")
        #expect(GeneratedPages.urlPath(.serviceList(.all, page: 1), .en) == "/en/services/all/")
        #expect(GeneratedPages.urlPath(.serviceList(.all, page: 2), .fr) == "/fr/services/tous/page/2/")
        #expect(GeneratedPages.urlPath(.serviceList(pair, page: 3), .fr) == "/fr/services/region/north/categorie/legal/page/3/")
        #expect(GeneratedPages.urlPath(.serviceList(ServiceFilter(audience: "youth"), page: 1), .fr) == "/fr/services/public/youth/")
        #expect(GeneratedPages.urlPath(.embedServices(.all, page: 1), .en) == "/en/embed/services/")
        #expect(GeneratedPages.urlPath(.embedServices(pair, page: 2), .fr) == "/fr/embed/services/region/north/categorie/legal/page/2/")
        #expect(GeneratedPages.urlPath(.serviceData(pair, page: 1), .fr) == "/api/v1/lists/fr/region/north/category/legal/1.json")
        #expect(GeneratedPages.urlPath(.serviceData(.all, page: 2), .en) == "/api/v1/lists/en/all/2.json")
        #expect(GeneratedPages.urlPath(.serviceFacets(2), .fr) == "/api/v1/lists/facets/2.json")
    }

    @Test func everyFolderNameOfTheListsIsAnIdNoServiceMayTake() {
        var names: Set<String> = []
        for language in Language.allCases {
            for filter in [ServiceFilter.all, ServiceFilter(region: "r", category: "c"), ServiceFilter(audience: "a")] {
                // `/en/services/region/r/category/c/page/2/`: every part after `services` but the ids and the number.
                let parts = GeneratedPages.urlPath(.serviceList(filter, page: 2), language).split(separator: "/").dropFirst(2)
                names.formUnion(parts.map(String.init).filter { !["r", "c", "a", "2"].contains($0) })
            }
        }
        #expect(names.isSubset(of: ServiceDirectory.reservedIDs), "\(names.subtracting(ServiceDirectory.reservedIDs))")
        #expect(names.count == 8)
    }

    @Test func aFileWrittenPieceByPieceIsTheSameAsTheWholeValue() {
        let items: [JSONValue] = [["b": 1, "a": "x\"y"], [], ["é": .array([true, .null])]]
        let members: JSONValue = ["version": "1", "taxonomy": ["z": 2], "schema": "s"]
        guard case .object(var whole) = members else { return }
        whole["services"] = .array(items)
        let streamed = JSONWriter.data(["version": "1", "taxonomy": ["z": 2], "schema": "s"], inserting: items.count, as: "services") { JSONWriter.bytes(items[$0]) }
        #expect(streamed == JSONWriter.data(.object(whole)))
        #expect(JSONWriter.data([:], inserting: 0, as: "services") { _ in [] } == JSONWriter.data(["services": []]))
    }
}
