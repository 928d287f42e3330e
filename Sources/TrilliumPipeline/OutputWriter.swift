import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// Writes a build into a staging folder beside the output, then swaps it into place.
///
/// A failed or interrupted build never touches the output: the staging folder is simply left
/// behind (and reused or cleared by the next build).
///
/// Creating tens of thousands of files and folders, and deleting the previous tree, cost more
/// than rendering them on a disk (ext4's inode allocator slows down after a mass delete). So the
/// tree a build replaces is not deleted: it is kept beside the output (`.Public.previous`) and the
/// next build takes it as its staging folder (a rename, so only one build can take it). Such a
/// recycled folder already has the site's folders and files: a file whose bytes are unchanged is
/// left as it is (its modification time too), a changed one is rewritten in place, and once every
/// file is written, the files and folders this build did not write are removed before the swap.
/// The output is the same bytes either way. A staging folder left by an interrupted build is
/// recycled the same way; anything else left beside the output is deleted by a detached process.
public final class OutputWriter: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    /// Whether `staging` started as an earlier tree (its files are overwritten or swept).
    public let recycled: Bool
    private let lock = NSLock()
    private var written = 0
    private var createdFolders: Set<String> = []
    private var writtenPaths: [String] = []
    /// Told about every file written.
    public var onFileWritten: (@Sendable (String) -> Void)?

    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(getpid())")
        // A folder of this name is an earlier process's that had this process id: removed in the background.
        if FileManager.default.fileExists(atPath: staging.path) { Self.removeInBackground(Self.trashName(staging, output: self.output)) }
        recycled = Self.claimEarlierTree(beside: self.output, as: staging)
        if !recycled {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        }
    }

    /// The folder beside `output` that keeps the tree the last build replaced.
    static func previousTree(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    public var filesWritten: Int { lock.withLock { written } }

    /// Writes `data` at `path` below the site root (no leading slash). Safe from many threads.
    public func write(_ data: Data, to path: String) throws {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output paths are planned inside the site")
        let full = staging.path + "/" + path
        try makeFolders(of: path)
        if recycled {
            try Self.rewriteFile(data, at: full)
        } else {
            try Self.writeFile(data, to: full)
        }
        lock.withLock {
            written += 1
            writtenPaths.append(path)
        }
        onFileWritten?(path)
    }

    /// Creates the folders above `path` that this writer has not made yet, one `mkdir` each
    /// (no `stat` of every ancestor, as `createDirectory(withIntermediateDirectories:)` does).
    private func makeFolders(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ createdFolders.contains(folder) }) { return }
        // The `mkdir`s run outside the lock (on a slow disk each takes long, and every other
        // writer would wait for it). A folder joins `createdFolders` only once it exists, so no
        // thread writes into a folder another thread is still making; two threads may both make
        // one, and the second gets EEXIST.
        var prefix = ""
        var made: [String] = []
        for component in folder.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            if lock.withLock({ createdFolders.contains(prefix) }) { continue }
            let full = staging.path + "/" + prefix
            if mkdir(full, 0o755) != 0 {
                guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                // In a recycled tree the name may be a file or a link from an earlier build:
                // only a real folder is written into.
                if recycled, !Self.isRealFolder(full) {
                    try? FileManager.default.removeItem(atPath: full)
                    if mkdir(full, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                }
            }
            made.append(prefix)
        }
        lock.withLock { createdFolders.formUnion(made) }
    }

    static func isRealFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Plain open/write/close. `Data.write(to:)` syncs every file to disk, which costs more than
    /// the whole render on a slow disk; durability comes from the swap, not from each file.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += count
            }
        }
    }

    /// Writes `data` at `path` in a recycled tree: a file already holding these bytes is left
    /// alone; any other file is rewritten in place; a folder or link of that name is replaced.
    static func rewriteFile(_ data: Data, at path: String) throws {
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0, errno == EISDIR || errno == ELOOP {
            try? FileManager.default.removeItem(atPath: path)
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count, holds(data, descriptor) { return }
        guard ftruncate(descriptor, 0) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try writeAll(data, to: descriptor)
    }

    /// Whether the open file (at its start, of `data`'s size) holds exactly `data`. Read a piece at
    /// a time, so comparing a file of hundreds of megabytes (`services.json`) needs no second copy
    /// of it in memory, and stops at the first difference.
    private static func holds(_ data: Data, _ descriptor: Int32) -> Bool {
        if data.isEmpty { return true }
        var piece = [UInt8](repeating: 0, count: min(data.count, 1 << 16))
        var offset = 0
        let same = data.withUnsafeBytes { wanted -> Bool in
            while offset < wanted.count {
                let size = min(piece.count, wanted.count - offset)
                var filled = 0
                while filled < size {
                    let count = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { return false }
                    filled += count
                }
                guard memcmp(wanted.baseAddress! + offset, piece, size) == 0 else { return false }
                offset += size
            }
            return true
        }
        return lseek(descriptor, 0, SEEK_SET) == 0 && same
    }

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Moves the finished build into place. The previous output is kept beside it for the next
    /// build to recycle (see the type's notes).
    public func commit() throws {
        if recycled { try sweep() }
        let fileManager = FileManager.default
        let previous = Self.previousTree(of: output)
        var old: URL?
        if fileManager.fileExists(atPath: output.path) {
            // Normally the next build took the last one away; if not, it goes to the background.
            if fileManager.fileExists(atPath: previous.path) { Self.removeInBackground(Self.trashName(previous, output: output)) }
            try fileManager.moveItem(at: output, to: previous)
            old = previous
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if let old { try? fileManager.moveItem(at: old, to: output) }
            throw error
        }
    }

    /// Renames `url` to a fresh old-tree name beside `output` (which a later build removes if this
    /// removal is interrupted), and returns the new name (or `url` if it could not be renamed).
    static func trashName(_ url: URL, output: URL) -> URL {
        let trash = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        return rename(url.path, trash.path) == 0 ? trash : url
    }

    /// Removes what this build did not write from a recycled staging folder: files of pages that
    /// are gone, and folders that no longer hold any page. One `getdents` walk, no `stat` per entry.
    /// The first two levels are walked here; the folders below them (`en/services`, `fr/embed`…)
    /// on all workers, since at 60,000 services the walk meets 390,000 files.
    private func sweep() throws {
        let (keptFiles, keptFolders) = lock.withLock { (Set(writtenPaths), createdFolders) }
        var folders = [(full: staging.path, relative: "")]
        for _ in 0..<2 {
            folders = try folders.flatMap { try Self.sweepEntries(folder: $0.full, relative: $0.relative, keptFiles: keptFiles, keptFolders: keptFolders) }
        }
        let failures = Parallel.map(folders.count, workers: ProcessInfo.processInfo.activeProcessorCount) { [folders] index -> SweepFailure? in
            do {
                try Self.sweep(folder: folders[index].full, relative: folders[index].relative, keptFiles: keptFiles, keptFolders: keptFolders)
                return nil
            } catch {
                return SweepFailure(error: error)
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure.error }
    }

    private struct SweepFailure: @unchecked Sendable {
        let error: any Error
    }

    private static func sweep(folder: String, relative: String, keptFiles: Set<String>, keptFolders: Set<String>) throws {
        for inner in try sweepEntries(folder: folder, relative: relative, keptFiles: keptFiles, keptFolders: keptFolders) {
            try sweep(folder: inner.full, relative: inner.relative, keptFiles: keptFiles, keptFolders: keptFolders)
        }
    }

    /// Removes the entries of `folder` this build did not write, and gives its folders that stay.
    private static func sweepEntries(folder: String, relative: String, keptFiles: Set<String>,
                                     keptFolders: Set<String>) throws -> [(full: String, relative: String)] {
        guard let directory = opendir(folder) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        var folders: [(full: String, relative: String)] = []
        for (name, type) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = folder + "/" + name
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) { isFolder = isRealFolder(full) }
            if isFolder {
                if keptFolders.contains(path) {
                    folders.append((full, path))
                } else {
                    try FileManager.default.removeItem(atPath: full)
                }
            } else if !keptFiles.contains(path) {
                if unlink(full) != 0, errno != ENOENT { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        }
        return folders
    }

    /// Gives up on this build: the output stays exactly as it was. The staging folder is kept
    /// for the next build to recycle when no earlier tree is kept already, else removed.
    public func discard() {
        let previous = Self.previousTree(of: output)
        if FileManager.default.fileExists(atPath: previous.path) || rename(staging.path, previous.path) != 0 {
            Self.removeInBackground(staging)
        }
    }

    /// Takes an earlier tree as the staging folder `staging`: the tree the last build replaced,
    /// else a staging folder an interrupted build left. Whatever else was left beside the output
    /// (more staging folders, old trees) is removed in the background. Returns whether one was taken.
    static func claimEarlierTree(beside output: URL, as staging: URL) -> Bool {
        let parent = output.deletingLastPathComponent()
        let stagingPrefix = ".\(output.lastPathComponent).staging-", oldPrefix = ".\(output.lastPathComponent).old-"
        var claimed = rename(previousTree(of: output).path, staging.path) == 0
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for name in names where name.hasPrefix(stagingPrefix) || name.hasPrefix(oldPrefix) {
            let url = parent.appendingPathComponent(name)
            if url.lastPathComponent == staging.lastPathComponent { continue }
            if name.hasPrefix(stagingPrefix) {
                // Skip a staging folder of a build that is still running.
                if let pid = Int32(name.dropFirst(stagingPrefix.count)), kill(pid, 0) == 0 { continue }
                if !claimed, rename(url.path, staging.path) == 0 {
                    claimed = true
                    continue
                }
            }
            removeInBackground(url)
        }
        return claimed
    }

    /// Deletes a folder from a detached `rm` so the caller does not wait for the disk. The `rm`
    /// runs at the lowest CPU and disk priority (when `nice` and `ionice` exist), so it does not
    /// compete with the next build for the disk.
    static func removeInBackground(_ url: URL) {
        let process = Process()
        let nice = "/usr/bin/nice", ionice = "/usr/bin/ionice"
        if FileManager.default.isExecutableFile(atPath: nice), FileManager.default.isExecutableFile(atPath: ionice) {
            process.executableURL = URL(fileURLWithPath: nice)
            process.arguments = ["-n", "19", ionice, "-c", "3", "/bin/rm", "-rf", "--", url.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/rm")
            process.arguments = ["-rf", "--", url.path]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { try? FileManager.default.removeItem(at: url) }
    }
}
