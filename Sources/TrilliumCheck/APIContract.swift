import Foundation
import TrilliumDirectory
import TrilliumModel

/// `trillium check --api-baseline DIR`: what partners could rely on in the last publication must
/// still hold in the files this build is about to publish.
///
/// It is an error when, compared with the baseline:
/// - a **field is removed**: a field path (`services[].phones[].tel`) that the last publication had in
///   its data or declared in its schema is in neither the new data nor the new schema. A field that is
///   absent from the new data but still declared (an optional fact no service gives any more) is fine;
/// - a **type changes**: the new data holds a field only in types the old data never held there, or the
///   new schema allows a type the old one did not (`string` → `string` or `null`);
/// - a **file is removed**: a published file the build no longer makes (HSDS pages past the first
///   may come and go with the number of services);
/// - a **service id is removed**: an id of `services.json` that is no longer there;
/// - a **service id is reused**: an id that now names another service, meaning its organization id
///   changed *and* its name changed in both languages (a rename alone, or a move to another
///   organization alone, is the same service);
/// - an **HSDS id changes** for the same service (importers match HSDS records by id).
/// New files, fields, types in new fields and services are fine.
///
/// Schemas compared: `services.schema.json` for `services.json`, and the `hsds.*` components of
/// `openapi.json` for the HSDS files. Paths listed in `openapi.json` must stay listed.
enum APIContract {
    static let servicesFile = String(ServiceAPI.servicesPath.dropFirst("api/".count))
    static let schemaFile = String(ServiceAPI.schemaPath.dropFirst("api/".count))
    static let hsdsFile = String(ServiceAPI.hsdsPath.dropFirst("api/".count))
    static let openAPIFile = String(ServiceAPI.openAPIPath.dropFirst("api/".count))
    static let hsdsPagesFolder = String(ServiceAPI.hsdsPagesFolder.dropFirst("api/".count))
    static let firstPageFile = String(ServiceAPI.hsdsFirstPagePath.dropFirst("api/".count))

    static let versionHint = "Partners' code may rely on it. Keep it in v1; a change that could break a reader goes under /api/v2/ while v1 stays for at least 12 months (README, version policy)."

