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

    /// Every regular file below `folder` (relative to the site), sorted, with the given extension.
    /// Symlinks that resolve outside `folder` are reported and skipped.
    public func files(in folder: String, withExtension ext: String?, diagnostics: inout DiagnosticList) -> [String] {
        let base = root.appendingPathComponent(folder)
        let basePath = base.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey]) else {
            return []
        }
        var result: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().path
                if !(target == basePath || target.hasPrefix(basePath + "/")) {
                    diagnostics.error(SourceLocation(file: relativePath(url)), "this symbolic link points outside `\(folder)/` and is refused",
                                      hint: "Copy the file into `\(folder)/` instead of linking to it.")
                    continue
                }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            } else if values?.isRegularFile != true {
                continue
            }
            if let ext, url.pathExtension != ext { continue }
            result.append(relativePath(url))
        }
        return result.sorted()
    }

    /// Reads a text file; reports size, encoding and read problems as diagnostics.
    public func readText(_ relative: String, diagnostics: inout DiagnosticList) -> String? {
        let url = root.appendingPathComponent(relative)
        let location = SourceLocation(file: relative)
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > maximumFileSize {
            diagnostics.error(location, "the file is too large (\(size / 1_048_576) MB; the limit is \(maximumFileSize / 1_048_576) MB)",
                              hint: "Split it into several pages.")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(location, "the file cannot be read")
            return nil
        }
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
