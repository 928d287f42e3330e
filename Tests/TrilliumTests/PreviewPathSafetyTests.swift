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
@testable import TrilliumPreview

/// How the preview maps request paths to files: only regular files inside the served folder.
@Suite("Preview path safety")
final class PreviewPathSafetyTests {
    let container: URL
    let root: URL

    init() throws {
        container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-preview-paths-\(UUID().uuidString)")
        root = container.appendingPathComponent("site")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("en/about"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("fr"), withIntermediateDirectories: true)
        for path in ["index.html", "404.html", "en/index.html", "en/404.html", "en/about/index.html", "fr/404.html", "_headers",
                     ".hidden.html", "secret.txt"] {
            try Data("<p>\(path)</p>".utf8).write(to: root.appendingPathComponent(path))
        }
        // Outside the served folder, next to it: a sibling whose name starts like the root's.
        try Data("outside".utf8).write(to: container.appendingPathComponent("site-secret.txt"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("inside-link.html").path,
                                       withDestinationPath: root.appendingPathComponent("en/index.html").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("outside-link.txt").path,
                                       withDestinationPath: container.appendingPathComponent("site-secret.txt").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("up").path, withDestinationPath: "..")
    }

    deinit {
        try? FileManager.default.removeItem(at: container)
    }

    var resolver: StaticFileResolver { StaticFileResolver(root: root) }

    func file(_ relative: String) -> StaticFileResolver.Resolution {
        .file(URL(fileURLWithPath: StaticFileResolver.realPath(root.appendingPathComponent(relative).path) ?? ""))
    }

    @Test func folderAddressesServeTheirIndexPage() {
        #expect(resolver.resolve("/") == file("index.html"))
        #expect(resolver.resolve("/en/") == file("en/index.html"))
        #expect(resolver.resolve("/en/about/") == file("en/about/index.html"))
    }

    @Test func aFolderAddressWithoutItsSlashIsRedirected() {
        #expect(resolver.resolve("/en/about") == .redirect(location: "/en/about/"))
    }

    @Test func missingFilesAreNotFoundInTheirLanguage() {
        #expect(resolver.resolve("/en/nothing-here/") == .notFound(language: .en))
        #expect(resolver.resolve("/fr/rien") == .notFound(language: .fr))
        #expect(resolver.resolve("/nothing") == .notFound(language: nil))
        #expect(resolver.resolve("/en/about/index.html/") == .notFound(language: .en))
        #expect(resolver.notFoundPage(for: .fr) == URL(fileURLWithPath: StaticFileResolver.realPath(root.appendingPathComponent("fr/404.html").path) ?? ""))
        #expect(resolver.notFoundPage(for: nil) == URL(fileURLWithPath: StaticFileResolver.realPath(root.appendingPathComponent("404.html").path) ?? ""))
    }

    @Test(arguments: [
        "/../site-secret.txt",
        "/%2e%2e/site-secret.txt",
        "/%2E%2e/site-secret.txt",
        "/en/..%2f..%2fsite-secret.txt",
        "/en%2f..%2f..%2fsite-secret.txt",
        "/%252e%252e/site-secret.txt",
        "/en/..%5c..%5csite-secret.txt",
        "/en/./index.html",
        "//etc/passwd",
        "/en//index.html",
        "/index.html%00.txt",
        "/en/%0aindex.html",
        "etc/passwd",
        "http://127.0.0.1/etc/passwd",
        "/.hidden.html",
        "/outside-link.txt",
        "/etc/passwd",
        "/etc/",
        "/up/site-secret.txt",
        "/up/",
    ])
    func pathsThatLeaveTheFolderOrHideTheirMeaningAreRefused(_ path: String) {
        let resolution = resolver.resolve(path)
        switch resolution {
        case .refused, .notFound: break
        default: Issue.record("\(path) resolved to \(resolution)")
        }
    }

    @Test func symlinksThatStayInsideTheFolderAreFollowed() {
        #expect(resolver.resolve("/inside-link.html") == file("en/index.html"))
    }

    @Test func theHostHeadersFileIsNotServed() {
        #expect(resolver.resolve("/_headers") == .notFound(language: nil))
    }

    @Test func aBasePathIsStrippedAndTheBareRootRedirectsToIt() {
        let based = StaticFileResolver(root: root, basePath: "/humantrafficking/")
        #expect(based.resolve("/humantrafficking/en/") == file("en/index.html"))
        #expect(based.resolve("/") == .redirect(location: "/humantrafficking/"))
        #expect(based.resolve("/en/") == .notFound(language: nil))
        #expect(based.resolve("/humantrafficking/%2e%2e/site-secret.txt") != file("../site-secret.txt"))
    }

    @Test func veryLongPathsAreRefused() {
        let path = "/" + String(repeating: "a/", count: 2000)
        guard case .refused = resolver.resolve(path) else {
            Issue.record("a 4 kB path was not refused")
            return
        }
    }
}
