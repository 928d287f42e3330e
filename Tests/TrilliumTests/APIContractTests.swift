import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumDirectory
@testable import TrilliumPipeline
@testable import TrilliumCheck

/// `trillium check --api-baseline DIR` against the baselines in `Tests/Fixtures/api-baselines/`.
@Suite("The partner API contract check")
struct APIContractTests {
    static let baselines = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/api-baselines")

    /// The site the baselines were published from.
    static func site() -> FixtureSite {
        let site = FixtureSite()
        site.copyFromRepository("Tests/Fixtures/services-valid/Content/services", to: "Content/services")
        return site
    }

    /// The errors `check` reports against the baseline folder `name`.
    static func errors(against name: String, site: FixtureSite = site()) -> [Diagnostic] {
        let folder = baselines.appendingPathComponent(name)
        let result = SiteChecker(apiBaseline: APIBaseline(folder: folder, shownAs: "baselines/" + name)).check(site.options())
        return result.diagnostics.filter { $0.severity == .error }
    }

    @Test func theLastPublicationOfTheSameSitePasses() {
        let errors = Self.errors(against: "clean")
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    @Test func aNewServiceAndANewFieldAreAllowed() {
        let site = Self.site()
        site.write("Content/services/new-line.yaml", site.source("Content/services/day-line.yaml")
            .replacingOccurrences(of: "id: day-line", with: "id: new-line")
            .replacingOccurrences(of: "Day Line", with: "New Line").replacingOccurrences(of: "Ligne de jour", with: "Nouvelle ligne")
            .replacingOccurrences(of: "website: https://www.example.org/day-line/", with: "website: https://www.example.org/day-line/\nchat: https://www.example.org/chat/"))
        let errors = Self.errors(against: "clean", site: site)
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    @Test func aRemovedFieldFailsAtTheFileThatPublishedIt() throws {
        let errors = Self.errors(against: "removed-field")
        #expect(errors.map(\.location.description) == ["baselines/removed-field/api/v1/services.json:1:1"])
        #expect(errors.first?.message == "field `services[].fax` was published and is gone")
        #expect(errors.first?.hint?.contains("/api/v2/") == true)
    }

    @Test func aChangedTypeFailsNamingBothTypes() {
        let errors = Self.errors(against: "changed-type")
        #expect(errors.map(\.message) == ["field `services[].cost` was published as a boolean and is now a string"])
        #expect(errors.first?.location.file == "baselines/changed-type/api/v1/services.json")
    }

    @Test func aRemovedServiceIDFails() {
        let errors = Self.errors(against: "removed-id")
        #expect(errors.map(\.message) == ["service `closed-line` (“Closed Line”) was published and is no longer in the directory"])
        #expect(errors.first?.hint?.contains("Content/services/closed-line.yaml") == true)
    }

    @Test func aReusedServiceIDFailsAtTheServicesOwnFile() {
        // This baseline is a copy of an api/ folder (v1/ at its top), not a Public/ folder.
        let errors = Self.errors(against: "reused-id")
        #expect(errors.map(\.location.file) == ["Content/services/night-line.yaml"])
        #expect(errors.first?.message == "service id `night-line` now names another service: it was “Tenant Advice Line” of organization `legal-clinic`, it is now “Night Line” of `fixture-organization`")
    }

    @Test func aRenamedServiceOfTheSameOrganizationIsNotAReusedID() {
        let site = Self.site()
        site.edit("Content/services/night-line.yaml", replacing: "name: { en: Night Line, fr: Ligne de nuit }",
                  with: "name: { en: Evening Line, fr: Ligne du soir }")
        #expect(Self.errors(against: "clean", site: site).isEmpty)
    }

    @Test func aFolderWithoutAPublishedAPIIsAnError() {
        let errors = Self.errors(against: "does-not-exist")
        #expect(errors.map(\.description).first?.hasPrefix("baselines/does-not-exist:1:1: error: no published partner API here") == true, "\(errors)")
    }

    // MARK: HSDS files, the OpenAPI paths and field rules, on in-memory publications

    static func publication(_ files: [String: JSONValue]) -> APIPublication {
        APIPublication(files: files, location: { "old/" + $0 })
    }

    static let openAPI: JSONValue = ["paths": ["/embed.js": [:], "/api/v1/hsds/services/{page}.json": [:]], "components": ["schemas": [
        "hsds.ServicePage": ["type": "object", "properties": [
            "contents": ["type": "array", "items": ["$ref": "#/components/schemas/hsds.Service"]],
        ]],
        "hsds.Service": ["type": "object", "properties": [
            "id": ["type": "string"], "email": ["type": "string"], "x-trillium-id": ["type": "string"],
        ]],
    ]]]

    static func page(_ records: [JSONValue]) -> JSONValue { ["contents": .array(records), "total_items": .int(records.count)] }

    @Test func anOptionalFieldNoServiceHasAnyMoreIsFineWhileItsSchemaStillDeclaresIt() {
        let old = Self.publication(["v1/openapi.json": Self.openAPI,
                                    "v1/hsds/services/1.json": Self.page([["id": "u1", "x-trillium-id": "a", "email": "a@example.org"]])])
        let new = Self.publication(["v1/openapi.json": Self.openAPI, "v1/hsds/services/1.json": Self.page([["id": "u1", "x-trillium-id": "a"]])])
        #expect(APIContract.diagnostics(old: old, new: new, serviceFiles: [:]).isEmpty)
    }

    @Test func anHSDSFieldGoneFromDataAndSchemaFailsOnceForTheObjectNotForEachFieldInside() {
        var schema = Self.openAPI
        if case .object(var root) = schema, case .object(var components)? = root["components"], case .object(var schemas)? = components["schemas"] {
            schemas["hsds.Service"] = ["type": "object", "properties": ["id": ["type": "string"], "x-trillium-id": ["type": "string"]]]
            components["schemas"] = .object(schemas)
            root["components"] = .object(components)
            schema = .object(root)
        }
        let old = Self.publication(["v1/openapi.json": Self.openAPI, "v1/hsds/services/1.json": Self.page([
            ["id": "u1", "x-trillium-id": "a", "email": "a@example.org", "x-trillium-fr": ["name": "A", "description": "B"]]])])
        let new = Self.publication(["v1/openapi.json": schema, "v1/hsds/services/1.json": Self.page([["id": "u1", "x-trillium-id": "a"]])])
        let messages = APIContract.diagnostics(old: old, new: new, serviceFiles: [:]).map(\.message)
        #expect(messages == ["field `contents[].email` was published and is gone", "field `contents[].x-trillium-fr` was published and is gone"])
    }

    @Test func aChangedHSDSIDAndAURLNoLongerDescribedFail() {
        let old = Self.publication(["v1/openapi.json": Self.openAPI, "v1/hsds/services/1.json": Self.page([["id": "u1", "x-trillium-id": "a"]])])
        let newOpenAPI: JSONValue = ["paths": ["/api/v1/hsds/services/{page}.json": [:]], "components": Self.openAPI["components"] ?? [:]]
        let new = Self.publication(["v1/openapi.json": newOpenAPI, "v1/hsds/services/1.json": Self.page([["id": "u2", "x-trillium-id": "a"]])])
        let problems = APIContract.diagnostics(old: old, new: new, serviceFiles: [:])
        #expect(problems.map(\.message).sorted() == ["the HSDS id of service `a` changed from u1 to u2",
                                                       "the URL /embed.js was described for partners and no longer is"])
        #expect(Set(problems.map(\.location.file)) == ["old/v1/hsds/services/1.json", "old/v1/openapi.json"])
    }

