import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

/// Loading whole `Content/services/` folders: fixture sites and the real content.
@Suite("Service directory loading")
struct ServiceDirectoryLoadingTests {
    typealias F = ServiceFixtures

    func load(_ fileSystem: SiteFileSystem) -> (ServiceDirectory?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let directory = F.loader.load(from: fileSystem, diagnostics: &diagnostics)
        return (directory, diagnostics.items)
    }

    @Test func aSiteWithoutAServicesFolderHasNoDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-no-services-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (directory, diagnostics) = load(SiteFileSystem(root: root))
        #expect(directory == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func aValidFolderLoadsEveryServiceSortedById() throws {
        let (loaded, diagnostics) = load(F.fixtureSite("services-valid"))
        let directory = try #require(loaded)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(directory.services.map(\.id) == ["day-line", "night-line"])
        #expect(directory.services.map(\.sourcePath) == ["Content/services/day-line.yaml", "Content/services/night-line.yaml"])
        #expect(directory.taxonomy.categories.count == 2)
        let night = try #require(directory.service(id: "night-line"))
        #expect(night.descriptionLines[.fr] == 8)
        #expect(directory.services(with: "crisis-line", in: .categories).count == 2)
    }

    @Test func aTaxonomyTermNoServiceUsesIsAWarningAtItsLine() {
        let diagnostics = load(F.fixtureSite("services-valid")).1
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let found = diagnostic(containing: "category `legal` is not used by any service", in: diagnostics)
        #expect(found?.severity == .warning)
        #expect(found?.location.file == "Content/services/taxonomy.yaml")
        #expect(found?.location.line == 5)
    }

    @Test func aDuplicateIdAcrossFilesNamesBothFiles() {
        let diagnostics = load(F.fixtureSite("services-invalid")).1
        let found = diagnostic(containing: "service id `shared-line` is also used by", in: diagnostics)
        #expect(found?.severity == .error)
        #expect(found?.location.file == "Content/services/shared-line.yaml")
        #expect(found?.location.line == 1)
        #expect(found?.message.contains("Content/services/regional/shared-line.yaml") == true)
    }

    @Test func aFolderReportsEveryFilesProblemsInOneRun() throws {
        let (loaded, diagnostics) = load(F.fixtureSite("services-invalid"))
        let unknown = diagnostic(containing: "category `shelter` is not in the taxonomy", in: diagnostics)
        #expect(unknown?.location.file == "Content/services/regional/shared-line.yaml")
        #expect(unknown?.location.line == 22)
        #expect(unknown?.hint?.contains("crisis-line, legal") == true)
        let yml = diagnostic(containing: "must end in `.yaml`", in: diagnostics)
        #expect(yml?.location.file == "Content/services/old-notes.yml")
        #expect(yml?.hint == "Rename it to `old-notes.yaml`.")
        // The file without errors still loads; the build stops on the errors above.
        #expect(try #require(loaded).services.map(\.id) == ["shared-line"])
    }

    @Test func aMissingTaxonomyFileIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-no-taxonomy-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("Content/services")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (directory, diagnostics) = load(SiteFileSystem(root: root))
        #expect(directory != nil)
        let found = diagnostic(containing: "has no taxonomy file", in: diagnostics)
        #expect(found?.location.file == "Content/services/taxonomy.yaml")
    }

    @Test func theRealServiceDirectoryLoadsWithoutErrors() throws {
        // Checked against the real date, as a publisher's build is: an entry verified "in the
        // future" would be an error, and no frozen date hides it.
        let site = SiteFileSystem(root: F.repositoryRoot)
        var found = DiagnosticList()
        let loaded = ServiceLoader(today: Day.today()).load(from: site, diagnostics: &found)
        let diagnostics = found.items
        let directory = try #require(loaded, "the repository has a Content/services folder")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(!directory.services.isEmpty)
        #expect(directory.service(id: "canadian-human-trafficking-hotline")?.phones.first?.number.description == "1-833-900-1010")
        // The real export must satisfy its own schema too.
        let config = F.config
        let data = ServiceAPI.servicesJSON(directory, config: config, descriptionHTML: { service, language in service.description[language] },
                                           pageURL: F.pageURL)
        let problems = try MiniSchemaValidator(schema: ServiceAPI.schemaJSON(config: config)).validate(data)
        #expect(problems.isEmpty, "\(problems)")
    }
}
