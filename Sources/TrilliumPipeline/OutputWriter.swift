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
/// behind (and cleared by the next build). The old tree is renamed away and deleted by a
/// detached process, so nobody waits for a slow disk to remove thousands of files.
public final class OutputWriter: @unchecked Sendable {
    public let output: URL
    public let staging: URL
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
        Self.removeLeftovers(beside: self.output)
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public var filesWritten: Int { lock.withLock { written } }

    /// Writes `data` at `path` below the site root (no leading slash). Safe from many threads.
    public func write(_ data: Data, to path: String) throws {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output paths are planned inside the site")
        let full = staging.path + "/" + path
        try makeFolders(of: path)
        try Self.writeFile(data, to: full)
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
        // Under the lock, so no thread writes into a folder another thread is still making.
        try lock.withLock {
            if createdFolders.contains(folder) { return }
            var prefix = ""
            for component in folder.split(separator: "/") {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                if createdFolders.contains(prefix) { continue }
                if mkdir(staging.path + "/" + prefix, 0o755) != 0, errno != EEXIST {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                createdFolders.insert(prefix)
            }
        }
    }

    /// Plain open/write/close. `Data.write(to:)` syncs every file to disk, which costs more than
    /// the whole render on a slow disk; durability comes from the swap, not from each file.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
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

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Moves the finished build into place. The previous output is renamed, then removed in the background.
    public func commit() throws {
        let fileManager = FileManager.default
        var old: URL?
        if fileManager.fileExists(atPath: output.path) {
            let trash = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())-\(Int(Date().timeIntervalSince1970))-\(UInt32.random(in: 0...UInt32.max))")
            try fileManager.moveItem(at: output, to: trash)
            old = trash
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if let old { try? fileManager.moveItem(at: old, to: output) }
            throw error
        }
        if let old { Self.removeInBackground(old) }
    }

    /// Moves only the files written by this writer into the existing output, each with a rename,
    /// so a page being read is either the old one or the new one. For re-rendering a few pages.
    public func commitIntoExistingOutput() throws {
        let paths = lock.withLock { writtenPaths }
        for path in paths {
            let target = output.path + "/" + path
            let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if rename(staging.path + "/" + path, target) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        discard()
    }

    /// Gives up on this build: the output stays exactly as it was.
    public func discard() {
        Self.removeInBackground(staging)
    }

    /// Staging and old trees left by interrupted builds of this output.
    static func removeLeftovers(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            // Skip a staging folder of a build that is still running.
            if name.hasPrefix(prefixes[0]), let pid = Int32(name.dropFirst(prefixes[0].count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            removeInBackground(parent.appendingPathComponent(name))
        }
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
