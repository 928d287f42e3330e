import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// What the watched folders (`Content/`, `Themes/`) hold: every file's size, change time and
/// identity. Comparing two snapshots tells whether anything was added, removed or saved.
///
/// On Linux the preview learns what changed from the kernel (`SourceWatcher`); snapshots are the
/// fallback where it cannot (other systems, network drives, an inotify limit reached, lost events).
public struct SourceSnapshot: Equatable, Sendable {
    struct Fingerprint: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64

        init(_ info: stat) {
            size = Int64(info.st_size)
            #if canImport(Darwin)
            modified = Self.nanoseconds(info.st_mtimespec)
            changed = Self.nanoseconds(info.st_ctimespec)
            #else
            modified = Self.nanoseconds(info.st_mtim)
            changed = Self.nanoseconds(info.st_ctim)
            #endif
            inode = UInt64(info.st_ino)
        }

        private static func nanoseconds(_ time: timespec) -> Int64 {
            Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        }
    }

    /// Fingerprints by path relative to the site folder.
    var files: [String: Fingerprint]

    public static let watchedFolders = ["Content", "Themes"]

    /// Walks the watched folders. Hidden files and editor backups (`.x.swp`, `x~`, `#x#`) are left out,
    /// so an editor's scratch files do not cause rebuilds.
    public static func take(siteRoot: URL, folders: [String] = watchedFolders) -> SourceSnapshot {
        var files: [String: Fingerprint] = [:]
        let manager = FileManager.default
        for folder in folders {
            let base = siteRoot.appendingPathComponent(folder).path
            guard let walker = manager.enumerator(atPath: base) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if isScratch(name) {
                    if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                // stat follows symlinks, so saving the file a link points to is noticed too.
                var info = stat()
                guard stat(base + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                files[folder + "/" + relative] = Fingerprint(info)
            }
        }
        return SourceSnapshot(files: files)
    }

    /// Paths added, removed or changed since `old`, sorted, for the terminal.
    public func changes(since old: SourceSnapshot) -> [String] {
        let paths = Set(files.keys).union(old.files.keys)
        return paths.filter { files[$0] != old.files[$0] }.sorted()
    }

    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
    }
}
