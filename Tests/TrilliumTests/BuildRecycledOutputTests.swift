import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumPipeline
import TrilliumDefaultTheme

/// A build keeps the tree it replaces beside the output (`.Public.previous`) and the next build
/// writes into it in place (`OutputWriter`): whatever that tree held, the output must be exactly
/// what a build into an empty folder gives, and a failed build must still leave the output alone.
@Suite("Recycled output trees")
struct BuildRecycledOutputTests {
    static func site() -> FixtureSite {
        FixtureSite([
            "Content/en/guides/_index.md": FixtureSite.page(title: "Guides", description: "All guides."),
            "Content/fr/guides/_index.md": FixtureSite.page(title: "Guides", description: "Tous les guides.", ["slug: guides-fr"]),
            "Content/en/guides/first.md": FixtureSite.page(title: "First", description: "The first.", ["weight: 1"], body: "One."),
            "Content/fr/guides/first.md": FixtureSite.page(title: "Premier", description: "Le premier.", ["weight: 1"], body: "Un."),
            "Content/en/guides/second.md": FixtureSite.page(title: "Second", description: "The second.", ["weight: 2"], body: "Two."),
            "Content/fr/guides/second.md": FixtureSite.page(title: "Deuxième", description: "Le deuxième.", ["weight: 2"], body: "Deux."),
        ])
    }

    static func previousTree(_ site: FixtureSite) -> URL {
        site.container.appendingPathComponent(".Public.previous")
    }

