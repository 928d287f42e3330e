import Foundation
import TrilliumModel
import TrilliumSource

extension ServiceAPI {
    /// `api/v1/openapi.json`: an OpenAPI 3.1 description of every URL the site publishes for partners.
    public static let openAPIPath = "api/v1/openapi.json"
    /// The official HSDS 3.0 schemas an HSDS `/services` page refers to (HSDS's own `openapi.json` names these).
    public static let hsdsServiceListSchemaURL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service_list.json"
    public static let hsdsServiceSchemaURL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service.json"

    /// The OpenAPI document. Paths are relative to the site's base URL (the one server).
    ///
    /// Its component schemas are the contract `trillium check --api-baseline` holds later builds to:
    /// `v1.*` is `services.schema.json` (same content, its `$defs` lifted into components), `hsds.*`
    /// lists every field and extension the HSDS files carry.
    /// - Parameter embedPages: URL path of the page made for an `<iframe>`, per language.
    public static func openAPIJSON(config: SiteConfig, embedPages: Localized<String>) -> Data {
        DeterministicJSON.encode(openAPIDocument(config: config, embedPages: embedPages), pretty: true, trailingNewline: true)
    }

    static func openAPIDocument(config: SiteConfig, embedPages: Localized<String>) -> JSONValue {
        let server = config.baseURL.hasSuffix("/") ? String(config.baseURL.dropLast()) : config.baseURL
        func ok(_ description: String, _ mediaType: String, _ schema: JSONValue) -> JSONValue {
            ["200": ["description": .string(description), "content": .object([mediaType: ["schema": schema]])]]
        }
        func get(_ id: String, _ summary: String, _ description: String, responses: JSONValue,
                 parameters: [JSONValue] = []) -> JSONValue {
            var operation: [String: JSONValue] = [
                "operationId": .string(id), "summary": .string(summary), "description": .string(description), "responses": responses,
            ]
            if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
            return ["get": .object(operation)]
        }
        let text: JSONValue = ["type": "string"]
        var paths: [String: JSONValue] = [
            "/" + servicesPath: get(
                "getServices", "Every service in English and French",
                "The whole directory: taxonomy and services sorted by id, with the URLs of each service's pages. Validates against services.schema.json.",
                responses: ok("The directory.", "application/json", ref("v1.ServicesDocument"))),
            "/" + schemaPath: get(
                "getServicesSchema", "The JSON Schema of services.json",
                "JSON Schema draft 2020-12; every object is closed (additionalProperties: false).",
                responses: ok("The schema.", "application/schema+json", ["type": "object"])),
            "/" + hsdsPath: get(
                "getHSDSServicesDocument", "The directory as HSDS 3.0 service records, in one file",
                "The first HSDS export, kept as published: {version, services}. New integrations should read the paged /services files.",
                responses: ok("Every service.", "application/json", ref("hsds.LegacyDocument"))),
            "/" + hsdsPagesFolder + "{page}.json": get(
                "getHSDSServicesPage", "HSDS 3.0 GET /services, one file per page",
                "Page `page` of the directory as the HSDS API reference returns GET /services, \(hsdsPageSize) services per page, sorted by id. Start at page 1 and follow x-trillium-links.next until last_page is true.",
                responses: .object([
                    "200": ["description": "One page of services.", "content": ["application/json": ["schema": ref("hsds.ServicePage")]]],
                    "404": ["description": "No such page: the page number is above total_pages."],
                ]),
                parameters: [[
                    "name": "page", "in": "path", "required": true, "description": "Page number, from 1 to total_pages.",
                    "schema": ["type": "integer", "minimum": 1],
                ]]),
            "/" + openAPIPath: get(
                "getOpenAPI", "This document", "The OpenAPI 3.1 description of every partner URL.",
                responses: ok("This document.", "application/json", ["type": "object"])),
            "/embed.js": get(
                "getEmbedScript", "The services widget",
                "Defines the <trillium-services> element (attributes lang, category, region, audience, limit, heading, heading-level). Stable URL, no hash; it reads the one list file of /api/v1/lists/ that holds what it shows, from the site that serves it.",
                responses: ok("The script.", "text/javascript", text)),
        ]
        // The lists, in pages, and the facets blocks (ServiceAPI+Lists.swift).
        func parameter(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
            ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
        }
        let language = parameter("language", "The records' language.", ["type": "string", "enum": ["en", "fr"]])
        let page = parameter("page", "Page number, from 1 to total_pages (page 1 always exists).", ["type": "integer", "minimum": 1])
        func term(_ name: String, _ facet: String) -> JSONValue {
            parameter(name, "The id of a \(facet) of the taxonomy (services.json's taxonomy).", ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"])
        }
        let listPage: JSONValue = .object([
            "200": ["description": "One page of the list.", "content": ["application/json": ["schema": ref("lists.Page")]]],
            "404": ["description": "No such list or page."],
        ])
        let lists: [(String, String, String, [JSONValue])] = [
            ("all", "AllServices", "Every service", []),
            ("region/{region}", "Region", "The services of a region (with those of the everywhere region)", [term("region", "region")]),
            ("category/{category}", "Category", "The services of a type of help", [term("category", "category")]),
            ("region/{region}/category/{category}", "RegionCategory", "The services of a type of help in a region",
             [term("region", "region"), term("category", "category")]),
            ("audience/{audience}", "Audience", "The services for an audience", [term("audience", "audience")]),
        ]
        for (segment, id, summary, terms) in lists {
            paths["/" + listsFolder + "{language}/" + segment + "/{page}.json"] = get(
                "getList" + id, summary + ", \(listPageSize) small records a page",
                "What the widget and the site's lists show, split so a reader downloads only the list it shows. Services sorted by id; HSDS paging fields and links between pages.",
                responses: listPage, parameters: [language] + terms + [page])
        }
        paths["/" + listsFolder + "facets/{block}.json"] = get(
            "getFacetsBlock", "The terms and flags of \(facetBlockSize) services a block",
            "Block `block` (from 1) of the services in id order: per service, its regions, categories, audiences, languages and flags as hexadecimal bit sets over `terms` and `flags`.",
            responses: ok("One block.", "application/json", ref("lists.FacetsBlock")),
            parameters: [parameter("block", "Block number, from 1.", ["type": "integer", "minimum": 1])])
        for language in Language.allCases {
            let path = embedPages[language]
            paths[path.hasPrefix("/") ? path : "/" + path] = get(
                "getEmbedPage" + language.rawValue.uppercased(), "The directory for an <iframe> (\(language.rawValue))",
                "Every service, with filters, made to be shown in a frame. It posts {type: \"trillium:height\", height} to its parent when its height changes.",
                responses: ok("The page.", "text/html", text))
        }
        var schemas = liftedServicesSchema(config: config)
        for (name, schema) in hsdsComponentSchemas() { schemas[name] = schema }
        for (name, schema) in listComponentSchemas() { schemas[name] = schema }
        return [
            "openapi": "3.1.0",
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "info": [
                "title": .string("\(config.languages[.en].title): data for partners"),
                "version": .string(version),
                "description": .string("""
                Static files, rebuilt with the site. Every URL answers GET with CORS open to any origin. \
                Fields are only added within v1; a change that could break a reader gets a new path (/api/v2/) \
                and the old one stays for at least 12 months. Extension fields in the HSDS files start with x-trillium-.
                """),
            ],
            "servers": [["url": .string(server), "description": "This site."]],
            "paths": .object(paths),
            "components": ["schemas": .object(schemas)],
        ]
    }

    static func ref(_ component: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(component)")] }

    /// The lists' page and record, and the facets block, as the README describes them.
    static func listComponentSchemas() -> [String: JSONValue] {
        let string: JSONValue = ["type": "string"], strings: JSONValue = ["type": "array", "items": ["type": "string"]]
        let integer: JSONValue = ["type": "integer", "minimum": 0], flag: JSONValue = ["type": "boolean"]
        let phone: JSONValue = ["type": "object", "properties": ["kind": string, "label": string, "number": string, "tel": string]]
        return [
            "lists.Record": [
                "type": "object", "required": ["id", "name", "url"],
                "description": "A service as a list shows it, in the page's language. Yes/no facts a source does not state are absent.",
                "properties": [
                    "id": string, "name": string, "summary": string, "url": ["type": "string", "format": "uri"],
                    "phones": ["type": "array", "items": phone], "audiences": strings, "languages": strings,
                    "open_24_7": flag, "cost": string, "confidential": flag, "indigenous_led": flag,
                ],
            ],
            "lists.Page": [
                "type": "object",
                "required": ["version", "language", "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "services"],
                "properties": [
                    "version": string, "language": ["type": "string", "enum": ["en", "fr"]],
                    "filter": ["type": "object", "properties": ["region": string, "category": string, "audience": string]],
                    "everywhere_region": string,
                    "total_items": integer, "total_pages": integer, "page_number": integer, "size": integer,
                    "first_page": flag, "last_page": flag, "empty": flag,
                    "links": ["type": "object", "additionalProperties": ["type": "string", "format": "uri"]],
                    "services": ["type": "array", "items": ref("lists.Record")],
                ],
            ],
            "lists.FacetsBlock": [
                "type": "object", "required": ["version", "block", "terms", "flags"],
                "properties": [
                    "version": string, "block": integer, "block_size": integer, "offset": integer, "size": integer, "total_items": integer,
                    "terms": ["type": "object", "additionalProperties": strings], "flags": strings,
                    "services": ["type": "array", "items": ["type": "string", "pattern": "^[0-9a-f]+(\\.[0-9a-f]+){4}$"]],
                ],
            ],
        ]
    }

    /// `services.schema.json` as components: the root as `v1.ServicesDocument`, each `$defs` entry as `v1.<name>`.
    static func liftedServicesSchema(config: SiteConfig) -> [String: JSONValue] {
        func rewrite(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members):
                var result: [String: JSONValue] = [:]
                for (key, member) in members where !["$schema", "$id", "$defs"].contains(key) {
                    if key == "$ref", case .string(let target) = member, target.hasPrefix("#/$defs/") {
                        result[key] = .string("#/components/schemas/v1." + target.dropFirst("#/$defs/".count))
                    } else {
                        result[key] = rewrite(member)
                    }
                }
                return .object(result)
            case .array(let items): return .array(items.map(rewrite))
            default: return value
            }
        }
        let document = schemaDocument(config: config)
        var components: [String: JSONValue] = ["v1.ServicesDocument": rewrite(document)]
        if case .object(let root) = document, case .object(let definitions)? = root["$defs"] {
            for (name, schema) in definitions { components["v1." + name] = rewrite(schema) }
        }
        return components
    }

    /// Every field of the HSDS files (both forms), with the extensions. Objects stay open, as HSDS's are.
    static func hsdsComponentSchemas() -> [String: JSONValue] {
        func object(_ properties: [String: JSONValue], required: [String], _ description: String? = nil) -> JSONValue {
            var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties),
                                               "required": .array(required.sorted().map(JSONValue.string))]
            if let description { schema["description"] = .string(description) }
            return .object(schema)
        }
        func string(_ description: String, format: String? = nil) -> JSONValue {
            var schema: [String: JSONValue] = ["type": "string", "description": .string(description)]
            if let format { schema["format"] = .string(format) }
            return .object(schema)
        }
        func list(_ component: String) -> JSONValue { ["type": "array", "items": ref(component)] }
        let uuid = string("Name-based UUID (version 5) derived from the directory's own ids: the same record keeps it across builds.", format: "uuid")
        let integer: JSONValue = ["type": "integer", "minimum": 0]
        return [
            "hsds.ServicePage": object([
                "total_items": integer, "total_pages": integer, "page_number": integer,
                "size": ["type": "integer", "minimum": 0, "description": "How many services this page holds (HSDS: the number of entities in the current page)."],
                "first_page": ["type": "boolean"], "last_page": ["type": "boolean"],
                "empty": ["type": "boolean", "description": "True when the directory has no service."],
                "contents": ["type": "array", "items": ["allOf": [ref("hsds.Service"), ["required": ["last_modified", "organization_id", "service_at_locations"]]]]],
                "x-trillium-links": ref("hsds.PageLinks"),
            ], required: ["contents", "empty", "first_page", "last_page", "page_number", "size", "total_items", "total_pages", "x-trillium-links"],
               "A page object of the HSDS 3.0 API reference (GET /services), with links to the other pages."),
            "hsds.PageLinks": object([
                "self": string("This page.", format: "uri"), "first": string("Page 1.", format: "uri"),
                "last": string("The last page.", format: "uri"),
                "previous": string("The page before this one; absent on page 1.", format: "uri"),
                "next": string("The page after this one; absent on the last page.", format: "uri"),
            ], required: ["first", "last", "self"], "Extension x-trillium-links: absolute URLs of the other pages, since a static file cannot answer ?page=N."),
            "hsds.LegacyDocument": object([
                "version": ["type": "string", "const": .string(hsdsVersion)],
                "services": list("hsds.Service"),
            ], required: ["services", "version"], "The first HSDS export, in one file."),
            "hsds.Service": .object([
                "type": "object",
                "description": "An HSDS 3.0 service, fully nested, with Trillium's extensions. English text; French in x-trillium-fr.",
                "externalDocs": ["url": .string(hsdsServiceSchemaURL), "description": "The official HSDS 3.0 service schema."],
                "required": ["assured_date", "description", "id", "languages", "name", "organization", "phones", "schedules",
                             "service_areas", "status", "x-trillium-fr", "x-trillium-id", "x-trillium-urls"],
                "properties": [
                    "id": uuid,
                    "organization_id": string("The organization's id (pages only).", format: "uuid"),
                    "name": string("The service's name in English."),
                    "description": string("Markdown, in English."),
                    "url": string("The service's own website.", format: "uri"),
                    "email": string("The service's email address.", format: "email"),
                    "status": ["type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]],
                    "assured_date": string("The day a person last checked the entry against its source.", format: "date"),
                    "last_modified": string("Pages only: assured_date at 00:00 UTC (the data records a day, not a time).", format: "date-time"),
                    "fees_description": string("Free., Low cost. or Cost varies; ask the service. Absent when the source does not say."),
                    "interpretation_services": string("Labels of the language terms that are not language codes, e.g. interpretation."),
                    "organization": ref("hsds.Organization"),
                    "phones": list("hsds.Phone"),
                    "languages": list("hsds.Language"),
                    "service_areas": list("hsds.ServiceArea"),
                    "schedules": list("hsds.Schedule"),
                    "service_at_locations": list("hsds.ServiceAtLocation"),
                    "x-trillium-id": ["type": "string", "pattern": .string(idPattern), "description": "Extension: the directory's own id, as in services.json."],
                    "x-trillium-fr": object(["name": ["type": "string"], "description": ["type": "string"]], required: ["description", "name"],
                                            "Extension: the name and description in French."),
                    "x-trillium-urls": object(["en": string("English page.", format: "uri"), "fr": string("French page.", format: "uri")],
                                              required: ["en", "fr"], "Extension: the service's pages on this site."),
                ],
            ]),
            "hsds.Organization": object(["id": uuid, "name": ["type": "string"], "description": ["type": "string"]],
                                        required: ["description", "id", "name"]),
            "hsds.Phone": object([
                "id": uuid,
                "number": string("Pages: E.164 (+18005550199), short codes as they are (211, 686868). The one-file export: 1-800-555-0199."),
                "type": ["type": "string", "enum": ["voice", "text", "textphone"], "description": "RFC 6350 type; textphone for TTY."],
                "description": string("What the number is for, in English."),
                "languages": list("hsds.Language"),
            ], required: ["id", "number", "type"]),
            "hsds.Language": object(["id": uuid, "name": ["type": "string"], "code": string("ISO 639 code.")],
                                    required: ["code", "id", "name"]),
            "hsds.ServiceArea": object([
                "id": uuid, "name": ["type": "string"], "description": string("The places the region covers."),
                "x-trillium-id": ["type": "string", "pattern": .string(idPattern), "description": "Extension: the region's id in the taxonomy."],
                "x-trillium-fr": object(["name": ["type": "string"]], required: ["name"], "Extension: the region's name in French."),
            ], required: ["id", "name", "x-trillium-fr", "x-trillium-id"]),
            "hsds.Schedule": object([
                "id": uuid,
                "freq": ["type": "string", "enum": ["WEEKLY"]],
                "byday": string("iCalendar days, e.g. MO,TU,WE."),
                "opens_at": string("HH:MM, local time (see description). Pages give 00:00 for services open 24/7."),
                "closes_at": string("HH:MM, local time. Pages give 23:59 for the end of the day, never 24:00; the one-file export keeps 24:00."),
                "description": string("The hours in words, naming the local time zone (no fixed UTC offset is given: it changes with daylight saving)."),
                "notes": string("Anything the hours cannot say, e.g. holidays."),
            ], required: ["description", "id"]),
            "hsds.ServiceAtLocation": object([
                "id": uuid, "service_id": string("The service's id.", format: "uuid"),
                "location_id": string("The location's id.", format: "uuid"), "location": ref("hsds.Location"),
            ], required: ["id", "location", "location_id", "service_id"], "Where the service is delivered: a virtual location."),
            "hsds.Location": object([
                "id": uuid,
                "location_type": ["type": "string", "enum": ["virtual"], "description": "The directory records no street address: services are reached by phone, online or by email."],
                "url": string("The service's website, or else its chat page.", format: "uri"),
                "organization_id": string("The organization's id.", format: "uuid"),
                "name": ["type": "string"],
                "description": string("How the service is reached, e.g. Reached by phone and online."),
            ], required: ["id", "location_type", "name", "organization_id"]),
        ]
    }
}
