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

/// The pieces of the preview's responses: the injected script, headers, content types, events.
@Suite("Preview responses")
struct PreviewResponseTests {
    @Test func theLiveReloadScriptGoesJustBeforeTheLastClosingBodyTag() {
        let html = "<html><body><pre>&lt;/body&gt; </body> in text</pre>\n</BODY>\n</html>"
        let injected = String(decoding: LiveReloadInjection.inject(into: Data(html.utf8)), as: UTF8.self)
        #expect(injected == "<html><body><pre>&lt;/body&gt; </body> in text</pre>\n" + LiveReloadInjection.scriptTag + "</BODY>\n</html>")
    }

    @Test func aPageWithoutABodyTagGetsTheScriptAtTheEnd() {
        let injected = String(decoding: LiveReloadInjection.inject(into: Data("<p>fragment</p>".utf8)), as: UTF8.self)
        #expect(injected == "<p>fragment</p>" + LiveReloadInjection.scriptTag)
    }

    @Test func theHostsHeadersFileDecidesEachPathsHeaders() {
        let rules = HostHeaderRules(parsing: """
        /*
          Content-Security-Policy: default-src 'none'; frame-ancestors 'none'
          Referrer-Policy: no-referrer
          Cache-Control: public, max-age=0, must-revalidate
        /en/embed/*
          ! Content-Security-Policy
          Content-Security-Policy: default-src 'none'; frame-ancestors *
        /embed.js
          Access-Control-Allow-Origin: *
        """)
        let page = Dictionary(uniqueKeysWithValues: rules.headers(forPath: "/en/about/").map { ($0.name, $0.value) })
        #expect(page["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'")
        #expect(page["Referrer-Policy"] == "no-referrer")
        #expect(page["Access-Control-Allow-Origin"] == nil)

        let embed = rules.headers(forPath: "/en/embed/services/")
        #expect(embed.filter { $0.name == "Content-Security-Policy" }.map(\.value) == ["default-src 'none'; frame-ancestors *"])
        #expect(rules.headers(forPath: "/embed.js").contains { $0.name == "Access-Control-Allow-Origin" && $0.value == "*" })
    }

    @Test func withoutAHeadersFileThePagePolicyStillApplies() {
        let headers = HostHeaderRules.fallback.headers(forPath: "/")
        #expect(headers.contains { $0.name == "Content-Security-Policy" && $0.value.contains("script-src 'self'") && $0.value.contains("frame-ancestors 'none'") })
        #expect(headers.contains { $0.name == "X-Content-Type-Options" && $0.value == "nosniff" })
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("site.3f2a1b9c.css", "text/css; charset=utf-8"),
        ("embed.js", "text/javascript; charset=utf-8"),
        ("services.json", "application/json; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("logo.svg", "image/svg+xml"),
        ("icon.PNG", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("font.woff2", "font/woff2"),
        ("_headers", "application/octet-stream"),
        (".env", "application/octet-stream"),
    ])
    func eachKindOfFileHasItsContentType(_ name: String, _ type: String) {
        #expect(MediaType.forFile(named: name) == type)
    }

    @Test func aFailureEventIsOneDataLineWithEachProblemsLocation() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "Content/en/about.md", line: 3, column: 12),
                                          "YAML syntax error:\nunclosed </script> list", hint: "Close the list.")
        let text = LiveReloadEvent.failure([diagnostic]).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: failure" && lines[1].hasPrefix("data: {") && lines[2].isEmpty && lines[3].isEmpty)
        #expect(text.contains(#""location":"Content/en/about.md:3:12""#))
        #expect(text.contains(#""message":"YAML syntax error:\nunclosed </script> list""#))
        #expect(text.contains(#""hint":"Close the list.""#))
    }

    @Test func goodBuildsCarryTheirBuildAsTheEventID() {
        #expect(LiveReloadEvent.reload(build: "abc-2").text == "id: abc-2\nevent: reload\ndata: {\"build\":\"abc-2\"}\n\n")
    }

    @Test func aPageThatMissedARebuildWhileDisconnectedIsToldToReload() async {
        let hub = LiveReloadHub()
        await hub.publishGoodBuild("s-1")
        await hub.publishGoodBuild("s-2")
        var stale = await hub.subscribe(lastEventID: "s-1").makeAsyncIterator()
        #expect(await stale.next().map { String(decoding: $0, as: UTF8.self) } == LiveReloadEvent.retryPreamble)
        #expect(await stale.next().map { String(decoding: $0, as: UTF8.self) } == LiveReloadEvent.reload(build: "s-2").text)

        var current = await hub.subscribe(lastEventID: "s-2").makeAsyncIterator()
        _ = await current.next()
        #expect(await current.next().map { String(decoding: $0, as: UTF8.self) } == LiveReloadEvent.ready(build: "s-2").text)
        await hub.close()
        #expect(await current.next() == nil)
    }

    @Test func onlyLocalHostNamesAreAnswered() {
        #expect(PreviewRequestHandler.isLocalHost("127.0.0.1:1313"))
        #expect(PreviewRequestHandler.isLocalHost("localhost:1313"))
        #expect(PreviewRequestHandler.isLocalHost("LOCALHOST"))
        #expect(PreviewRequestHandler.isLocalHost("[::1]:1313"))
        #expect(!PreviewRequestHandler.isLocalHost("127.0.0.1.attacker.example:1313"))
        #expect(!PreviewRequestHandler.isLocalHost("attacker.example"))
    }

    @Test func editorScratchFilesDoNotCountAsChanges() {
        #expect(SourceSnapshot.isScratch(".about.md.swp"))
        #expect(SourceSnapshot.isScratch("about.md~"))
        #expect(SourceSnapshot.isScratch("#about.md#"))
        #expect(!SourceSnapshot.isScratch("about.md"))
    }

    @Test func theBasePathComesFromTheBaseURL() {
        #expect(BaseURL.path(of: "http://127.0.0.1:1313/") == "/")
        #expect(BaseURL.path(of: "https://www.example.org") == "/")
        #expect(BaseURL.path(of: "https://www.example.org/humantrafficking") == "/humantrafficking/")
        #expect(BaseURL.path(of: "https://www.example.org/a/b/") == "/a/b/")
    }
}