    @Test func pagesBeyondTheFirstMayGoButAnyOtherPublishedFileMayNot() {
        let old = Self.publication(["v1/hsds/services/1.json": Self.page([]), "v1/hsds/services/2.json": Self.page([]),
                                    "v1/extra.json": ["a": 1]])
        let new = Self.publication(["v1/hsds/services/1.json": Self.page([])])
        let problems = APIContract.diagnostics(old: old, new: new, serviceFiles: [:])
        #expect(problems.map(\.location.file) == ["old/v1/extra.json"])
        #expect(problems.first?.message == "this file was published and the build no longer makes it (v1/extra.json)")
    }

    @Test func aSchemaThatNowAllowsNullWhereItDidNotIsATypeChange() {
        let oldSchema: JSONValue = ["type": "object", "properties": ["note": ["type": "string"]]]
        let newSchema: JSONValue = ["type": "object", "properties": ["note": ["type": ["string", "null"]]]]
        let old = Self.publication(["v1/services.json": ["note": "x"], "v1/services.schema.json": oldSchema])
        let new = Self.publication(["v1/services.json": ["note": "x"], "v1/services.schema.json": newSchema])
        #expect(APIContract.diagnostics(old: old, new: new, serviceFiles: [:]).map(\.message)
                == ["the schema of field `note` allowed a string and now allows null or a string"])
    }

    @Test func shapesCollapseArrayItemsAndFollowReferences() {
        let data: JSONValue = ["services": [["id": "a", "phones": [["tel": "211"]]], ["id": "b", "count": 2]]]
        #expect(JSONShape.of(data).types == ["services": ["array"], "services[]": ["object"], "services[].id": ["string"],
                                             "services[].phones": ["array"], "services[].phones[]": ["object"],
                                             "services[].phones[].tel": ["string"], "services[].count": ["number"]])
        let schema: JSONValue = ["type": "object", "properties": ["node": ["$ref": "#/$defs/node"]],
                                 "$defs": ["node": ["type": "object", "properties": ["child": ["$ref": "#/$defs/node"], "n": ["type": "integer"]]]]]
        let declared = JSONShape.declared(by: schema, in: schema)
        #expect(declared.types["node.n"] == ["number"] && declared.types["node.child"] == ["object"], "a recursive schema is expanded")
    }

    @Test(.enabled(if: CommandLineTests.executable != nil))
    func theCommandExitsNonZeroAndPrintsTheLocatedError() throws {
        let site = Self.site()
        let folder = Self.baselines.appendingPathComponent("removed-id").path
        let result = try CommandLineTests.run(["check", "--site", site.root.path, "--api-baseline", folder])
        #expect(result.status != 0)
        #expect(result.output.contains("\(folder)/api/v1/services.json:1:1: error: service `closed-line`"), "\(result.output)")
        let clean = try CommandLineTests.run(["check", "--site", site.root.path, "--api-baseline", Self.baselines.appendingPathComponent("clean").path])
        #expect(clean.status == 0, "\(clean.output)")
    }
}
