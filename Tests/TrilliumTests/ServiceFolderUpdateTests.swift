import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumDirectory

/// The preview keeps the directory it made and, when saved service files keep their ids,
/// organizations and terms, takes in only those files. Whatever the edit, the directory and its
/// problems must be what reading the whole folder again gives.
@Suite("Service folder: edits against a fresh read")
struct ServiceFolderUpdateTests {
    typealias F = ServiceFixtures

    /// A service of the fixture with its own id, organization and category.
    static func service(_ id: String, organization: String = "test-organization", category: String = "crisis-line") -> String {
        var text = F.serviceYAML.replacingOccurrences(of: "id: test-helpline", with: "id: \(id)")
        text = text.replacingOccurrences(of: "id: test-organization", with: "id: \(organization)")
        return text.replacingOccurrences(of: "categories: [crisis-line]", with: "categories: [\(category)]")
    }

    struct Site {
        let root: URL
        var fileSystem: SiteFileSystem { SiteFileSystem(root: root) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-service-folder-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/services"), withIntermediateDirectories: true)
            try write(F.taxonomyFile, F.taxonomyYAML)
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }

        func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
    }

    /// Everything a directory and its problems say, as text to compare.
    static func summary(_ folder: ServiceFolder) -> [String] {
        var diagnostics = DiagnosticList()
        guard let directory = folder.directory(diagnostics: &diagnostics) else { return ["no directory"] + diagnostics.items.map(\.description) }
        var lines = diagnostics.items.map { "\($0) \($0.hint ?? "")" }
        lines += directory.taxonomy.categories.map { "category \($0.id) \($0.label[.en])" }
        for service in directory.services {
            lines.append("\(service.id) \(service.sourcePath) \(service.summary[.en]) \(service.categories) \(service.organization.name[.en]) \(folder.serviceHashes[service.id] ?? 0)")
        }
        for filter in directory.listing.filters {
            lines.append("\(filter): \(directory.listing.positions(filter))")
        }
        lines.append("count \(folder.serviceCount), latest check \(directory.latestVerification.map(String.init(describing:)) ?? "none")")
        return lines
    }

    @Test func everyKindOfEditGivesWhatAFreshReadGives() throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for (index, id) in ["alpha", "bravo", "charlie", "delta"].enumerated() {
            try site.write("Content/services/\(id).yaml", Self.service(id, category: index % 2 == 0 ? "crisis-line" : "legal"))
        }
        var folder = ServiceFolder(reading: site.fileSystem, loader: F.loader)
        #expect(Self.summary(folder) == Self.summary(ServiceFolder(reading: site.fileSystem, loader: F.loader)))

