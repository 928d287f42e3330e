import Foundation
import Testing
@testable import TrilliumPreview

/// The preview learns which files changed from the kernel, without walking the site.
@Suite("Source watcher")
struct SourceWatcherTests {
    /// Polls until events stop coming (at most about two seconds), then returns what was reported.
    static func changes(_ watcher: SourceWatcher) -> [String]? {
        var quiet = 0
        for _ in 0..<200 where quiet < 5 {
            usleep(10_000)
            quiet = watcher.poll() ? 0 : quiet + 1
        }
        return watcher.take()
    }

    @Test func savedCreatedAndDeletedFilesAreReportedByTheirPathsAndScratchFilesAreNot() throws {
        let site = FixtureSite()
        let watcher = try #require(SourceWatcher(siteRoot: site.root, folders: SourceSnapshot.watchedFolders))
        site.write("Content/en/_index.md", site.source("Content/en/_index.md") + "\nMore.\n")
        site.write("Content/en/._index.md.swp", "scratch")
        site.write("Content/en/_index.md~", "backup")
        site.remove("Content/fr/_index.md")
        #expect(Self.changes(watcher) == ["Content/en/_index.md", "Content/fr/_index.md"])
        #expect(Self.changes(watcher) == [], "what was taken is not reported again")
    }

    @Test func aFolderCreatedWithFilesInItIsWatchedAndItsFilesReported() throws {
        let site = FixtureSite()
        let watcher = try #require(SourceWatcher(siteRoot: site.root, folders: SourceSnapshot.watchedFolders))
        site.write("Content/en/new-section/_index.md", "---\ntitle: New\n---\n")
        site.write("Content/en/new-section/deeper/page.md", "---\ntitle: Page\n---\n")
        let first = try #require(Self.changes(watcher))
        #expect(first.contains("Content/en/new-section/_index.md"))
        #expect(first.contains("Content/en/new-section/deeper/page.md"))
        // The new folders are watched from now on.
        site.write("Content/en/new-section/deeper/page.md", "---\ntitle: Page, edited\n---\n")
        #expect(Self.changes(watcher) == ["Content/en/new-section/deeper/page.md"])
    }

    @Test func aThemesFolderCreatedAfterTheStartIsWatched() throws {
        let site = FixtureSite()
        site.remove("Themes")
        let watcher = try #require(SourceWatcher(siteRoot: site.root, folders: SourceSnapshot.watchedFolders))
        site.write("Themes/mine/theme.yaml", "extends: default\n")
        #expect(Self.changes(watcher) == ["Themes/mine/theme.yaml"])
        site.write("Themes/mine/i18n/en.yaml", "home: Home\n")
        #expect(Self.changes(watcher) == ["Themes/mine/i18n/en.yaml"])
        site.write("notes.txt", "not a source")
        #expect(Self.changes(watcher) == [], "files beside the watched folders are not sources")
    }

    @Test func aFolderMovedAwayAsksForASnapshotInstead() throws {
        let site = FixtureSite()
        site.write("Content/en/old/page.md", "---\ntitle: Old\n---\n")
        let watcher = try #require(SourceWatcher(siteRoot: site.root, folders: SourceSnapshot.watchedFolders))
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/en/old"),
                                         to: site.container.appendingPathComponent("moved-away"))
        #expect(Self.changes(watcher) == nil)
        #expect(Self.changes(watcher) == [], "once a snapshot was asked for, events count again")
    }
}
