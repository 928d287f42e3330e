import Foundation
import Testing
@testable import TrilliumDirectory
@testable import TrilliumEditor
@testable import TrilliumModel
import Yams

/// The editor's forms, paths and request guard, fed text directly.
@Suite("Editor forms and safety")
struct EditorFormsTests {
    static let page = """
    ---
    title: "Warning signs"   # quoted on purpose
    description: Signs to watch for.
    translationKey: warning-signs
    sources:
      - title: A report
        url: https://example.org/report
        date: 2025-01-02
    ---

    Some text.

    """

    @Test func savingAPageFormRewritesOnlyTheKeyThatChanged() {
        var form = PageForm(text: Self.page)
        #expect(form.values["title"] == "Warning signs")
        #expect(form.sources == [PageForm.Source(title: "A report", url: "https://example.org/report", date: "2025-01-02")])
        #expect(form.other == "translationKey: warning-signs\n")
        #expect(form.compose(over: Self.page) == Self.page)
        form.values["description"] = "Signs: what to watch for."
        let changed = form.compose(over: Self.page)
        #expect(changed == Self.page.replacingOccurrences(of: "description: Signs to watch for.", with: "description: \"Signs: what to watch for.\""))
    }

    @Test func emptiedFieldsAreRemovedAndNewOnesAddedAtTheEnd() {
        var form = PageForm(text: Self.page)
        form.sources = []
        form.draft = true
        form.values["weight"] = "20"
        let text = form.compose(over: Self.page)
        #expect(!text.contains("sources:"))
        #expect(text.contains("translationKey: warning-signs\ndraft: true\nweight: 20\n---\n"))
    }

    @Test func yamlScalarsReadBackAsTheSameText() throws {
        for value in ["true", "no", "2020", "1.5", "~", "- item", "a: b", "x #y", "#tag", "line\nbreak", "\"quoted\"", "ordinary words", "L'été"] {
            let yaml = "key: \(YAMLScalar.string(value))\n"
            let node = try #require(try Yams.compose(yaml: yaml))
            #expect(node["key"]?.scalar?.string == value, "\(value) written as \(yaml)")
            if ["true", "no", "2020", "1.5", "~"].contains(value) { #expect(yaml.contains("\""), "\(value) must be quoted") }
        }
        let block = "key:" + YAMLScalar.block("First line.\n\n- a list\n", indent: 2) + "\n"
        #expect(try Yams.compose(yaml: block)?["key"]?.scalar?.string == "First line.\n\n- a list\n")
    }

    @Test func contentPathsRefuseParentsHiddenFilesAndOtherFolders() {
        for refused in ["../x.md", "en/../../x.md", "en/.hidden.md", "/etc/passwd", "en//x.md", "en/x.txt", "Themes/x.md",
                        "services/../site.yaml", "services/Bad_Id.yaml", "en/a%2F..%2Fb.md", "en/x\u{0}.md", "en\\..\\x.md"] {
            #expect(ContentPath(refused) == nil, "\(refused)")
        }
        #expect(ContentPath("en/get-help/_index.md")?.language == .en)
        #expect(ContentPath("services/kids-help-phone.yaml") != nil)
    }

    @Test func aSymlinkLeadingOutOfContentIsNotResolved() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("editor-path-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/en"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("outside/secret.md"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/en/link.md").path,
                                                   withDestinationPath: root.appendingPathComponent("outside/secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/en/folder").path,
                                                   withDestinationPath: root.appendingPathComponent("outside").path)
        #expect(try #require(ContentPath("en/link.md")).resolve(in: root) == nil)
        #expect(try #require(ContentPath("en/folder/secret.md")).resolve(in: root) == nil)
        #expect(try #require(ContentPath("en/new-page.md")).resolve(in: root)?.lastPathComponent == "new-page.md")
    }

    @Test func writesNeedTheSessionTokenAndTheEditorsOwnOrigin() {
        let guard_ = EditorRequestGuard(token: "abc123")
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: "http://127.0.0.1:1313", token: "abc123") == nil)
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: "http://evil.example", token: "abc123") != nil)
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: "null", token: "abc123") != nil)
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: nil, token: "abc123") != nil)
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: "http://127.0.0.1:1313", token: nil) != nil)
        #expect(guard_.refusal(host: "127.0.0.1:1313", origin: "http://127.0.0.1:1313", token: "abc124") != nil)
    }

    @Test func bothLanguagesHaveEveryStringTheEditorUses() throws {
        let strings = try EditorStrings.load()
        #expect(strings.keys(.en) == strings.keys(.fr))
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TrilliumEditor")
        let pattern = try NSRegularExpression(pattern: #"\b[th]\("([A-Za-z0-9-]+)""#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                let key = String(source[Range(match.range(at: 1), in: source)!])
                #expect(strings.keys(.en).contains(key), "\(name) uses the string `\(key)`, which en.yaml lacks")
            }
        }
    }

    @Test func aServiceFileReadIntoTheFormAndWrittenBackPassesTheValidator() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/services-valid/Content/services")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let (original, _) = ServiceLoader(today: Day(year: 2026, month: 12, day: 1)).parseService(text, file: "Content/services/\(file)", taxonomy: nil)
            let written = ServiceForm(yaml: text).yaml().text
            let (service, problems) = ServiceLoader(today: Day(year: 2026, month: 12, day: 1)).parseService(written, file: "Content/services/\(file)", taxonomy: nil)
            #expect(problems.filter { $0.severity == .error }.isEmpty, "\(file): \(problems)\n\(written)")
            #expect(service?.phones == original?.phones && service?.hours == original?.hours && service?.description == original?.description, "\(file)")
        }
    }
}
