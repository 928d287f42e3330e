import Foundation

/// Writes a file so that a reader sees either the old or the new text, never half of one:
/// the bytes go to a hidden temporary file beside it, are flushed to disk, then renamed over it.
enum AtomicFileWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Hidden and ending in .tmp: the site loader and the preview's watcher both skip it.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            guard let start = buffer.baseAddress else { return fsync(descriptor) == 0 }
            while written < buffer.count {
                let count = Foundation.write(descriptor, start + written, buffer.count - written)
                if count <= 0 { return false }
                written += count
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok else {
            unlink(temporary)
            throw Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot move the new text into \(url.path): \(reason)")
        }
        let folderDescriptor = open(folder.path, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
