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

/// A build stopped half-way (Ctrl-C or a kill) leaves the published output exactly as it was,
/// and the next build succeeds and removes what the stopped one left behind.
///
/// The build runs as a child process: the `trillium` executable that `swift build`/`swift test`
/// puts beside the test bundle (or the one named by `TRILLIUM_EXECUTABLE`).
@Suite("Interrupted builds", .serialized)
struct BuildInterruptTests {
    static var executable: URL? {
        if let path = ProcessInfo.processInfo.environment["TRILLIUM_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("trillium") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A site of `pairs` page pairs, big enough that a build takes a noticeable time.
    static func largeSite(pairs: Int) -> FixtureSite {
        var files: [String: String] = [:]
        let paragraph = "Someone who is trafficked may not control their own money, phone or papers. Help is free and private. "
        for number in 1...pairs {
            let name = "page-\(number)"
            let body = (1...4).map { "## Part \($0)\n\n" + String(repeating: paragraph, count: 6) }.joined(separator: "\n\n")
            files["Content/en/pages/\(name).md"] = FixtureSite.page(title: "Page \(number)", description: "Page number \(number).", ["weight: \(number)"], body: body)
            files["Content/fr/pages/\(name).md"] = FixtureSite.page(title: "Page \(number)", description: "Page numéro \(number).", ["weight: \(number)", "slug: page-fr-\(number)"], body: body)
        }
        files["Content/en/pages/_index.md"] = FixtureSite.page(title: "Pages", description: "All pages.")
        files["Content/fr/pages/_index.md"] = FixtureSite.page(title: "Pages", description: "Toutes les pages.", ["slug: pages-fr"])
        return FixtureSite(files)
    }

    /// Entries beside the output that a build leaves while it runs (`.Public.staging-<pid>`, `.Public.old-…`).
    static func leftovers(of site: FixtureSite) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: site.container.path)) ?? []
        return names.filter { $0.hasPrefix(".Public.staging-") || $0.hasPrefix(".Public.old-") }.sorted()
    }

    /// Starts `trillium build` on the site, waits until it is writing its staging folder, sends `signal`, and waits for it to end.
    /// Returns the staging folder's name, or nil (with an issue recorded) when the build could not be caught mid-way.
    static func interruptBuild(of site: FixtureSite, with signal: Int32, executable: URL) throws -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--site", site.root.path, "--output", site.output.path, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["TRILLIUM_TODAY"] = FixtureSite.today.description
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = site.container.appendingPathComponent(".Public.staging-\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(60)
        // Wait until the child has written some pages into its staging folder.
        while process.isRunning, Date() < deadline {
            let written = (try? FileManager.default.subpathsOfDirectory(atPath: staging.path))?.count ?? 0
            if written > 20 { break }
            usleep(2_000)
        }
        guard process.isRunning else {
            Issue.record("the build ended (status \(process.terminationStatus)) before it could be interrupted; make the site larger")
            return nil
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build was not stopped by signal \(signal)")
        #expect(process.terminationStatus == signal)
        return staging.lastPathComponent
    }

    @Test(.enabled(if: executable != nil, "the trillium executable is not beside the test bundle (set TRILLIUM_EXECUTABLE)"),
          .timeLimit(.minutes(5)))
    func anInterruptedBuildKeepsThePreviousOutputAndTheNextBuildCleansUp() throws {
        let executable = try #require(Self.executable)
        let site = Self.largeSite(pairs: 400)
        try #require(site.buildSucceeds() != nil)
        let published = OutputSnapshot(site.output)
        #expect(published.files.count > 800)

        // A finished build would now change the home page, so an unchanged output proves nothing was swapped in.
        site.edit("Content/en/_index.md", replacing: "title: Welcome", with: "title: Welcome back")

        var stopped: [String] = []
        for signal in [SIGINT, SIGKILL] {
            guard let staging = try Self.interruptBuild(of: site, with: signal, executable: executable) else { continue }
            stopped.append(staging)
            let differences = published.differences(from: OutputSnapshot(site.output))
            #expect(differences.isEmpty, "signal \(signal) changed the output: \(differences.prefix(5))")
            #expect(Self.leftovers(of: site).contains(staging), "the stopped build's staging folder should be left for the next build")
        }
        #expect(stopped.count == 2)

        // The next build succeeds, publishes the change, and removes the stopped builds' folders (in the background).
        try #require(site.buildSucceeds() != nil)
        #expect(site.page("en/index.html").contains("<h1>Welcome back</h1>"))
        let deadline = Date().addingTimeInterval(20)
        while !Self.leftovers(of: site).isEmpty, Date() < deadline { usleep(50_000) }
        #expect(Self.leftovers(of: site).isEmpty, "left behind: \(Self.leftovers(of: site))")
    }
}