    /// Every broken promise, located in the baseline's files (or at the service's own file for a reused id).
    /// - Parameter serviceFiles: each service id's file, `Content/services/<id>.yaml`.
    static func diagnostics(old: APIPublication, new: APIPublication, serviceFiles: [String: String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for name in old.files.keys.sorted() where new.files[name] == nil && !(isPage(name) && name != firstPageFile) {
            problems.append(.error(old.location(of: name), "this file was published and the build no longer makes it (\(name))",
                                   hint: "Partners may fetch this URL. Keep publishing it for at least 12 months."))
        }
        for view in views {
            problems += compare(view, old: old, new: new)
        }
        problems += compareOpenAPIPaths(old: old, new: new)
        problems += compareServiceIDs(old: old, new: new, serviceFiles: serviceFiles)
        problems += compareHSDSIDs(old: old, new: new)
        return problems
    }

    static func isPage(_ name: String) -> Bool {
        name.hasPrefix(hsdsPagesFolder) && !name.dropFirst(hsdsPagesFolder.count).contains("/")
    }

    // MARK: Fields and types

    /// One kind of published data and the schema that declares its fields.
    struct View: Sendable {
        /// The file named in messages (for the pages, the first page).
        var file: String
        var data: @Sendable (APIPublication) -> JSONShape?
        var schema: @Sendable (APIPublication) -> JSONShape?
    }

    static let views: [View] = [
        View(file: servicesFile,
             data: { $0.files[servicesFile].map(JSONShape.of) },
             schema: { publication in publication.files[schemaFile].map { JSONShape.declared(by: $0, in: $0) } }),
        View(file: hsdsFile,
             data: { $0.files[hsdsFile].map(JSONShape.of) },
             schema: { openAPIComponent("hsds.LegacyDocument", in: $0) }),
        View(file: firstPageFile,
             data: { publication in
                 let pages = publication.files.filter { isPage($0.key) }
                 guard !pages.isEmpty else { return nil }
                 var shape = JSONShape()
                 for page in pages.values { shape.merge(.of(page)) }
                 return shape
             },
             schema: { openAPIComponent("hsds.ServicePage", in: $0) }),
    ]

    static func openAPIComponent(_ name: String, in publication: APIPublication) -> JSONShape? {
        guard let document = publication.files[openAPIFile], document["components"]?["schemas"]?[name] != nil else { return nil }
        return JSONShape.declared(by: ["$ref": .string("#/components/schemas/\(name)")], in: document)
    }

    static func describe(_ types: Set<String>) -> String {
        let names = types.sorted().map { ["array": "an array", "object": "an object", "null": "null"][$0] ?? "a \($0)" }
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") : names.first ?? "untyped"
    }

    static func compare(_ view: View, old: APIPublication, new: APIPublication) -> [Diagnostic] {
        let oldData = view.data(old), newData = view.data(new) ?? JSONShape()
        let oldSchema = view.schema(old), newSchema = view.schema(new)
        guard oldData != nil || oldSchema != nil else { return [] }
        let location = old.location(of: view.file)
        var problems: [Diagnostic] = []
        var still = newData.paths
        if let newSchema { still.formUnion(newSchema.paths) }
        let promised = (oldData?.paths ?? []).union(oldSchema?.paths ?? [])
        for path in promised.subtracting(still).sorted() where !promised.contains(parent(of: path)) || still.contains(parent(of: path)) {
            problems.append(.error(location, "field `\(path)` was published and is gone", hint: versionHint))
        }
        for (path, was) in (oldData?.types ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let now = newData.types[path], was.isDisjoint(with: now) else { continue }
            problems.append(.error(location, "field `\(path)` was published as \(describe(was)) and is now \(describe(now))", hint: versionHint))
        }
        if let oldSchema, let newSchema {
            for (path, was) in oldSchema.types.sorted(by: { $0.key < $1.key }) {
                guard let now = newSchema.types[path], !was.isEmpty, !now.isSubset(of: was) else { continue }
                // The data check above already names a field whose values changed type.
                if let data = oldData?.types[path], let current = newData.types[path], data.isDisjoint(with: current) { continue }
                problems.append(.error(location, "the schema of field `\(path)` allowed \(describe(was)) and now allows \(describe(now))", hint: versionHint))
            }
        }
        return problems
    }

    /// `a.b[].c` → `a.b[]`; a removed object is reported once, not once per field inside it.
    static func parent(of path: String) -> String {
        if path.hasSuffix("[]") { return String(path.dropLast(2)) }
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }

    // MARK: URLs listed in the OpenAPI document

    static func compareOpenAPIPaths(old: APIPublication, new: APIPublication) -> [Diagnostic] {
        guard case .object(let oldPaths)? = old.files[openAPIFile]?["paths"] else { return [] }
        let newPaths = Set(new.files[openAPIFile]?["paths"].flatMap { value -> [String]? in
            if case .object(let members) = value { return Array(members.keys) }
            return nil
        } ?? [])
        return oldPaths.keys.sorted().filter { !newPaths.contains($0) }.map { path in
            .error(old.location(of: openAPIFile), "the URL \(path) was described for partners and no longer is",
                   hint: "Partners may call this URL. Keep publishing and describing it for at least 12 months.")
        }
    }

    // MARK: Service ids

    struct Identity: Equatable {
        var organization: String
        var english: String
        var french: String
    }

    static func identities(_ publication: APIPublication) -> [String: Identity] {
        var result: [String: Identity] = [:]
        for service in publication.files[servicesFile]?["services"]?.arrayItems ?? [] {
            guard let id = service["id"]?.stringValue else { continue }
            result[id] = Identity(organization: service["organization"]?["id"]?.stringValue ?? "",
                                  english: service["name"]?["en"]?.stringValue ?? "", french: service["name"]?["fr"]?.stringValue ?? "")
        }
        return result
    }

    static func compareServiceIDs(old: APIPublication, new: APIPublication, serviceFiles: [String: String]) -> [Diagnostic] {
        let before = identities(old), after = identities(new)
        guard new.files[servicesFile] != nil else { return [] }
        var problems: [Diagnostic] = []
        for (id, was) in before.sorted(by: { $0.key < $1.key }) {
            guard let now = after[id] else {
                problems.append(.error(old.location(of: servicesFile), "service `\(id)` (“\(was.english)”) was published and is no longer in the directory",
                                       hint: "Partners may have stored this id. Restore Content/services/\(id).yaml; if the service has closed for good, tell partners first, then publish once without --api-baseline."))
                continue
            }
            if was.organization != now.organization && was.english != now.english && was.french != now.french {
                let location = serviceFiles[id].map { SourceLocation(file: $0) } ?? new.location(of: servicesFile)
                problems.append(.error(location, "service id `\(id)` now names another service: it was “\(was.english)” of organization `\(was.organization)`, it is now “\(now.english)” of `\(now.organization)`",
                                       hint: "An id must always mean the same service to partners. Give this service a new id and keep the old one for the old service."))
            }
        }
        return problems
    }

    /// HSDS records of both forms by directory id (`x-trillium-id`) → HSDS `id`.
    static func hsdsIDs(_ publication: APIPublication) -> [String: (id: String, file: String)] {
        var result: [String: (id: String, file: String)] = [:]
        for (name, document) in publication.files.sorted(by: { $0.key < $1.key }) where name == hsdsFile || isPage(name) {
            for record in (document["services"] ?? document["contents"])?.arrayItems ?? [] {
                guard let key = record["x-trillium-id"]?.stringValue, let id = record["id"]?.stringValue else { continue }
                result[key] = result[key] ?? (id, name)
            }
        }
        return result
    }

    static func compareHSDSIDs(old: APIPublication, new: APIPublication) -> [Diagnostic] {
        let before = hsdsIDs(old), after = hsdsIDs(new)
        return before.sorted(by: { $0.key < $1.key }).compactMap { key, was in
            guard let now = after[key], now.id != was.id else { return nil }
            return .error(old.location(of: was.file), "the HSDS id of service `\(key)` changed from \(was.id) to \(now.id)",
                          hint: "HSDS importers match records by id; the ids derive from the directory id and must not change.")
        }
    }
}

extension APIContract {
    /// Reads the baseline folder and compares it with the files a build is about to publish.
    static func check(baseline folder: URL, shownAs: String, published outputs: [OutputFile],
                      serviceFiles: [String: String]) -> [Diagnostic] {
        let (old, reading) = APIPublication.baseline(at: folder, shownAs: shownAs)
        let (new, writing) = APIPublication.published(outputs)
        guard let old else { return reading + writing }
        return reading + writing + diagnostics(old: old, new: new, serviceFiles: serviceFiles)
    }
}