    /// Every folder below `folder` (relative paths), without following links.
    static func folders(_ folder: URL) -> Set<String> {
        var found: Set<String> = []
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return [] }
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isDirectory == true, values?.isSymbolicLink != true {
                found.insert(String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.count)))
            }
        }
        return found
    }

    static func identity(_ url: URL) -> (inode: UInt64, modified: Int) {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return (0, 0) }
        return (UInt64(status.st_ino), Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
    }

    /// The same site built into an empty folder elsewhere.
    static func freshBuild(of site: FixtureSite) throws -> (OutputSnapshot, Set<String>) {
        let elsewhere = site.container.appendingPathComponent("fresh-\(UUID().uuidString)/Public")
        try #require(site.buildSucceeds(output: elsewhere) != nil)
        return (OutputSnapshot(elsewhere), folders(elsewhere))
    }

    @Test func aRecycledTreeGivesExactlyWhatAFreshBuildGives() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        let first = Self.identity(site.output.appendingPathComponent("robots.txt"))
        try #require(site.buildSucceeds() != nil)
        #expect(FileManager.default.fileExists(atPath: Self.previousTree(site).path), "the replaced tree is kept for the next build")

        // Pages come and go, a page changes: the third build writes into the first build's tree.
        site.remove("Content/en/guides/second.md")
        site.remove("Content/fr/guides/second.md")
        site.write("Content/en/guides/third.md", FixtureSite.page(title: "Third", description: "The third.", ["weight: 3"], body: "Three."))
        site.write("Content/fr/guides/third.md", FixtureSite.page(title: "Troisième", description: "Le troisième.", ["weight: 3"], body: "Trois."))
        site.edit("Content/en/guides/first.md", replacing: "One.", with: "One, again.")
        try #require(site.buildSucceeds() != nil)

        let (fresh, freshFolders) = try Self.freshBuild(of: site)
        let recycled = OutputSnapshot(site.output)
        #expect(recycled == fresh, "differences: \(recycled.differences(from: fresh).prefix(10))")
        #expect(Self.folders(site.output) == freshFolders, "folders of removed pages are gone")
        #expect(!site.outputExists("en/guides/second/index.html"))
        #expect(site.page("en/guides/first/index.html").contains("One, again."))
        // An unchanged file is the first build's own file, not written again.
        let third = Self.identity(site.output.appendingPathComponent("robots.txt"))
        #expect(third.inode == first.inode && third.modified == first.modified, "robots.txt was rewritten although its bytes did not change")
    }

    @Test func whateverTheKeptTreeHoldsIsReplaced() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        try #require(site.buildSucceeds() != nil)
        let previous = Self.previousTree(site)
        let manager = FileManager.default
        // A link where a page goes, pointing outside the tree: the build must not write through it.
        let outside = site.container.appendingPathComponent("outside.html")
        try Data("keep me".utf8).write(to: outside)
        let page = previous.appendingPathComponent("en/guides/first/index.html")
        try manager.removeItem(at: page)
        try manager.createSymbolicLink(at: page, withDestinationURL: outside)
        // A file where a folder goes, a folder where a file goes, and strays.
        try manager.removeItem(at: previous.appendingPathComponent("fr/guides-fr"))
        try Data("not a folder".utf8).write(to: previous.appendingPathComponent("fr/guides-fr"))
        try manager.removeItem(at: previous.appendingPathComponent("robots.txt"))
        try manager.createDirectory(at: previous.appendingPathComponent("robots.txt/inside"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: previous.appendingPathComponent("en/stray.html"))
        try manager.createDirectory(at: previous.appendingPathComponent("old/section"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: previous.appendingPathComponent("old/section/index.html"))
        // Strays below the second level, where the folders are swept on several workers.
        try Data("stray".utf8).write(to: previous.appendingPathComponent("en/guides/first/stray.html"))
        try manager.createDirectory(at: previous.appendingPathComponent("en/guides/gone/deeper/still"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: previous.appendingPathComponent("en/guides/gone/deeper/still/index.html"))
        // A different size, and the same size with different bytes.
        let home = previous.appendingPathComponent("en/index.html")
        let homeText = try Data(contentsOf: home)
        try Data(homeText.dropLast(10)).write(to: home)
        let feed = previous.appendingPathComponent("sitemap.xml")
        var feedBytes = try Data(contentsOf: feed)
        feedBytes[feedBytes.count / 2] ^= 0x01
        try feedBytes.write(to: feed)

        try #require(site.buildSucceeds() != nil)
        let (fresh, freshFolders) = try Self.freshBuild(of: site)
        let recycled = OutputSnapshot(site.output)
        #expect(recycled == fresh, "differences: \(recycled.differences(from: fresh).prefix(10))")
        #expect(Self.folders(site.output) == freshFolders)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me", "a link in the kept tree was written through")
        var status = stat()
        #expect(lstat(site.output.appendingPathComponent("en/guides/first/index.html").path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG)
    }

    @Test func aFailedBuildLeavesTheOutputAndKeepsTheTreeForLater() throws {
        let site = Self.site()
        try #require(site.buildSucceeds() != nil)
        try #require(site.buildSucceeds() != nil)
        let before = OutputSnapshot(site.output)
        site.edit("Content/en/guides/first.md", replacing: "One.", with: "See [nowhere](nowhere.md).")
        _ = site.buildFails()
        #expect(OutputSnapshot(site.output) == before, "differences: \(before.differences(from: OutputSnapshot(site.output)).prefix(10))")
        #expect(FileManager.default.fileExists(atPath: Self.previousTree(site).path), "the tree the failed build took is kept again")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.container.path).filter { $0.hasPrefix(".Public.staging-") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")

        site.edit("Content/en/guides/first.md", replacing: "See [nowhere](nowhere.md).", with: "One, fixed.")
        try #require(site.buildSucceeds() != nil)
        let (fresh, _) = try Self.freshBuild(of: site)
        #expect(OutputSnapshot(site.output) == fresh)
    }

    /// A kept file is compared a piece at a time: a large file that differs only past the first
    /// piece, or only in its last byte, is rewritten whole; an equal one is left alone.
    @Test func largeFilesAreComparedPieceByPiece() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-rewrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("services.json").path
        var bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        func inode() throws -> Int { try (FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int) ?? -1 }
        let before = try inode()
        for position in [299_999, 70_000, 65_536, 0] {
            bytes[position] &+= 1
            try OutputWriter.rewriteFile(Data(bytes), at: path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "changed at \(position)")
        }
        let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        try OutputWriter.rewriteFile(Data(bytes), at: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == written, "an equal file is not written")
        #expect(try inode() == before, "rewritten in place")
    }
}
