import Foundation

/// Unsaved texts, one file each in an owner-only folder of the preview's private workspace,
/// keyed by content path. They survive a reload of the editor page; the browser keeps nothing.
///
/// A draft file is `trillium-draft 1`, the path, the base fingerprint, then the text, one per line.
struct DraftStore: Sendable {
    let folder: URL
    private static let header = "trillium-draft 1"

    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func draft(_ path: ContentPath) -> Draft? {
        guard let data = FileManager.default.contents(atPath: file(for: path).path) else { return nil }
        return Self.decode(String(decoding: data, as: UTF8.self))
    }

    func save(_ draft: Draft) throws {
        let text = [Self.header, draft.path.relative, draft.base, draft.text].joined(separator: "\n")
        try AtomicFileWriter.write(Data(text.utf8), to: file(for: draft.path), permissions: 0o600)
    }

    func remove(_ path: ContentPath) {
        try? FileManager.default.removeItem(at: file(for: path))
    }

    /// Every draft, sorted by path.
    func all() -> [Draft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".draft") }.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).flatMap { Self.decode(String(decoding: $0, as: UTF8.self)) }
        }.sorted { $0.path < $1.path }
    }

    /// The path, hex-encoded, so any content path maps to one plain file name.
    func file(for path: ContentPath) -> URL {
        folder.appendingPathComponent(path.relative.utf8.map { String(format: "%02x", $0) }.joined() + ".draft")
    }

    static func decode(_ text: String) -> Draft? {
        let parts = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == header, let path = ContentPath(String(parts[1])) else { return nil }
        return Draft(path: path, base: String(parts[2]), text: String(parts[3]))
    }
}
