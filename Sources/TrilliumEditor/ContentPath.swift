import Foundation
import TrilliumModel

/// A file below `Content/` that the editor may read or write, checked before any disk access.
///
/// Paths come from the browser, so each is held to a narrow form: `en/…/name.md`,
/// `fr/…/name.md` or `services/<id>.yaml`; every segment a plain name (no `.` or `..`, no hidden
/// files, no separators or control characters). On disk, the deepest folder that exists is
/// resolved through symlinks and must still be inside `Content/`, and an existing file must be a
/// regular file, not a symlink.
struct ContentPath: Sendable, Hashable, Comparable {
    enum Kind: Sendable { case page(Language), service }

    /// Below `Content/`: `en/get-help/_index.md`.
    let relative: String
    let kind: Kind

    static let maximumLength = 400

    init?(_ raw: String) {
        guard !raw.isEmpty, raw.utf8.count <= Self.maximumLength else { return nil }
        let segments = raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 2, segments.allSatisfy(Self.isPlainName) else { return nil }
        switch segments[0] {
        case "en", "fr":
            guard let name = segments.last, name.hasSuffix(".md"), name.count > 3 else { return nil }
            kind = .page(segments[0] == "en" ? .en : .fr)
        case "services":
            guard segments.count == 2, segments[1].hasSuffix(".yaml"), Slug.isValid(String(segments[1].dropLast(5))) else { return nil }
            kind = .service
        default:
            return nil
        }
        relative = raw
    }

    /// `Content/en/about.md`, as diagnostics name it.
    var sitePath: String { "Content/" + relative }

    /// For a page: the path below its language folder (`about.md`).
    var pagePath: String { String(relative.drop { $0 != "/" }.dropFirst()) }

    var language: Language? {
        if case .page(let language) = kind { return language }
        return nil
    }

    static func page(_ language: Language, _ pagePath: String) -> ContentPath? {
        ContentPath("\(language.rawValue)/\(pagePath)")
    }

    static func isPlainName(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != "..", !name.hasPrefix("."), name.count <= 120 else { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == "%" || $0 == ":" || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// The file on disk, when it is safe to use: inside the site's real `Content/` folder,
    /// reached without leaving it through a symlink, and not itself a symlink.
    func resolve(in siteRoot: URL) -> URL? {
        guard let content = Self.realPath(siteRoot.appendingPathComponent("Content").path) else { return nil }
        var folder = content
        let segments = relative.split(separator: "/").map(String.init)
        for (index, segment) in segments.enumerated() {
            let candidate = folder + "/" + segment
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                // The rest does not exist yet (a new page): what exists so far is inside Content/.
                return URL(fileURLWithPath: ([candidate] + segments[(index + 1)...]).joined(separator: "/"))
            }
            let type = info.st_mode & S_IFMT
            if index == segments.count - 1 {
                return type == S_IFREG ? URL(fileURLWithPath: candidate) : nil
            }
            guard type == S_IFDIR || type == S_IFLNK, let real = Self.realPath(candidate), Self.isInside(real, folder: content) else { return nil }
            var resolved = stat()
            guard stat(real, &resolved) == 0, resolved.st_mode & S_IFMT == S_IFDIR else { return nil }
            folder = real
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, folder: String) -> Bool {
        path == folder || path.hasPrefix(folder + "/")
    }

    static func < (lhs: ContentPath, rhs: ContentPath) -> Bool { lhs.relative < rhs.relative }
    static func == (lhs: ContentPath, rhs: ContentPath) -> Bool { lhs.relative == rhs.relative }
    func hash(into hasher: inout Hasher) { hasher.combine(relative) }
}
