import Foundation
import TrilliumModel
import TrilliumSource

extension ServiceAPI {
    /// `api/v1/services.schema.json`: a JSON Schema (draft 2020-12) describing exactly what `servicesJSON` writes.
    ///
    /// Every object closes with `additionalProperties: false`, so a key added to the export without
    /// being added here fails the schema tests.
    public static func schemaJSON(config: SiteConfig) -> Data {
        DeterministicJSON.encode(schemaDocument(config: config), pretty: true)
    }

    static let idPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    static let httpsPattern = "^https://"
    /// One form for every number: `1-NXX-NXX-XXXX`, a three-digit short code, or a 5–6-digit text-message code.
    static let phoneNumberPattern = "^(1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4}|[0-9]{3}|[0-9]{5,6})$"
    /// Dialled form: E.164 `+1NXXNXXXXXX`, a three-digit short code, or a 5–6-digit text-message code.
    static let telPattern = "^(\\+1[2-9][0-9]{2}[2-9][0-9]{6}|[0-9]{3}|[0-9]{5,6})$"
    static let opensPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
    static let closesPattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"

    static func schemaDocument(config: SiteConfig) -> JSONValue {
        func object(_ properties: [String: JSONValue], required: [String], description: String? = nil) -> JSONValue {
            var schema: [String: JSONValue] = [
                "type": "object",
                "additionalProperties": false,
                "required": .array(required.sorted().map(JSONValue.string)),
                "properties": .object(properties),
            ]
            if let description { schema["description"] = .string(description) }
            return .object(schema)
        }
        func ref(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/\(name)")] }
        func list(_ items: JSONValue, minItems: Int = 0, unique: Bool = false) -> JSONValue {
            var schema: [String: JSONValue] = ["type": "array", "items": items]
            if minItems > 0 { schema["minItems"] = .int(minItems) }
            if unique { schema["uniqueItems"] = true }
            return .object(schema)
        }
        let idList = list(ref("id"), minItems: 1, unique: true)
        let httpsURL: JSONValue = ["type": "string", "format": "uri", "pattern": .string(httpsPattern)]

        let definitions: [String: JSONValue] = [
            "id": ["type": "string", "pattern": .string(idPattern), "description": "URL-safe id: a-z, 0-9 and single hyphens."],
            "text": object([
                "en": ["type": "string", "minLength": 1],
                "fr": ["type": "string", "minLength": 1],
            ], required: ["en", "fr"], description: "The same text in English and in French."),
            "term": object(["id": ref("id"), "label": ref("text")], required: ["id", "label"]),
            "taxonomy": object([
                "categories": list(ref("term")),
                "regions": list(ref("term")),
                "audiences": list(ref("term")),
                "languages": list(ref("term")),
            ], required: ["categories", "regions", "audiences", "languages"]),
            "organization": object(["id": ref("id"), "name": ref("text"), "description": ref("text")],
                                   required: ["id", "name", "description"]),
            "phone": object([
                "number": ["type": "string", "pattern": .string(phoneNumberPattern), "description": "One form for every number, e.g. 1-800-555-0199 or 211."],
                "display": ["type": "string", "minLength": 1, "description": "The number as the service writes it, e.g. 416-597-8808."],
                "tel": ["type": "string", "pattern": .string(telPattern), "description": "What a tel: link dials, e.g. +18005550199 or 211."],
                "kind": ["type": "string", "enum": .array(ServicePhone.Kind.allCases.map { .string($0.rawValue) })],
                "label": ref("text"),
            ], required: ["number", "display", "tel", "kind", "label"]),
            "weekly": object([
                "days": list(["type": "string", "enum": .array(Weekday.allCases.map { .string($0.rawValue) })], minItems: 1, unique: true),
                "opens": ["type": "string", "pattern": .string(opensPattern)],
                "closes": ["type": "string", "pattern": .string(closesPattern)],
            ], required: ["days", "opens", "closes"], description: "Opening times on some days, 24-hour clock, Eastern time."),
            "hours": object([
                "open_24_7": ["type": "boolean"],
                "weekly": list(ref("weekly"), minItems: 1),
                "note": ref("text"),
            ], required: ["open_24_7"]),
            "service": object([
                "id": ref("id"),
                "name": ref("text"),
                "summary": ref("text"),
                "description": object(["en": ["type": "string"], "fr": ["type": "string"]], required: ["en", "fr"],
                                      description: "Markdown source."),
                "description_html": object(["en": ["type": "string"], "fr": ["type": "string"]], required: ["en", "fr"],
                                           description: "The description rendered to HTML."),
                "organization": ref("organization"),
                "phones": list(ref("phone")),
                "website": httpsURL,
                "chat": httpsURL,
                "email": ["type": "string", "format": "email"],
                "hours": ref("hours"),
                "regions": idList,
                "categories": idList,
                "audiences": idList,
                "languages": idList,
                "indigenous_led": ["type": "boolean", "description": "True when the organization says it is Indigenous-led; false also when its source does not say."],
                "cost": ["type": "string", "enum": .array(ServiceCost.allCases.map { .string($0.rawValue) })],
                "confidential": ["type": "boolean", "description": "True when the source says contacts are confidential; false also when it does not say."],
                "last_verified": ["type": "string", "format": "date", "pattern": .string(datePattern)],
                "source": httpsURL,
                "source_title": ["type": "string", "minLength": 1, "description": "Title of the source page."],
                "source_date": ["type": "string", "format": "date", "pattern": .string(datePattern),
                                "description": "The date the source page gives for itself."],
                "urls": object([
                    "en": ["type": "string", "format": "uri"],
                    "fr": ["type": "string", "format": "uri"],
                ], required: ["en", "fr"], description: "The service's page on this site, per language."),
            ], required: [
                "id", "name", "summary", "description", "description_html", "organization", "phones", "hours",
                "regions", "categories", "audiences", "languages", "indigenous_led", "cost", "confidential",
                "last_verified", "source", "urls",
            ]),
        ]

        var root: [String: JSONValue] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": .string(config.absoluteURL(schemaPath)),
            "title": "Help services directory",
            "description": .string("The help services of \(config.languages[.en].title) (\(config.baseURL)), in English and French. Services are sorted by id."),
            "type": "object",
            "additionalProperties": false,
            "required": ["schema", "services", "taxonomy", "version"],
            "properties": [
                "version": ["type": "string", "const": .string(version)],
                "schema": ["type": "string", "format": "uri"],
                "license_note": ["type": "string"],
                "taxonomy": ref("taxonomy"),
                "services": list(ref("service")),
            ],
        ]
        root["$defs"] = .object(definitions)
        return .object(root)
    }
}
