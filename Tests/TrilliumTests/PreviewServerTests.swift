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

/// `trillium serve` end to end: a copy of `Tests/Fixtures/preview-site` served in-process on
/// 127.0.0.1, read with a raw socket client, edited on disk while pages listen for events.
@Suite("Preview server", .serialized, .timeLimit(.minutes(2)))
struct PreviewServerTests {
    static let aboutPath = "Content/en/about.md"
    static let aboutSentence = "The tests change this sentence and watch the preview reload."
    static let liveReloadTag = #"<script src="/__trillium/live.js" defer></script>"#

    @Test func servesAPageWithTheLiveReloadScriptAndTheProductionHeaders() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }

        let page = try await preview.get("/en/about/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains(Self.aboutSentence))
        #expect(page.text.contains(Self.liveReloadTag + "</body>"))
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.headers["content-security-policy"] == HostConfiguration.contentSecurityPolicy + "; frame-ancestors 'none'")
        for (name, value) in HostConfiguration.commonHeaders {
            #expect(page.headers[name.lowercased()] == value, "\(name)")
        }

        let script = try await preview.get("/__trillium/live.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("EventSource"))
        #expect(!script.text.contains("innerHTML"))

        let home = try await preview.get("/fr/")
        #expect(home.status == 200)
        #expect(home.text.contains(#"<html lang="fr"#))
        await preview.close()
    }

    @Test func sendsFolderAddressesToTheirSlashAndMissingPagesToTheLanguagesNotFoundPage() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }

        let folder = try await preview.get("/en/about")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/en/about/")

        let english = try await preview.get("/en/no-such-page/")
        #expect(english.status == 404)
        #expect(english.text.contains(#"<html lang="en"#))
        #expect(english.text.contains(Self.liveReloadTag))

        let french = try await preview.get("/fr/page-introuvable")
        #expect(french.status == 404)
        #expect(french.text.contains(#"<html lang="fr"#))

        let headers = try await preview.get("/_headers")
        #expect(headers.status == 404)
        await preview.close()
    }

    @Test func servesEachKindOfFileWithItsContentType() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }

        let home = try await preview.get("/en/")
        let stylesheet = try #require(home.text.firstMatch(of: /href="(\/assets\/[^"]+\.css)"/)?.1)
        let css = try await preview.get(String(stylesheet))
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.text.contains(LiveReloadInjection.scriptTag) == false)

        for (path, type) in [("/sitemap.xml", "application/xml; charset=utf-8"), ("/robots.txt", "text/plain; charset=utf-8"),
                             ("/embed.js", "text/javascript; charset=utf-8")] {
            let file = try await preview.get(path)
            #expect(file.status == 200, "\(path)")
            #expect(file.headers["content-type"] == type, "\(path)")
        }
        await preview.close()
    }

    @Test func refusesPathsThatLeaveTheServedFolder() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }
        let served = preview.session.servedFolder
        try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("system").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("en/passwords.html").path,
                                                   withDestinationPath: "/etc/passwd")

        let attempts = [
            "/../etc/passwd",
            "/../../../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
            "/en/..%2f..%2fetc/passwd",
            "/en/..%2F..%2F..%2Fetc%2Fpasswd",
            "/%252e%252e/%252e%252e/etc/passwd",
            "/en/..%5c..%5cetc%5cpasswd",
            "//etc/passwd",
            "/en/about/%00",
            "/en/about%00.html",
            "/./en/../../etc/passwd",
            "http://127.0.0.1/etc/passwd",
            "/system/passwd",
            "/system/",
            "/en/passwords.html",
        ]
        for target in attempts {
            let response = try await preview.get(target)
            #expect([403, 404].contains(response.status), "\(target) answered \(response.status)")
            #expect(!response.text.contains("root:"), "\(target) leaked a system file")
        }
        await preview.close()
    }

    @Test func answersOnlyRequestsAddressedToThisMachine() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }

        let rebound = try await preview.get("/en/", host: "attacker.example:\(preview.port)")
        #expect(rebound.status == 403)
        let local = try await preview.get("/en/", host: "localhost:\(preview.port)")
        #expect(local.status == 200)
        await preview.close()
    }

    @Test func aPortAlreadyInUseIsReportedAtOnce() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }
        let second = PreviewSession(options: BuildOptions(siteRoot: preview.root, today: PreviewFixture.today), port: preview.port,
                                    console: .quiet)
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: PreviewServerError.self) { try await second.start() }
        #expect(clock.now - started < .seconds(3))
        #expect(error?.description.contains("127.0.0.1:\(preview.port)") == true)
        #expect(!FileManager.default.fileExists(atPath: second.workspace.path))
        await preview.close()
    }

    @Test func aSavedChangeReloadsOpenPagesAndTheNewTextIsServed() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }
        let events = try preview.openEventStream()
        defer { events.close() }
        #expect(await events.waitFor { $0.contains("event: ready") }, "a new page hears which build it shows")
        #expect(events.head.lowercased().contains("content-type: text/event-stream"))

        let edited = try preview.source(Self.aboutPath).replacingOccurrences(of: Self.aboutSentence, with: "The preview picked up this edit.")
        try preview.save(Self.aboutPath, edited)

        #expect(await events.waitFor { $0.contains("event: reload") }, "open pages are told to reload:\n\(events.text)")
        let page = try await preview.get("/en/about/")
        #expect(page.text.contains("The preview picked up this edit."))
        #expect(!page.text.contains(Self.aboutSentence))
        events.close()
        await preview.close()
    }

    @Test func aBrokenPageIsReportedWhileTheLastGoodSiteStaysServedUntilItIsFixed() async throws {
        let preview = try await PreviewFixture.start()
        defer { Task { await preview.close() } }
        let events = try preview.openEventStream()
        defer { events.close() }
        #expect(await events.waitFor { $0.contains("event: ready") })
        let good = try preview.source(Self.aboutPath)

        // An unclosed list in the front matter's title.
        try preview.save(Self.aboutPath, good.replacingOccurrences(of: "title: About this site", with: "title: [About this site"))
        let reported = await events.waitFor { $0.contains("event: failure") }
        #expect(reported, "open pages hear about the failure:\n\(events.text)")
        let failure = events.text
        #expect(failure.contains(#""location":"Content/en/about.md:"#))
        #expect(failure.firstMatch(of: /Content\/en\/about\.md:\d+:\d+/) != nil)
        #expect(failure.contains(#""severity":"error""#))
        #expect(!failure.contains("event: reload"), "a failed build must not reload pages")

        let stillServed = try await preview.get("/en/about/")
        #expect(stillServed.status == 200)
        #expect(stillServed.text.contains(Self.aboutSentence), "the last good page is still served")

        // A page opened while the build is broken hears about it at once.
        let latecomer = try preview.openEventStream()
        defer { latecomer.close() }
        #expect(await latecomer.waitFor { $0.contains("event: failure") && $0.contains("Content/en/about.md:") })
        latecomer.close()

        let offset = events.text.count
        try preview.save(Self.aboutPath, good.replacingOccurrences(of: Self.aboutSentence, with: "Fixed and rebuilt."))
        #expect(await events.waitFor(after: offset) { $0.contains("event: reload") }, "fixing the file reloads pages:\n\(events.text)")
        let fixed = try await preview.get("/en/about/")
        #expect(fixed.text.contains("Fixed and rebuilt."))
        events.close()
        await preview.close()
    }

    @Test func stoppingEndsOpenEventStreamsFreesThePortAndRemovesTheBuild() async throws {
        let preview = try await PreviewFixture.start()
        let workspace = preview.session.workspace
        let events = try preview.openEventStream()
        defer { events.close() }
        #expect(await events.waitFor { $0.contains("event: ready") })
        #expect(FileManager.default.fileExists(atPath: preview.session.servedFolder.appendingPathComponent("en/index.html").path))

        let clock = ContinuousClock()
        let started = clock.now
        await preview.close()
        #expect(clock.now - started < .seconds(5))

        #expect(!FileManager.default.fileExists(atPath: workspace.path))
        await #expect(throws: PreviewTestError.self) { _ = try await preview.get("/en/") }
        let deadline = clock.now + .seconds(5)
        while !events.isClosedByServer, clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(events.isClosedByServer)
    }

    @Test func aSiteThatFailsItsFirstBuildShowsWhyAndIsServedOnceFixed() async throws {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-preview-test-\(UUID().uuidString)")
        let root = container.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: container, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: container) }
        try FileManager.default.copyItem(at: PreviewFixture.fixtureFolder, to: root)
        let about = root.appendingPathComponent(Self.aboutPath)
        let good = try String(contentsOf: about, encoding: .utf8)
        try Data(good.replacingOccurrences(of: "title: About this site", with: "title: [About").utf8).write(to: about)

        let session = PreviewSession(options: BuildOptions(siteRoot: root, today: PreviewFixture.today, workers: 2), port: 0,
                                     pollInterval: .milliseconds(100), console: .quiet)
        try await session.start()
        let port = await session.port
        let waiting = try await PreviewHTTPClient.get("/en/about/", port: port)
        #expect(waiting.status == 503)
        #expect(waiting.text.contains(Self.liveReloadTag))
        let events = try PreviewEventStreamReader(port: port)
        defer { events.close() }
        #expect(await events.waitFor { $0.contains("event: failure") && $0.contains("Content/en/about.md:") })

        try Data(good.utf8).write(to: about)
        #expect(await events.waitFor { $0.contains("event: reload") })
        let page = try await PreviewHTTPClient.get("/en/about/", port: port)
        #expect(page.status == 200)
        events.close()
        await session.stop()
    }
}
