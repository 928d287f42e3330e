import Foundation
import TrilliumModel
import TrilliumSource

extension ServiceAPI {
    /// Version of Open Referral's Human Services Data Specification the HSDS export follows.
    public static let hsdsVersion = "3.0"

    /// `api/v1/hsds/services.json`: the directory shaped as HSDS 3.0 service records, for partners' directories.
    ///
    /// English is the primary text; French goes in the extension field `x-trillium-fr`.
    ///
    /// Mapping (HSDS 3.0 `service` and the objects it embeds; required fields marked *):
    /// - service: `id`* (UUID v5 of the directory id), `name`*, `status`* (always `active`), `description`
    ///   (English Markdown), `url` (the service's own website, when it has one), `email`, `assured_date`
    ///   (= `last_verified`), `fees_description` (from `cost`), `interpretation_services` (labels of
    ///   language terms that are not language codes, e.g. `interpretation`).
    /// - organization: `id`*, `name`*, `description`*. `website` is left out: the data records a website per
    ///   service, not per organization, and an organization's address is not guessed.
    /// - phones: `id`*, `number`* (display form), `type` (`voice`, `text`, or `textphone` for TTY, from RFC 6350's
    ///   list), `description` (the English label), `languages`.
    /// - languages: `id`*, `name`, `code` — only language-code terms (2–3 letters), since HSDS lists spoken
    ///   languages and keeps interpretation apart.
    /// - service_areas: `id`*, `name`, `description` (the places the region covers) per region. `extent`/`extent_type` are left out: HSDS
    ///   defines `extent_type` as the format of `extent` (geojson, topojson, kml, text), and regions have no polygon.
    /// - schedules: `id`*, `freq` `WEEKLY`, `byday`, `opens_at`, `closes_at` per weekly line; a description-only
    ///   schedule for 24/7 services or hours given only as a note. No `timezone` (HSDS wants a fixed UTC offset,
    ///   which changes twice a year where clocks change); the description names site.yaml's `localTime`.
    /// - extensions: `x-trillium-id` (the directory id), `x-trillium-fr` (`name`, `description` in French),
    ///   `x-trillium-urls` (this site's page per language).
    public static func hsdsJSON(_ directory: ServiceDirectory, config: SiteConfig,
                                pageURL: (Service, Language) -> String) -> Data {
        let services = directory.services
        return hsdsJSON(directory) { index in
            recordBytes(HSDSService(services[index], form: .legacy, taxonomy: directory.taxonomy,
                                    localTime: config.localTime[.en], pageURL: pageURL).write)
        }
    }

    /// `api/v1/hsds/services.json` with each record given already encoded, in order (`HSDSService`, legacy form).
    package static func hsdsJSON(_ directory: ServiceDirectory, record: (Int) -> [UInt8]) -> Data {
        JSONWriter.data(["version": .string(hsdsVersion)], inserting: directory.services.count, as: "services", item: record)
    }

    /// The two shapes of HSDS service record the directory publishes.
    package enum HSDSForm {
        /// `hsds/services.json` as first published: kept byte for byte (the version policy only adds fields).
        case legacy
        /// The `/services` pages: `organization_id`, E.164 numbers, `last_modified`, a virtual location,
        /// and schedules with `opens_at`/`closes_at` even when open 24/7 (`23:59`, never `24:00`).
        case page
    }

    /// Whether a language term id is an ISO 639 code (`en`, `oj`, `ojs`) rather than a note such as `interpretation`.
    static func isLanguageCode(_ id: String) -> Bool {
        (2...3).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
}

// MARK: - HSDS shapes

extension ServiceAPI {
    struct HSDSOrganization: Encodable {
        var id: String
        var name: String
        var description: String
    }

    struct HSDSLanguage: Encodable {
        var id: String
        var name: String
        var code: String
    }

    struct HSDSPhone: Encodable {
        var id: String
        var number: String
        var type: String
        var description: String
        var languages: [HSDSLanguage]
    }

    struct HSDSServiceArea: Encodable {
        var id: String
        var name: String
        var description: String
        var trilliumID: String
        var french: HSDSFrenchName

        enum CodingKeys: String, CodingKey {
            case id, name, description
            case trilliumID = "x-trillium-id"
            case french = "x-trillium-fr"
        }
    }

    struct HSDSFrenchName: Encodable {
        var name: String
    }

    struct HSDSSchedule: Encodable {
        var id: String
        var freq: String?
        var byday: String?
        var opensAt: String?
        var closesAt: String?
        var description: String
        var notes: String?

        enum CodingKeys: String, CodingKey {
            case id, freq, byday, description, notes
            case opensAt = "opens_at"
            case closesAt = "closes_at"
        }
    }

    struct HSDSFrenchText: Encodable {
        var name: String
        var description: String
    }

    struct HSDSURLs: Encodable {
        var en: String
        var fr: String
    }