        let long = String(repeating: "A long summary. ", count: 20)
        // (file, new text or nil to delete, whether the edit keeps ids and places, whether it keeps every list)
        let edits: [(String, String?, Bool, Bool)] = [
            ("bravo", Self.service("bravo", category: "legal").replacingOccurrences(of: "A helpline used by the tests.", with: "Edited."), true, true),
            // A warning of its own comes and goes.
            ("charlie", Self.service("charlie").replacingOccurrences(of: "A helpline used by the tests.", with: long), true, true),
            ("charlie", Self.service("charlie"), true, true),
            // The latest check moves forward, then back (the directory's date is worked out again).
            ("bravo", Self.service("bravo", category: "legal").replacingOccurrences(of: "last_verified: 2026-11-01", with: "last_verified: 2026-11-20"), true, true),
            ("bravo", Self.service("bravo", category: "legal"), true, true),
            // A service changes lists.
            ("alpha", Self.service("alpha", category: "legal"), true, false),
            // The last service of a category leaves it: the category's unused warning comes and goes.
            ("charlie", Self.service("charlie", category: "legal"), true, false),
            ("charlie", Self.service("charlie"), true, false),
            // Its organization is named differently: a warning across files.
            ("delta", Self.service("delta", category: "legal").replacingOccurrences(of: "name: { en: Test Organization", with: "name: { en: Other Name"), false, false),
            ("delta", Self.service("delta", category: "legal"), false, false),
            // An id that clashes with another file's: an error across files.
            ("delta", Self.service("alpha", category: "legal"), false, false),
            ("delta", Self.service("delta", category: "legal"), false, false),
            // A service's own error takes it out of the directory.
            ("bravo", Self.service("bravo").replacingOccurrences(of: "cost: free", with: "cost: cheap"), false, false),
            ("bravo", Self.service("bravo", category: "legal"), false, false),
            // The taxonomy: a new label keeps every service as read; a term that goes takes
            // the services that list it out (they have errors now), and comes back.
            ("taxonomy", F.taxonomyYAML.replacingOccurrences(of: "en: Legal help", with: "en: Help with the law"), false, false),
            ("taxonomy", F.taxonomyYAML.replacingOccurrences(of: "id: legal", with: "id: law"), false, false),
            ("taxonomy", F.taxonomyYAML, false, false),
            // Files that come and go.
            ("echo", Self.service("echo"), false, false),
            ("echo", nil, false, false),
            // One that comes with the latest check, and goes: the directory's date moves and comes back.
            ("foxtrot", Self.service("foxtrot").replacingOccurrences(of: "last_verified: 2026-11-01", with: "last_verified: 2026-11-25"), false, false),
            ("foxtrot", nil, false, false),
            // One that comes in a folder of its own, under a new organization, listed under legal help only.
            ("regional/golf", Self.service("golf", organization: "other-organization", category: "legal"), false, false),
            // One that names a known organization differently, one whose id is taken, one with an
            // error, one with a warning of its own: the directory is made again, and again when
            // it goes (something was wrong before).
            ("hotel", Self.service("hotel").replacingOccurrences(of: "name: { en: Test Organization", with: "name: { en: Renamed"), false, false),
            ("hotel", nil, false, false),
            ("india", Self.service("alpha"), false, false),
            ("india", nil, false, false),
            ("juliett", Self.service("juliett").replacingOccurrences(of: "cost: free", with: "cost: cheap"), false, false),
            ("juliett", nil, false, false),
            ("kilo", Self.service("kilo").replacingOccurrences(of: "A helpline used by the tests.", with: long), false, false),
            ("kilo", nil, false, false),
            ("regional/golf", nil, false, false),
        ]
        // How each edit above is taken in, from its first one.
        let takings: [ServiceFolder.Taking] = [.saved, .saved, .saved, .saved, .saved, .saved, .saved, .saved, .madeAgain, .madeAgain,
                                               .madeAgain, .madeAgain, .madeAgain, .madeAgain, .taxonomy, .readAgain, .readAgain,
                                               .cameOrWent, .cameOrWent, .cameOrWent, .cameOrWent, .cameOrWent,
                                               .madeAgain, .madeAgain, .madeAgain, .madeAgain, .madeAgain, .madeAgain, .madeAgain, .madeAgain, .cameOrWent]
        #expect(takings.count == edits.count)
        var warnedOfUnusedTerms = false
        for (number, (name, text, keepsPlaces, keepsLists)) in edits.enumerated() {
            let path = name == "taxonomy" ? F.taxonomyFile : "Content/services/\(name).yaml"
            if let text {
                try FileManager.default.createDirectory(at: site.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try site.write(path, text)
            } else {
                try site.remove(path)
            }
            folder.taken()
            folder.update(changed: [path], fileSystem: site.fileSystem)
            let fresh = ServiceFolder(reading: site.fileSystem, loader: F.loader)
            #expect(Self.summary(folder) == Self.summary(fresh), "edit \(number) of \(name)")
            if number < takings.count { #expect(folder.taking == takings[number], "edit \(number) of \(name)") }
            let changes = folder.changes
            if Self.summary(folder).contains(where: { $0.contains("is not used by any service") }) { warnedOfUnusedTerms = true }
            if keepsPlaces {
                #expect(changes?.ids == [name], "edit \(number) of \(name) should keep every place")
                #expect(changes?.listingKept == keepsLists, "edit \(number) of \(name)")
            } else {
                #expect(changes == nil, "edit \(number) of \(name) should make the directory again")
            }
        }
        #expect(warnedOfUnusedTerms)
    }

    /// Several files at once: one that comes while another goes is taken in place; a saved file
    /// among them makes the directory again. Each time, what a fresh read gives.
    @Test func filesThatComeAndGoTogether() throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for id in ["alpha", "bravo", "charlie"] { try site.write("Content/services/\(id).yaml", Self.service(id)) }
        var folder = ServiceFolder(reading: site.fileSystem, loader: F.loader)
        try site.write("Content/services/delta.yaml", Self.service("delta", category: "legal"))
        try site.remove("Content/services/alpha.yaml")
        folder.update(changed: ["Content/services/delta.yaml", "Content/services/alpha.yaml"], fileSystem: site.fileSystem)
        #expect(folder.taking == .cameOrWent)
        #expect(Self.summary(folder) == Self.summary(ServiceFolder(reading: site.fileSystem, loader: F.loader)))
        // Two files that come with the same id: an error across files, found by making the directory again.
        try site.write("Content/services/echo.yaml", Self.service("echo"))
        try site.write("Content/services/echo-two.yaml", Self.service("echo"))
        folder.update(changed: ["Content/services/echo.yaml", "Content/services/echo-two.yaml"], fileSystem: site.fileSystem)
        #expect(folder.taking == .madeAgain)
        #expect(Self.summary(folder) == Self.summary(ServiceFolder(reading: site.fileSystem, loader: F.loader)))
        #expect(Self.summary(folder).contains { $0.contains("is also used by") })
        try site.remove("Content/services/echo-two.yaml")
        try site.write("Content/services/bravo.yaml", Self.service("bravo", category: "legal"))
        try site.write("Content/services/foxtrot.yaml", Self.service("foxtrot"))
        folder.update(changed: ["Content/services/echo-two.yaml", "Content/services/bravo.yaml", "Content/services/foxtrot.yaml"], fileSystem: site.fileSystem)
        #expect(folder.taking == .madeAgain)
        #expect(Self.summary(folder) == Self.summary(ServiceFolder(reading: site.fileSystem, loader: F.loader)))
        // A file that is not a service file's: listed again.
        try site.write("Content/services/notes.yml", "a: b\n")
        folder.update(changed: ["Content/services/notes.yml"], fileSystem: site.fileSystem)
        #expect(folder.taking == .madeAgain)
        #expect(Self.summary(folder) == Self.summary(ServiceFolder(reading: site.fileSystem, loader: F.loader)))
    }
}
