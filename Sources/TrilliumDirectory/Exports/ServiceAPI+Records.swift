import TrilliumModel

/// The per-service records written by hand: the same bytes as their `Encodable` conformances give
/// through `JSONBytesEncoder` (`JSONStreamRecordsTests` compares them), about five times faster,
/// which matters at tens of thousands of services. Keys are written in `JSONWriter`'s sorted
/// order; optionals that are `nil` are left out.
extension ServiceAPI {
    /// Compact bytes of a record.
    package static func recordBytes(_ write: (inout JSONStream) -> Void) -> [UInt8] {
        var json = JSONStream()
        write(&json)
        return json.bytes
    }
}

extension ServiceAPI.TextDocument {
    func write(_ name: StaticString, to json: inout JSONStream) {
        json.object(name) {
            $0.member("en", en)
            $0.member("fr", fr)
        }
    }
}

extension ServiceAPI.ServiceDocument {
    package func write(to json: inout JSONStream) {
        json.beginObject()
        json.member("audiences", audiences)
        json.member("categories", categories)
        json.member("chat", ifPresent: chat)
        json.key("confidential")
        json.bool(confidential)
        json.member("cost", cost)
        description.write("description", to: &json)
        descriptionHTML.write("description_html", to: &json)
        json.member("email", ifPresent: email)
        json.object("hours") { json in
            hours.note?.write("note", to: &json)
            json.key("open_24_7")
            json.bool(hours.open247)
            if let weekly = hours.weekly {
                json.array("weekly", weekly) { json, line in
                    json.beginObject()
                    json.member("closes", line.closes)
                    json.member("days", line.days)
                    json.member("opens", line.opens)
                    json.endObject()
                }
            }
        }
        json.member("id", id)
        json.key("indigenous_led")
        json.bool(indigenousLed)
        json.member("languages", languages)
        json.member("last_verified", lastVerified)
        name.write("name", to: &json)
        json.object("organization") { json in
            organization.description.write("description", to: &json)
            json.member("id", organization.id)
            organization.name.write("name", to: &json)
        }
        json.array("phones", phones) { json, phone in
            json.beginObject()
            json.member("display", phone.display)
            json.member("kind", phone.kind)
            phone.label.write("label", to: &json)
            json.member("number", phone.number)
            json.member("tel", phone.tel)
            json.endObject()
        }
        json.member("regions", regions)
        json.member("source", source)
        json.member("source_date", ifPresent: sourceDate)
        json.member("source_title", ifPresent: sourceTitle)
        summary.write("summary", to: &json)
        urls.write("urls", to: &json)
        json.member("website", ifPresent: website)
        json.endObject()
    }
}

extension ServiceAPI.HSDSService {
    package func write(to json: inout JSONStream) {
        func languageRecords(_ json: inout JSONStream, _ records: [ServiceAPI.HSDSLanguage]) {
            json.array("languages", records) { json, language in
                json.beginObject()
                json.member("code", language.code)
                json.member("id", language.id)
                json.member("name", language.name)
                json.endObject()
            }
        }
        json.beginObject()
        json.member("assured_date", assuredDate)
        json.member("description", description)
        json.member("email", ifPresent: email)
        json.member("fees_description", ifPresent: feesDescription)
        json.member("id", id)
        json.member("interpretation_services", ifPresent: interpretationServices)
        languageRecords(&json, languages)
        json.member("last_modified", ifPresent: lastModified)
        json.member("name", name)
        json.object("organization") { json in
            json.member("description", organization.description)
            json.member("id", organization.id)
            json.member("name", organization.name)
        }
        json.member("organization_id", ifPresent: organizationID)
        json.array("phones", phones) { json, phone in
            json.beginObject()
            json.member("description", phone.description)
            json.member("id", phone.id)
            languageRecords(&json, phone.languages)
            json.member("number", phone.number)
            json.member("type", phone.type)
            json.endObject()
        }
        json.array("schedules", schedules) { json, schedule in
            json.beginObject()
            json.member("byday", ifPresent: schedule.byday)
            json.member("closes_at", ifPresent: schedule.closesAt)
            json.member("description", schedule.description)
            json.member("freq", ifPresent: schedule.freq)
            json.member("id", schedule.id)
            json.member("notes", ifPresent: schedule.notes)
            json.member("opens_at", ifPresent: schedule.opensAt)
            json.endObject()
        }
        json.array("service_areas", serviceAreas) { json, area in
            json.beginObject()
            json.member("description", area.description)
            json.member("id", area.id)
            json.member("name", area.name)
            json.object("x-trillium-fr") { $0.member("name", area.french.name) }
            json.member("x-trillium-id", area.trilliumID)
            json.endObject()
        }
        if let serviceAtLocations {
            json.array("service_at_locations", serviceAtLocations) { json, place in
                json.beginObject()
                json.member("id", place.id)
                json.object("location") { json in
                    json.member("description", place.location.description)
                    json.member("id", place.location.id)
                    json.member("location_type", place.location.locationType)
                    json.member("name", place.location.name)
                    json.member("organization_id", place.location.organizationID)
                    json.member("url", ifPresent: place.location.url)
                }
                json.member("location_id", place.locationID)
                json.member("service_id", place.serviceID)
                json.endObject()
            }
        }
        json.member("status", status)
        json.member("url", ifPresent: url)
        json.object("x-trillium-fr") { json in
            json.member("description", french.description)
            json.member("name", french.name)
        }
        json.member("x-trillium-id", trilliumID)
        json.object("x-trillium-urls") { json in
            json.member("en", pages.en)
            json.member("fr", pages.fr)
        }
        json.endObject()
    }
}

extension ServiceAPI.HSDSPage {
    func write(to json: inout JSONStream) {
        json.beginObject()
        json.key("contents")
        json.beginArray()
        for service in contents { service.write(to: &json) }
        json.endArray()
        json.key("empty")
        json.bool(empty)
        json.key("first_page")
        json.bool(firstPage)
        json.key("last_page")
        json.bool(lastPage)
        json.key("page_number")
        json.int(pageNumber)
        json.key("size")
        json.int(size)
        json.key("total_items")
        json.int(totalItems)
        json.key("total_pages")
        json.int(totalPages)
        json.object("x-trillium-links") { json in
            json.member("first", links.first)
            json.member("last", links.last)
            json.member("next", ifPresent: links.next)
            json.member("previous", ifPresent: links.previous)
            json.member("self", links.current)
        }
        json.endObject()
    }
}
