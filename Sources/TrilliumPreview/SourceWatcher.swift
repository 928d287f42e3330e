import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the preview which source files changed, as soon as they change, without walking the
/// site: the kernel reports each file created, saved, moved or deleted in the watched folders
/// (Linux inotify, one watch per folder, folders created later watched as they appear).
///
/// A site of 20,000 pages takes tens of milliseconds to walk, so polling every few hundred
/// milliseconds both costs a core's share and makes every edit wait for the next walk. Where
/// the kernel cannot watch (another system, too many folders for the user's inotify limit, a
/// queue that overflowed), `changes` answers nil and the preview compares snapshots instead.
final class SourceWatcher: @unchecked Sendable {
    private let root: String
    private var descriptor: Int32
    /// The watched folders' names (`Content`, `Themes`): a watched folder created later is watched then.
    private let watched: Set<String>
    /// Watched folder (relative to the site, `Content/en`) by watch descriptor.
    private var folders: [Int32: String] = [:]
    /// Paths seen changing since the last `take()`.
    private var seen: Set<String> = []
    /// Set when an event was lost: the caller must compare snapshots to know what changed.
    private var lost = false

    /// Starts watching `folders` (relative to `siteRoot`) and everything below them; nil when the
    /// system offers no such watching or refuses one of the folders.
    init?(siteRoot: URL, folders names: [String]) {
        #if os(Linux)
        root = siteRoot.path
        watched = Set(names)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let top = inotify_add_watch(descriptor, root, UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR))
        guard top >= 0 else {
            stop()
            return nil
        }
        folders[top] = ""
        for folder in names where FileManager.default.fileExists(atPath: root + "/" + folder) {
            guard watchTree(folder) else {
                stop()
                return nil
            }
        }
        #else
        return nil
        #endif
    }

    deinit {
        stop()
    }

    private func stop() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    #if os(Linux)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Watches `folder` and the folders below it (not hidden ones); false when the kernel refuses.
    private func watchTree(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, root + "/" + folder, Self.mask)
        guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        folders[watch] = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) else { return true }
        for name in names.sorted() where !SourceSnapshot.isScratch(name) {
            var info = stat()
            guard lstat(root + "/" + folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            // A folder created with files already in it (a copy, a checkout): its files changed too.
            if !watchTree(folder + "/" + name) { return false }
        }
        return true
    }
    #endif

    /// Reads the events waiting; returns whether there were any.
    @discardableResult
    func poll() -> Bool {
        #if os(Linux)
        var any = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                handle(watch: watch, mask: mask, name: name)
            }
        }
        return any
        #else
        return false
        #endif
    }

    #if os(Linux)
    private func handle(watch: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            lost = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return
        }
        guard let folder = folders[watch] else { return }
        // The folder itself going is told by its parent too.
        guard mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) == 0 else { return }
        guard !name.isEmpty, !SourceSnapshot.isScratch(name) else { return }
        // In the site's own folder, only the watched folders count.
        guard !folder.isEmpty || watched.contains(name) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                if !watchTree(path) { lost = true }
                // Files put in it before its watch began (a copy, a checkout) are found by listing it.
                addFiles(below: path)
            } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                lost = true  // a folder moved away: the files that went with it are not reported one by one
            }
            // A deleted folder's files were reported as they were deleted.
            return
        }
        seen.insert(path)
    }

    private func addFiles(below folder: String) {
        guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { return }
        while let relative = walker.nextObject() as? String {
            if SourceSnapshot.isScratch((relative as NSString).lastPathComponent) { continue }
            var info = stat()
            guard stat(root + "/" + folder + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            seen.insert(folder + "/" + relative)
        }
    }
    #endif

    /// The files that changed since the last call (saved, created, moved or deleted), sorted, or
    /// nil when events were lost and a snapshot must say what changed.
    func take() -> [String]? {
        defer {
            seen = []
            lost = false
        }
        return lost ? nil : seen.sorted()
    }
}
