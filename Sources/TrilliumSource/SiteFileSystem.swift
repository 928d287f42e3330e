import Foundation
import TrilliumModel

/// Reads a site's files from disk safely: no symlinks out of the site, valid UTF-8, bounded size.
public struct SiteFileSystem: Sendable {
    public let root: URL
    /// Largest text file accepted. Larger files are refused with a clear error instead of using unbounded memory.
    public var maximumFileSize = 8 * 1024 * 1024

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Path of `url` relative to the site folder, for diagnostics.
    public func relativePath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    /// What is at a path, not following a link.
    public enum Kind: Sendable { case regularFile, missing, other }

    /// What is at `relative`: a regular file, nothing (no such path) or something else.
    public func kind(_ relative: String) -> Kind {
        var info = stat()
        guard lstat(root.path + "/" + relative, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .other }
        return info.st_mode & S_IFMT == S_IFREG ? .regularFile : .other
    }

    /// Every regular file below `folder` (relative to the site), sorted, with the given extension.
    /// Symlinks that resolve outside `folder` are reported and skipped; hidden files and folders are skipped.
    ///
    /// Walks the folders with `readdir`, whose entries say their type, so a file costs no `stat`.
    public func files(in folder: String, withExtension ext: String?, diagnostics: inout DiagnosticList) -> [String] {
        let basePath = root.appendingPathComponent(folder).resolvingSymlinksInPath().path
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(root.path + "/" + current) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let relative = current + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root.path + "/" + relative, &info) == 0 else { continue }
                    let kind = info.st_mode & S_IFMT
                    type = kind == S_IFDIR ? Int32(DT_DIR) : kind == S_IFLNK ? Int32(DT_LNK) : kind == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
                }
                switch type {
                case Int32(DT_DIR):
                    pending.append(relative)
                case Int32(DT_LNK):
                    let target = root.appendingPathComponent(relative).resolvingSymlinksInPath().path
                    if !(target == basePath || target.hasPrefix(basePath + "/")) {
                        diagnostics.error(SourceLocation(file: relative), "this symbolic link points outside `\(folder)/` and is refused",
                                          hint: "Copy the file into `\(folder)/` instead of linking to it.")
                        continue
                    }
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                    if Self.hasExtension(name, ext) { result.append(relative) }
                case Int32(DT_REG):
                    if Self.hasExtension(name, ext) { result.append(relative) }
                default:
                    continue
                }
            }
        }
        return result.sorted()
    }

    static func hasExtension(_ name: String, _ ext: String?) -> Bool {
        guard let ext else { return true }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return name[name.index(after: dot)...] == ext
    }

    /// Reads a text file; reports size, encoding and read problems as diagnostics.
    ///
    /// One `open`, one `fstat` and the reads: no extended-attribute lookups as Foundation's
    /// `attributesOfItem` makes for every file.
    public func readText(_ relative: String, diagnostics: inout DiagnosticList) -> String? {
        let path = root.path + "/" + relative
        let location = SourceLocation(file: relative)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            diagnostics.error(location, "the file cannot be read")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            diagnostics.error(location, "the file cannot be read")
            return nil
        }
        let size = Int(info.st_size)
        if size > maximumFileSize {
            diagnostics.error(location, "the file is too large (\(size / 1_048_576) MB; the limit is \(maximumFileSize / 1_048_576) MB)",
                              hint: "Split it into several pages.")
            return nil
        }
        var data = Data(count: size)
        var total = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while total < size {
                let count = read(descriptor, base + total, size - total)
                if count < 0 { if errno == EINTR { continue }; return false }
                if count == 0 { break }
                total += count
            }
            return true
        }
        guard complete else {
            diagnostics.error(location, "the file cannot be read")
            return nil
        }
        if total < size { data.removeSubrange(total...) }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            diagnostics.error(SourceLocation(file: relative, line: line, column: column), "the file is not valid UTF-8 text",
                              hint: "Save the file as UTF-8 in your editor.")
            return nil
        }
        return text
    }

    /// Line and column of the first byte that breaks UTF-8 decoding.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var index = 0, line = 1, lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            if length > 1, !bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) { return (line, index - lineStart + 1) }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }
}
