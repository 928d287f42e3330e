import Foundation
import TrilliumModel

/// The widget's data: the directory split along its filters, one language per file, in pages.
///
/// `api/v1/lists/<lang>/<list>/<page>.json`, where `<list>` is `all`, `region/<id>`,
/// `category/<id>`, `region/<id>/category/<id>` or `audience/<id>` (`ServiceListing.filters`), and
/// pages count from 1. Each page is an object with the HSDS paging fields (`total_items`,
/// `total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`), `links` and
/// `services`: small records of what a list shows (`listRecord`). Page 1 of every list exists, even
/// when the list is empty, so a partner's widget never meets a missing file while the directory changes.
///
/// `api/v1/lists/facets/<block>.json` holds, for `facetBlockSize` services at a time (in id order, the
/// order of `services.json` and of the site search's service documents), the terms and flags each
/// service can be filtered by, for the directory's search.
extension ServiceAPI {
    /// Folder of the lists: `api/v1/lists/`.
    public static let listsFolder = "api/v1/lists/"
    /// Services per page of a list's data. A widget that shows a few services reads one page.
    public static let listPageSize = 50
    /// Services per facets block.
    public static let facetBlockSize = 1_000

    /// Site path of facets block `block` (from 1).
    public static func facetsPath(_ block: Int) -> String { listsFolder + "facets/\(block).json" }

    /// How many facets blocks `count` services take: at least one.
    public static func facetBlockCount(services count: Int) -> Int {
        max(1, (count + facetBlockSize - 1) / facetBlockSize)
    }

    /// One service as a list holds it, in one language: what the widget and the directory's cards
    /// show, and the terms a list does not already choose by (audiences, languages, flags).
    /// Booleans and `cost` as in `services.json` v1.
    public static func listRecord(_ service: Service, language: Language, pageURL: String) -> JSONValue {
        // A yes/no fact or a cost the source does not state is left out, never written as false.
        var record: [String: JSONValue] = [
            "id": .string(service.id),
            "name": .string(service.name[language]),
            "summary": .string(service.summary[language]),
            "url": .string(pageURL),
            "phones": .array(service.phones.map { phone in
                ["number": .string(phone.number.written), "tel": .string(phone.number.e164), "kind": .string(phone.kind.rawValue),
                 "label": .string(phone.label[language])]
            }),
            "open_24_7": .bool(service.hours.open24_7),
            "audiences": .array(service.audiences.map(JSONValue.string)),
            "languages": .array(service.languages.map(JSONValue.string)),
        ]
        if let value = service.indigenousLed { record["indigenous_led"] = .bool(value) }
        if let value = service.confidential { record["confidential"] = .bool(value) }
        if let value = service.cost { record["cost"] = .string(value.rawValue) }
        return .object(record)
    }

    /// Absolute URLs around one page of a list.
    public struct ListPageLinks {
        /// Page `n` of this list's data.
        public var page: (Int) -> String
        /// The same list on the site, in the page's language (usable without JavaScript).
        public var html: String
        /// The same list made for an `<iframe>`.
        public var embed: String

        public init(page: @escaping (Int) -> String, html: String, embed: String) {
            self.page = page
            self.html = html
            self.embed = embed
        }
    }

    /// Page `page` (from 1) of the data of the list of `filter`, whose records (`listRecord`) are
    /// given already encoded.
    public static func listPage(_ filter: ServiceFilter, language: Language, page: Int, total: Int, everywhereRegion: String?,
                                links: ListPageLinks, records: [[UInt8]]) -> Data {
        let pageCount = max(1, (total + listPageSize - 1) / listPageSize)
        var linkValues: [String: JSONValue] = [
            "self": .string(links.page(page)), "first": .string(links.page(1)), "last": .string(links.page(pageCount)),
            "html": .string(links.html), "embed": .string(links.embed),
        ]
        if page > 1 { linkValues["previous"] = .string(links.page(page - 1)) }
        if page < pageCount { linkValues["next"] = .string(links.page(page + 1)) }
        var members: [String: JSONValue] = [
            "version": .string(version),
            "language": .string(language.rawValue),
            "filter": .object(Dictionary(uniqueKeysWithValues: filter.terms.map { (String($0.facet.singular), JSONValue.string($0.id)) })),
            "total_items": .int(total), "total_pages": .int(pageCount), "page_number": .int(page), "size": .int(records.count),
            "first_page": .bool(page == 1), "last_page": .bool(page >= pageCount), "empty": .bool(total == 0),
            "links": .object(linkValues),
        ]
        if let everywhereRegion { members["everywhere_region"] = .string(everywhereRegion) }
        return JSONWriter.data(members, inserting: records.count, as: "services") { records[$0] }
    }

    /// Facets block `block` (from 1): for each of its services, in id order, the regions it is
    /// listed under (a service of the everywhere region under every region), its categories,
    /// audiences and languages as bit sets over the taxonomy's terms, and its flags.
    ///
    /// Each entry is `"<regions>.<categories>.<audiences>.<languages>.<flags>"`, each part a hexadecimal
    /// number whose bit `i` stands for term `i` of `terms` (flag `i` of `flags`).
    public static func facetsBlock(_ block: Int, directory: ServiceDirectory) -> Data {
        let taxonomy = directory.taxonomy
        let start = min(directory.services.count, max(0, (block - 1) * facetBlockSize))
        let slice = directory.services[start..<min(directory.services.count, start + facetBlockSize)]
        let facets: [Taxonomy.Facet] = [.regions, .categories, .audiences, .languages]
        let indices = facets.map { facet in
            Dictionary(taxonomy.terms(facet).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let entries: [JSONValue] = slice.map { service in
            var parts = facets.enumerated().map { number, facet in
                let ids = facet == .regions ? taxonomy.listedRegions(of: service) : service.terms(facet)
                return hexBits(ids.compactMap { indices[number][$0] })
            }
            parts.append(hexBits([service.hours.open24_7 ? 0 : nil, service.indigenousLed == true ? 1 : nil].compactMap { $0 }))
            return .string(parts.joined(separator: "."))
        }
        let document: JSONValue = [
            "version": .string(version),
            "block": .int(block),
            "block_size": .int(facetBlockSize),
            "offset": .int(start),
            "size": .int(entries.count),
            "total_items": .int(directory.services.count),
            "terms": .object(Dictionary(uniqueKeysWithValues: facets.map { facet in
                (facet.rawValue, JSONValue.array(taxonomy.terms(facet).map { .string($0.id) }))
            })),
            "flags": ["open_24_7", "indigenous_led"],
            "services": .array(entries),
        ]
        return JSONWriter.data(document)
    }

    /// `bits` as a hexadecimal number (bit 0 is the lowest), `0` for none.
    static func hexBits(_ bits: [Int]) -> String {
        guard let highest = bits.max() else { return "0" }
        var nibbles = Array(repeating: 0, count: highest / 4 + 1)
        for bit in bits { nibbles[bit / 4] |= 1 << (bit % 4) }
        let digits = Array("0123456789abcdef")
        return String(nibbles.reversed().map { digits[$0] })
    }
}
