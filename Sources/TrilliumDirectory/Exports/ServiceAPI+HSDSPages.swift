import Foundation
import TrilliumModel
import TrilliumSource

extension ServiceAPI {
    /// Services per file of the HSDS `/services` pages. Fixed, so a page's URL keeps its meaning
    /// from one build to the next (services are sorted by id; new ones shift later pages).
    public static let hsdsPageSize = 25
    /// Folder of the HSDS `/services` pages: `1.json`, `2.json`, …
    public static let hsdsPagesFolder = "api/v1/hsds/services/"
    /// The stable first page: an HSDS consumer starts here and follows `x-trillium-links.next`.
    public static let hsdsFirstPagePath = hsdsPagePath(1)

    /// Site path of page `number` (1-based) of the HSDS `/services` pages.
    public static func hsdsPagePath(_ number: Int) -> String { "\(hsdsPagesFolder)\(number).json" }

    /// How many pages `count` services make: at least one, so the first page always exists.
    public static func hsdsPageCount(services count: Int, pageSize: Int = hsdsPageSize) -> Int {
        max(1, (count + pageSize - 1) / max(1, pageSize))
    }

    /// Every partner file a directory of `count` services publishes, below the base URL.
    public static func publishedPaths(services count: Int) -> [String] {
        paths + [openAPIPath] + (1...hsdsPageCount(services: count)).map(hsdsPagePath)
    }

    /// `api/v1/hsds/services/N.json`: the directory as the HSDS 3.0 API reference returns `GET /services`,
    /// one file per page of `pageSize` services.
    ///
    /// Each file is an HSDS page object (`total_items`, `total_pages`, `page_number`, `size` — the number
    /// of services on this page, as HSDS defines it —, `first_page`, `last_page`, `empty`, `contents`) with
    /// one extension, `x-trillium-links` (`self`, `first`, `last`, and `previous`/`next` when they exist),
    /// since a static file cannot answer `?page=N`. Each service is a fully nested HSDS service (see `HSDSForm.page`).
    public static func hsdsPages(_ directory: ServiceDirectory, config: SiteConfig, pageSize: Int = hsdsPageSize,
                                 pageURL: (Service, Language) -> String) -> [OutputFile] {
        (1...hsdsPageCount(services: directory.services.count, pageSize: pageSize)).map {
            hsdsPage($0, directory, config: config, pageSize: pageSize, pageURL: pageURL)
        }
    }

    /// Page `number` (from 1) of the HSDS `/services` pages: each page is made on its own, so the
    /// pages of a large directory can be made on several threads and never all held at once.
    public static func hsdsPage(_ number: Int, _ directory: ServiceDirectory, config: SiteConfig, pageSize: Int = hsdsPageSize,
                                pageURL: (Service, Language) -> String) -> OutputFile {
        let all = directory.services
        let size = max(1, pageSize)
        let pageCount = hsdsPageCount(services: all.count, pageSize: size)
        func url(_ number: Int) -> String { config.absoluteURL(hsdsPagePath(number)) }
        let start = min(all.count, (number - 1) * size)
        let contents = all[start..<min(all.count, start + size)].map {
            HSDSService($0, form: .page, taxonomy: directory.taxonomy, localTime: config.localTime[.en], pageURL: pageURL)
        }
        let page = HSDSPage(
            totalItems: all.count, totalPages: pageCount, pageNumber: number, size: contents.count,
            firstPage: number == 1, lastPage: number == pageCount, empty: contents.isEmpty, contents: contents,
            links: HSDSPageLinks(current: url(number), first: url(1), last: url(pageCount),
                                 previous: number > 1 ? url(number - 1) : nil,
                                 next: number < pageCount ? url(number + 1) : nil))
        return OutputFile(path: hsdsPagePath(number), data: Data(recordBytes(page.write)))
    }
}

// MARK: - Page shapes

extension ServiceAPI {
    struct HSDSPage: Encodable {
        var totalItems: Int
        var totalPages: Int
        var pageNumber: Int
        var size: Int
        var firstPage: Bool
        var lastPage: Bool
        var empty: Bool
        var contents: [HSDSService]
        var links: HSDSPageLinks

        enum CodingKeys: String, CodingKey {
            case size, empty, contents
            case totalItems = "total_items"
            case totalPages = "total_pages"
            case pageNumber = "page_number"
            case firstPage = "first_page"
            case lastPage = "last_page"
            case links = "x-trillium-links"
        }
    }

    /// Absolute URLs of the pages around this one.
    struct HSDSPageLinks: Encodable {
        var current: String
        var first: String
        var last: String
        var previous: String?
        var next: String?

        enum CodingKeys: String, CodingKey {
            case first, last, previous, next
            case current = "self"
        }
    }

    /// HSDS `service_at_location`: where a service is delivered.
    struct HSDSServiceAtLocation: Encodable {
        var id: String
        var serviceID: String
        var locationID: String
        var location: HSDSLocation

        enum CodingKeys: String, CodingKey {
            case id, location
            case serviceID = "service_id"
            case locationID = "location_id"
        }

        /// The directory records no street address: every service is reached by phone, online or by email,
        /// which HSDS models as one `virtual` location (its `url` is the website, or else the chat page).
        static func virtual(_ service: Service, organizationID: String) -> HSDSServiceAtLocation {
            let serviceID = NameBasedUUID.make("service/\(service.id)")
            let locationID = NameBasedUUID.make("location/\(service.id)/virtual")
            var ways: [String] = []
            if !service.phones.isEmpty { ways.append("by phone") }
            if service.website != nil || service.chat != nil { ways.append("online") }
            if service.email != nil { ways.append("by email") }
            let reached = ways.isEmpty ? "Reached remotely." : "Reached \(ListFormatting.and(ways))."
            return HSDSServiceAtLocation(
                id: NameBasedUUID.make("service-at-location/\(service.id)/virtual"), serviceID: serviceID, locationID: locationID,
                location: HSDSLocation(id: locationID, locationType: "virtual", url: service.website ?? service.chat,
                                       organizationID: organizationID, name: service.name[.en], description: reached))
        }
    }

    /// HSDS `location` of type `virtual`.
    struct HSDSLocation: Encodable {
        var id: String
        var locationType: String
        var url: String?
        var organizationID: String
        var name: String
        var description: String

        enum CodingKeys: String, CodingKey {
            case id, url, name, description
            case locationType = "location_type"
            case organizationID = "organization_id"
        }
    }
}

/// English lists for generated sentences: "a", "a and b", "a, b and c".
enum ListFormatting {
    static func and(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
