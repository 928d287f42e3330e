import Foundation

/// Where the editor keeps a person's version of a file that changed on disk while they edited
/// it: `.trillium/conflicts/` in the site folder, outside `Content/` so the site never builds it,
/// with a `.gitignore` that keeps the folder out of commits. Nothing there is ever deleted by Trillium.
struct ConflictCopies: Sendable {
    let folder: URL

    init(siteRoot: URL) {
        folder = siteRoot.appendingPathComponent(".trillium/conflicts", isDirectory: true)
    }

    /// Writes `text` as `<path without extension>.conflict-<time>.<extension>` and returns its
    /// path relative to the site folder.
    func keep(_ text: String, for path: ContentPath, at date: Date = Date()) throws -> String {
        let base = folder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let ignore = base.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try Data("# Trillium's editor keeps conflicting versions here; never committed.\n*\n".utf8).write(to: ignore)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let name = (path.relative as NSString).deletingPathExtension
        let ext = (path.relative as NSString).pathExtension
        var relative = "\(name).conflict-\(formatter.string(from: date)).\(ext)"
        var counter = 1
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path) {
            counter += 1
            relative = "\(name).conflict-\(formatter.string(from: date))-\(counter).\(ext)"
        }
        try AtomicFileWriter.write(Data(text.utf8), to: folder.appendingPathComponent(relative), permissions: 0o600)
        return ".trillium/conflicts/" + relative
    }
}