    package struct HSDSService: Encodable {
        var id: String
        var name: String
        var description: String
        var url: String?
        var email: String?
        var status: String
        var assuredDate: String
        var feesDescription: String?
        var interpretationServices: String?
        var organization: HSDSOrganization
        var phones: [HSDSPhone]
        var languages: [HSDSLanguage]
        var serviceAreas: [HSDSServiceArea]
        var schedules: [HSDSSchedule]
        /// Only in the page form: the organization's id, when the entry was last verified, where the service is reached.
        var organizationID: String?
        var lastModified: String?
        var serviceAtLocations: [HSDSServiceAtLocation]?
        var trilliumID: String
        var french: HSDSFrenchText
        var pages: HSDSURLs

        enum CodingKeys: String, CodingKey {
            case id, name, description, url, email, status, organization, phones, languages, schedules
            case assuredDate = "assured_date"
            case feesDescription = "fees_description"
            case interpretationServices = "interpretation_services"
            case serviceAreas = "service_areas"
            case organizationID = "organization_id"
            case lastModified = "last_modified"
            case serviceAtLocations = "service_at_locations"
            case trilliumID = "x-trillium-id"
            case french = "x-trillium-fr"
            case pages = "x-trillium-urls"
        }

        package init(_ service: Service, form: HSDSForm, taxonomy: Taxonomy, localTime: String, pageURL: (Service, Language) -> String) {
            func uuid(_ parts: String...) -> String { NameBasedUUID.make(parts.joined(separator: "/")) }
            let key = service.id
            id = uuid("service", key)
            name = service.name[.en]
            description = service.description[.en]
            url = service.website
            email = service.email
            status = "active"
            assuredDate = service.lastVerified.description
            feesDescription = switch service.cost {
            case .free: "Free."
            case .lowCost: "Low cost."
            case .varies: "Cost varies; ask the service."
            case nil: nil
            }
            let interpretation = service.languages.filter { !ServiceAPI.isLanguageCode($0) }
            interpretationServices = interpretation.isEmpty ? nil
                : interpretation.map { taxonomy.label($0, in: .languages, language: .en) }.joined(separator: "; ")
            organization = HSDSOrganization(id: uuid("organization", service.organization.id),
                                            name: service.organization.name[.en],
                                            description: service.organization.description[.en])
            let codes = service.languages.filter(ServiceAPI.isLanguageCode)
            func languageRecords(_ scope: String) -> [HSDSLanguage] {
                codes.map { HSDSLanguage(id: uuid("language", scope, $0), name: taxonomy.label($0, in: .languages, language: .en), code: $0) }
            }
            languages = languageRecords(key)
            phones = service.phones.enumerated().map { index, phone in
                HSDSPhone(id: uuid("phone", key, String(index)), number: form == .page ? phone.number.e164 : phone.number.normalized,
                          type: phone.kind == .tty ? "textphone" : phone.kind.rawValue,
                          description: phone.label[.en], languages: languageRecords("\(key)/phone/\(index)"))
            }
            serviceAreas = service.regions.map { region in
                let term = taxonomy.term(region, in: .regions)
                return HSDSServiceArea(id: uuid("service-area", key, region), name: term?.label[.en] ?? region,
                                       description: term?.covers?[.en] ?? term?.label[.en] ?? region, trilliumID: region,
                                       french: HSDSFrenchName(name: term?.label[.fr] ?? region))
            }
            schedules = Self.schedules(service.hours, key: key, localTime: localTime, form: form)
            if form == .page {
                organizationID = organization.id
                // HSDS asks for a date-time; the data records the day a person checked the entry, so the time is 00:00 UTC.
                lastModified = "\(service.lastVerified)T00:00:00Z"
                serviceAtLocations = [HSDSServiceAtLocation.virtual(service, organizationID: organization.id)]
            }
            trilliumID = key
            french = HSDSFrenchText(name: service.name[.fr], description: service.description[.fr])
            pages = HSDSURLs(en: pageURL(service, .en), fr: pageURL(service, .fr))
        }

        static func schedules(_ hours: ServiceHours, key: String, localTime: String, form: HSDSForm) -> [HSDSSchedule] {
            let note = hours.note?[.en]
            let allDays = Weekday.allCases.map(\.iCalendarCode).joined(separator: ",")
            // HSDS times are `HH:MM` within one day: the end of the day is 23:59, never 24:00.
            func closing(_ time: String) -> String { form == .page && time == "24:00" ? "23:59" : time }
            if hours.open24_7 {
                return [HSDSSchedule(id: NameBasedUUID.make("schedule/\(key)/24-7"), freq: "WEEKLY", byday: allDays,
                                     opensAt: form == .page ? "00:00" : nil, closesAt: form == .page ? "23:59" : nil,
                                     description: "Open 24 hours a day, 7 days a week.", notes: note)]
            }
            if hours.weekly.isEmpty {
                guard let note else { return [] }
                return [HSDSSchedule(id: NameBasedUUID.make("schedule/\(key)/note"), description: note)]
            }
            return hours.weekly.enumerated().map { index, line in
                HSDSSchedule(id: NameBasedUUID.make("schedule/\(key)/\(index)"), freq: "WEEKLY",
                             byday: line.days.map(\.iCalendarCode).joined(separator: ","),
                             opensAt: line.opens, closesAt: closing(line.closes),
                             description: "Open \(line.opens) to \(line.closes), \(localTime).", notes: note)
            }
        }
    }
}
