import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumDirectory

/// `JSONBytesEncoder` must write exactly what `JSONWriter` writes for `JSONValueEncoder`'s value:
/// the partner files are published byte for byte, and the two paths must never drift apart.
@Suite("JSON bytes encoder")
struct JSONBytesEncoderTests {
    typealias F = ServiceFixtures

    func reference<T: Encodable>(_ value: T) -> String {
        String(decoding: JSONWriter.bytes(JSONValueEncoder.value(of: value)), as: UTF8.self)
    }

    func direct<T: Encodable>(_ value: T) -> String {
        String(decoding: JSONBytesEncoder.bytes(of: value), as: UTF8.self)
    }

    struct Leaf: Encodable {
        var text: String
        var number: Int
        var fraction: Double
        var flag: Bool
        var missing: String?
        var present: Int?
    }

    struct Tree: Encodable {
        var zebra: [Leaf]
        var alpha: Leaf
        var nested: [[String]]
        var map: [String: Int]
        var json: JSONValue
        var empty: [Int]
        var emptyMap: [String: String]
        var renamed: String

        enum CodingKeys: String, CodingKey {
            case zebra, alpha, nested, map, json, empty, emptyMap
            case renamed = "x-renamed"
        }
    }

    /// Hand-written coding that uses nested containers, `encodeNil`, a super encoder, a repeated key
    /// and single-value containers, which the synthesized code never does.
    struct HandWritten: Encodable {
        enum Key: String, CodingKey { case b, a, inner, list, nothing, repeated, base }
        struct Wrapped: Encodable {
            var value: String
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(value)
            }
        }
        struct Silent: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(Wrapped(value: "wrapped"), forKey: .b)
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: .inner)
            try inner.encode(2, forKey: .b)
            try inner.encode(1.5, forKey: .a)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("one")
            try list.encodeNil()
            try list.encode(Wrapped(value: "two"))
            try list.encode(Silent())
            var pair = list.nestedContainer(keyedBy: Key.self)
            try pair.encode(true, forKey: .a)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(3)
            try container.encodeNil(forKey: .nothing)
            try container.encode("first", forKey: .repeated)
            try container.encode("second", forKey: .repeated)
            try container.encode(false, forKey: .a)
            let base = container.superEncoder(forKey: .base)
            var baseValues = base.unkeyedContainer()
            try baseValues.encode(-42)
        }
    }

    @Test func shapesAreWrittenAsTheValueEncoderWritesThem() {
        let leaf = Leaf(text: "« Aide » \"quoted\" \\ back\nline\tTab \u{1} \u{2028} é", number: -1234567, fraction: 0.1,
                        flag: true, missing: nil, present: 0)
        let tree = Tree(zebra: [leaf, Leaf(text: "", number: 0, fraction: 3, flag: false, missing: "here", present: nil)],
                        alpha: leaf, nested: [[], ["a", "b"]], map: ["z": 1, "a": 2, "É": 3, "b-c": 4, "b": 5],
                        json: ["k": [1, "two", true, .null, .double(2.5)], "a": .object([:])], empty: [], emptyMap: [:],
                        renamed: "r")
        #expect(direct(tree) == reference(tree))
        #expect(direct(leaf) == reference(leaf))
        #expect(direct(HandWritten()) == reference(HandWritten()))
        #expect(direct(HandWritten()).contains("\"repeated\":\"second\""))
        #expect(direct([1, 2, 3]) == "[1,2,3]")
        #expect(direct("plain") == "\"plain\"")
        #expect(direct(Optional<Int>.none) == reference(Optional<Int>.none))
        #expect(direct(HandWritten.Silent()) == "null")
        #expect(direct(Double.infinity) == reference(Double.infinity))
        #expect(direct(Int.min) == reference(Int.min))
    }

    @Test func integersAreWrittenInDecimal() {
        var out: [UInt8] = []
        for number in [0, 7, -7, 10, 99, 100, -1000, 123456789, Int.max, Int.min] {
            out.removeAll()
            JSONWriter.appendInteger(number, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(number))
        }
    }

    /// Every service of the real directory, in both record shapes and both HSDS forms.
    @Test func theRealDirectorysRecordsAreTheSameBytes() throws {
        var found = DiagnosticList()
        let directory = try #require(ServiceLoader(today: Day.today()).load(from: SiteFileSystem(root: F.repositoryRoot), diagnostics: &found))
        #expect(directory.services.count > 30)
        for service in directory.services {
            let document = ServiceAPI.ServiceDocument(service, descriptionHTML: F.descriptionHTML, pageURL: F.pageURL)
            #expect(direct(document) == reference(document), "\(service.id)")
            for form in [ServiceAPI.HSDSForm.legacy, .page] {
                let record = ServiceAPI.HSDSService(service, form: form, taxonomy: directory.taxonomy, localTime: "Toronto time", pageURL: F.pageURL)
                #expect(direct(record) == reference(record), "\(service.id) \(form)")
            }
        }
        let page = ServiceAPI.hsdsPage(2, directory, config: F.config, pageSize: 10, pageURL: F.pageURL)
        let pageValue = try JSONDecoder().decode(JSONValue.self, from: page.data)
        #expect(JSONWriter.data(pageValue) == page.data, "a page is written in JSONWriter's canonical form")
    }

    func handWritten(_ write: (inout JSONStream) -> Void) -> String {
        String(decoding: ServiceAPI.recordBytes(write), as: UTF8.self)
    }

    /// The hand-written records (`ServiceAPI+Records`) against their `Encodable` shapes: every real
    /// service, and fixtures without the optional fields (no email, website, chat, source title or
    /// date, hours note, weekly hours or cost; open 24/7; no phones; interpretation only).
    @Test func handWrittenRecordsAreTheEncodableBytes() throws {
        var found = DiagnosticList()
        let real = try #require(ServiceLoader(today: Day.today()).load(from: SiteFileSystem(root: F.repositoryRoot), diagnostics: &found))
        var services = Array(real.services)
        let variants = [
            F.serviceYAML,
            F.service(removing: "email: help@example.org\n"),
            F.serviceYAML.replacingOccurrences(of: """
              open_24_7: false
              weekly:
                - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
                - { days: [sat], opens: "10:00", closes: "24:00" }
              note: { en: Closed on holidays., fr: Fermé les jours fériés. }
            """, with: "  open_24_7: true"),
            F.serviceYAML.replacingOccurrences(of: """
              weekly:
                - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
                - { days: [sat], opens: "10:00", closes: "24:00" }

            """, with: ""),
        ]
        for (index, text) in variants.enumerated() {
            let parsed = F.parse(text.replacingOccurrences(of: "id: test-helpline", with: "id: variant-\(index)"),
                                 file: "Content/services/variant-\(index).yaml")
            services.append(try #require(parsed.0, "\(parsed.1)"))
        }
        var bare = services[0]
        bare.website = nil
        bare.chat = nil
        bare.email = nil
        bare.cost = nil
        bare.phones = []
        bare.languages = ["interpretation"]
        bare.source.title = nil
        bare.source.date = nil
        bare.hours = ServiceHours(open24_7: false, weekly: [], note: nil)
        services.append(bare)
        for service in services {
            let document = ServiceAPI.ServiceDocument(service, descriptionHTML: F.descriptionHTML, pageURL: F.pageURL)
            #expect(handWritten(document.write) == direct(document), "\(service.id)")
            for form in [ServiceAPI.HSDSForm.legacy, .page] {
                let record = ServiceAPI.HSDSService(service, form: form, taxonomy: real.taxonomy, localTime: "Toronto time", pageURL: F.pageURL)
                #expect(handWritten(record.write) == direct(record), "\(service.id) \(form)")
            }
        }
        let directory = ServiceDirectory(taxonomy: real.taxonomy, services: services)
        let pages = ServiceAPI.hsdsPageCount(services: services.count, pageSize: 7)
        for number in [1, 2, pages, pages + 1] {
            let all = directory.services
            let start = min(all.count, (number - 1) * 7)
            let contents = all[start..<min(all.count, start + 7)].map {
                ServiceAPI.HSDSService($0, form: .page, taxonomy: real.taxonomy, localTime: "Toronto time", pageURL: F.pageURL)
            }
            let page = ServiceAPI.HSDSPage(totalItems: all.count, totalPages: pages, pageNumber: number, size: contents.count,
                                           firstPage: number == 1, lastPage: number == pages, empty: contents.isEmpty, contents: contents,
                                           links: .init(current: "s", first: "f", last: "l", previous: number > 1 ? "p" : nil,
                                                        next: number < pages ? "n" : nil))
            #expect(handWritten(page.write) == direct(page), "page \(number)")
        }
    }
}

@Suite("Placeholders")
struct PlaceholderFillingTests {
    @Test func fillingGivesWhatReplacingOccurrencesGives() {
        let texts = ["{n} services", "Page {page} of {pages}", "{page}{page}", "no placeholder", "", "{", "{n", "n}",
                     "« {category} » — {region} : {n} services", "{{n}}", "{n}{n}{n}", "é{n}é", "{pages} then {page}"]
        let placeholders = ["{n}", "{page}", "{pages}", "{category}", "{region}"]
        let values = ["", "12 345", "Région du Nord", "{n}", "1"]
        for text in texts {
            for placeholder in placeholders {
                for value in values {
                    #expect(text.filling(placeholder, with: value) == text.replacingOccurrences(of: placeholder, with: value),
                            "\(text) \(placeholder) \(value)")
                }
            }
        }
        #expect("{n} et {n}".filling("{n}", with: "3") == "3 et 3")
    }
}
