import Foundation
import TrilliumModel
import TrilliumSource

/// The help directory's public data files for partners and the embed widget.
///
/// Files under `api/v1/`: `services.json` (the directory in both languages), its JSON Schema
/// `services.schema.json`, `hsds/services.json` in the shape of Open Referral's HSDS 3.0 (one file),
/// `hsds/services/N.json` (HSDS `GET /services`, paged), and `openapi.json` describing them all.
/// Each is a pure function of the directory and settings, encoded with sorted keys and without
/// timestamps, so two builds of the same content give the same bytes.
public enum ServiceAPI {
    /// Version of the `services.json` format. Partners rely on it: change the major number on breaking changes.
    public static let version = "1.0.0"
    /// Site paths of the exports, relative to the base URL.
    public static let servicesPath = "api/v1/services.json"
    public static let schemaPath = "api/v1/services.schema.json"
    public static let hsdsPath = "api/v1/hsds/services.json"
    /// The files whose path does not depend on the number of services (see `publishedPaths` for all of them).
    public static let paths = [servicesPath, schemaPath, hsdsPath]

    /// `api/v1/services.json`.
    ///
    /// - Parameters:
    ///   - descriptionHTML: the rendered description of a service in a language.
    ///   - pageURL: the absolute URL of a service's page in a language.
    public static func servicesJSON(_ directory: ServiceDirectory, config: SiteConfig,
                                    descriptionHTML: (Service, Language) -> String,
                                    pageURL: (Service, Language) -> String) -> Data {
        let services = directory.services
        return servicesJSON(directory, config: config) { index in
            recordBytes(ServiceDocument(services[index], descriptionHTML: descriptionHTML, pageURL: pageURL).write)
        }
    }

    /// `api/v1/services.json` with each service given already encoded, in order (`ServiceDocument`).
    ///
    /// Written one service at a time: at 60,000 services the file is about 250 MB, and a value of
    /// the whole document would take several times that.
    package static func servicesJSON(_ directory: ServiceDirectory, config: SiteConfig, document: (Int) -> [UInt8]) -> Data {
        JSONWriter.data(["version": .string(version), "schema": .string(config.absoluteURL(schemaPath)),
                         "taxonomy": JSONValueEncoder.value(of: TaxonomyDocument(directory.taxonomy))],
                        inserting: directory.services.count, as: "services", item: document)
    }
}

// MARK: - The services.json shape (mirrored by `schemaJSON`)

extension ServiceAPI {
    /// `{"en": …, "fr": …}`.
    struct TextDocument: Encodable, Equatable {
        var en: String
        var fr: String

        init(_ text: Localized<String>) {
            en = text[.en]
            fr = text[.fr]
        }

        init(_ make: (Language) -> String) {
            en = make(.en)
            fr = make(.fr)
        }
    }

    struct TermDocument: Encodable {
        var id: String
        var label: TextDocument
    }

    struct TaxonomyDocument: Encodable {
        var categories: [TermDocument]
        var regions: [TermDocument]
        var audiences: [TermDocument]
        var languages: [TermDocument]

        init(_ taxonomy: Taxonomy) {
            func terms(_ facet: Taxonomy.Facet) -> [TermDocument] {
                taxonomy.terms(facet).map { TermDocument(id: $0.id, label: TextDocument($0.label)) }
            }
            categories = terms(.categories)
            regions = terms(.regions)
            audiences = terms(.audiences)
            languages = terms(.languages)
        }
    }

    struct OrganizationDocument: Encodable {
        var id: String
        var name: TextDocument
        var description: TextDocument
    }

    struct PhoneDocument: Encodable {
        /// One form for every number, `1-800-555-0199` or `211`.
        var number: String
        /// The number as the service writes it, `416-597-8808`.
        var display: String
        /// What a `tel:` link dials: `+18005550199` or `211`.
        var tel: String
        var kind: String
        var label: TextDocument
    }

    struct WeeklyDocument: Encodable {
        var days: [String]
        var opens: String
        var closes: String
    }

    struct HoursDocument: Encodable {
        var open247: Bool
        var weekly: [WeeklyDocument]?
        var note: TextDocument?

        enum CodingKeys: String, CodingKey {
            case open247 = "open_24_7"
            case weekly
            case note
        }
    }

    package struct ServiceDocument: Encodable {
        var id: String
        var name: TextDocument
        var summary: TextDocument
        var description: TextDocument
        var descriptionHTML: TextDocument
        var organization: OrganizationDocument
        var phones: [PhoneDocument]
        var website: String?
        var chat: String?
        var email: String?
        var hours: HoursDocument
        var regions: [String]
        var categories: [String]
        var audiences: [String]
        var languages: [String]
        var indigenousLed: Bool
        var cost: String
        var confidential: Bool
        var lastVerified: String
        var source: String
        var sourceTitle: String?
        var sourceDate: String?
        var urls: TextDocument

        enum CodingKeys: String, CodingKey {
            case id, name, summary, description, organization, phones, website, chat, email, hours
            case regions, categories, audiences, languages, cost, confidential, source, urls
            case sourceTitle = "source_title"
            case sourceDate = "source_date"
            case descriptionHTML = "description_html"
            case indigenousLed = "indigenous_led"
            case lastVerified = "last_verified"
        }

        package init(_ service: Service, descriptionHTML: (Service, Language) -> String, pageURL: (Service, Language) -> String) {
            id = service.id
            name = TextDocument(service.name)
            summary = TextDocument(service.summary)
            description = TextDocument(service.description)
            self.descriptionHTML = TextDocument { descriptionHTML(service, $0) }
            organization = OrganizationDocument(id: service.organization.id, name: TextDocument(service.organization.name),
                                                description: TextDocument(service.organization.description))
            phones = service.phones.map {
                PhoneDocument(number: $0.number.normalized, display: $0.number.written, tel: $0.number.e164, kind: $0.kind.rawValue, label: TextDocument($0.label))
            }
            website = service.website
            chat = service.chat
            email = service.email
            let weekly = service.hours.weekly.map { WeeklyDocument(days: $0.days.map(\.rawValue), opens: $0.opens, closes: $0.closes) }
            hours = HoursDocument(open247: service.hours.open24_7, weekly: weekly.isEmpty ? nil : weekly,
                                  note: service.hours.note.map(TextDocument.init))
            regions = service.regions
            categories = service.categories
            audiences = service.audiences
            languages = service.languages
            // v1 keeps booleans and a cost for every service; unstated facts are false / "varies" here.
            indigenousLed = service.indigenousLed ?? false
            cost = (service.cost ?? .varies).rawValue
            confidential = service.confidential ?? false
            lastVerified = service.lastVerified.description
            source = service.source.url
            sourceTitle = service.source.title
            sourceDate = service.source.date?.description
            urls = TextDocument { pageURL(service, $0) }
        }
    }
}
