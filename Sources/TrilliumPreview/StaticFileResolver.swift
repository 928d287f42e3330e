import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Maps a request path to a file of the built site, refusing anything that could reach outside it.
///
/// The raw, still percent-encoded path is checked segment by segment: each segment is decoded
/// once and must then be an ordinary name (no `.` or `..`, no hidden files, no separators, no NUL,
/// no `%` left over from double encoding). The file found is then resolved through symlinks and
/// must still lie inside the served folder.
struct StaticFileResolver: Sendable {
    /// What a request path leads to.
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the served folder.
        case file(URL)
        /// A folder asked for without its trailing slash: send the browser to `location`.
        case redirect(location: String)
        /// Nothing there; `language` is the site language the path is under, for the right 404 page.
        case notFound(language: Language?)
        /// A path that tries to leave the served folder or is malformed.
        case refused(reason: String)
    }

    /// The folder being served.
    let root: URL
    /// The site's base path, `/` or `/help/`: the part of every URL before site paths.
    let basePath: String
    /// Longer request paths are refused outright.
    var maximumPathLength = 2048

    init(root: URL, basePath: String = "/") {
        self.root = root.standardizedFileURL
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// The file below the served folder a request names (`en/index.html` for `/en/`), before
    /// checking that it exists; nil for paths outside the site.
    func outputPath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix(basePath) else { return nil }
        let path = String(rawPath.dropFirst(basePath.count))
        guard !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .refused(reason: "the request target is not a path") }
        guard rawPath.utf8.count <= maximumPathLength else { return .refused(reason: "the path is too long") }
        let parts = rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let wantsFolder = rawPath.hasSuffix("/")
        var names: [String] = []
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // Only the trailing slash may leave an empty segment: `//` could name an absolute path.
                if index == parts.count - 1 { break }
                return .refused(reason: "the path has an empty segment")
            }
            guard let name = Self.decodedName(part) else { return .refused(reason: "the path segment `\(part)` is not allowed") }
            names.append(name)
        }

        let base = basePath.split(separator: "/").map(String.init)
        guard names.starts(with: base) else {
            return names.isEmpty && !base.isEmpty ? .redirect(location: basePath) : .notFound(language: nil)
        }
        let sitePath = Array(names.dropFirst(base.count))
        if sitePath == ["_headers"] { return .notFound(language: nil) }
        let language = sitePath.first.flatMap(Language.init(rawValue:))

        guard let rootPath = Self.realPath(root.path) else { return .notFound(language: language) }
        let candidate = sitePath.reduce(rootPath) { $0 + "/" + $1 }
        guard let target = Self.realPath(candidate) else { return .notFound(language: language) }
        guard Self.isInside(target, folder: rootPath) else { return .refused(reason: "the path leads outside the served folder") }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { return .notFound(language: language) }
        if isFolder.boolValue {
            guard wantsFolder else { return .redirect(location: rawPath + "/") }
            guard let index = Self.realPath(target + "/index.html") else { return .notFound(language: language) }
            guard Self.isInside(index, folder: rootPath) else { return .refused(reason: "the index leads outside the served folder") }
            return Self.isRegularFile(index) ? .file(URL(fileURLWithPath: index)) : .notFound(language: language)
        }
        guard !wantsFolder, Self.isRegularFile(target) else { return .notFound(language: language) }
        return .file(URL(fileURLWithPath: target))
    }

    /// The not-found page for a language: `en/404.html`, then the site's root `404.html`.
    func notFoundPage(for language: Language?) -> URL? {
        var candidates = [(language ?? .en).rawValue + "/404.html", "404.html"]
        if language == nil { candidates.reverse() }
        for relative in candidates {
            if case .file(let url) = resolve(basePath + relative) { return url }
        }
        return nil
    }

    /// One path segment decoded once, or nil when it is not a plain file or folder name.
    static func decodedName(_ segment: Substring) -> String? {
        guard let name = segment.removingPercentEncoding, !name.isEmpty else { return nil }
        guard !name.hasPrefix(".") else { return nil }
        let forbidden = name.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar == "%" || scalar.value < 0x20 || scalar.value == 0x7F
        }
        return forbidden ? nil : name
    }

    /// The absolute path with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
