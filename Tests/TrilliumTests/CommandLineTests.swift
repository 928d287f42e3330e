import Foundation
import Testing
@testable import TrilliumModel

/// The `trillium` executable: each subcommand shows and takes only its own options, and an
/// option's mistake reads as an option's mistake.
@Suite("The command line")
struct CommandLineTests {
    static var executable: URL? { BuildInterruptTests.executable }

    /// Runs the executable; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = try #require(executable)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test(.enabled(if: executable != nil), arguments: [
        (["new", "page", "--help"], ["--site"], ["--base-url", "--drafts", "--future", "--workers"]),
        (["new", "service", "--help"], ["--site"], ["--base-url", "--drafts", "--workers"]),
        (["check", "--help"], ["--site", "--drafts", "--future", "--workers", "--format"], ["--base-url", "--output"]),
        (["serve", "--help"], ["--site", "--port", "--drafts"], ["--workers", "--output"]),
        (["nginx-config", "--help"], ["--site", "--root", "--base-url", "--listen"], ["--drafts", "--workers", "--output"]),
        (["build", "--help"], ["--site", "--output", "--base-url", "--drafts", "--workers", "--quiet"], ["--port", "--format"]),
    ])
    func eachSubcommandListsOnlyItsOwnOptions(arguments: [String], shown: [String], notShown: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        for option in shown { #expect(result.output.contains(option), "\(arguments) should list \(option)") }
        for option in notShown { #expect(!result.output.contains(option), "\(arguments) should not list \(option)") }
    }

    /// The executable allocates with jemalloc, not glibc's malloc (which made a one-service edit
    /// of a 60,000-service preview five times slower; see BENCHMARKS.md). jemalloc reads
    /// `MALLOC_CONF` and prints its statistics at exit when asked; glibc ignores the variable.
    @Test(.enabled(if: executable != nil))
    func theExecutableAllocatesWithJemalloc() throws {
        let plain = try Self.run(["--help"])
        #expect(!plain.errors.contains("jemalloc statistics"))
        let asked = try Self.run(["--help"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(asked.status == 0)
        #expect(asked.errors.contains("Begin jemalloc statistics"), "\(asked.errors.prefix(200))")
    }

    @Test(.enabled(if: executable != nil))
    func aBadBaseURLIsReportedAsAnOptionError() throws {
        let site = FixtureSite()
        let result = try Self.run(["build", "--site", site.root.path, "--base-url", "example.org"])
        #expect(result.status == 64, "usage errors exit with EX_USAGE")
        #expect(result.errors.hasPrefix("Error: --base-url must be an absolute http or https address"), "\(result.errors)")
        #expect(!result.errors.contains(":1:1: error"), "not reported as if it were a file")
        #expect(!site.outputExists("en/index.html"))
    }

    @Test(.enabled(if: executable != nil))
    func nginxConfigReadsOnlySiteYAML() throws {
        // A page with an error would stop a build; printing a server block does not need pages.
        let site = FixtureSite(["Content/en/broken.md": "no front matter"])
        let result = try Self.run(["nginx-config", "--site", site.root.path, "--root", "/srv/site/Public"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("server {"))
        #expect(result.output.contains("alias \"/srv/site/Public/\";"))
    }
}
