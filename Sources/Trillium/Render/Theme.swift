import Foundation
import Mustache
import Yams

/// A loaded theme: parsed templates, UI strings in both languages, and assets with hashed names.
public struct Theme: Sendable {
    public struct Asset: Sendable {
        /// Name templates use, the file name: `site.css`.
        public var name: String
        /// Output path below the site root, with a content hash: `assets/site.3f2a1b9c.css`.
        public var outputPath: String
        public var data: Data
        /// Also written at this stable path (no hash), for files partners link to (`embed.js`).
        public var stablePath: String?
    }

    public var name: String
    /// Where the theme was read from, relative to the site when it is the site's own.
    public var origin: String
    public var library: MustacheLibrary
    public var templateNames: Set<String>
    public var strings: Localized<[String: String]>
    public var assets: [Asset]

    /// Site path of an asset by name, e.g. `/assets/site.3f2a1b9c.css`.
    public func assetPath(_ name: String) -> String? {
        assets.first { $0.name == name }.map { "/" + $0.outputPath }
    }
}

/// Finds and loads a theme: the site's own `Themes/<name>` first, then the one shipped with Trillium.
public struct ThemeLoader: Sendable {
    public init() {}

    /// The default theme shipped with the executable (as a resource bundle beside it) or, in a
    /// source checkout, the repository's `Themes/default`.
    public static func bundledThemeDirectory() -> URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("Trillium_Trillium.resources/DefaultTheme"))
        candidates.append(folder.appendingPathComponent("../share/trillium/themes/default"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Themes/default"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }?.standardizedFileURL
    }

    public func load(name: String, site: SiteFileSystem, diagnostics: inout DiagnosticList) -> Theme? {
        let own = "Themes/\(name)"
        if site.exists(own + "/templates") {
            return load(directory: site.root.appendingPathComponent(own), displayPrefix: own, name: name, diagnostics: &diagnostics)
        }
        guard name == "default", let bundled = Self.bundledThemeDirectory() else {
            diagnostics.error(SourceLocation(file: SiteConfigLoader.path), "theme `\(name)` was not found",
                              hint: "Put it in Themes/\(name)/ (with templates/, i18n/ and assets/), or use the default theme.")
            return nil
        }
        return load(directory: bundled, displayPrefix: "Themes/default", name: name, diagnostics: &diagnostics)
    }

    public func load(directory: URL, displayPrefix: String, name: String, diagnostics: inout DiagnosticList) -> Theme? {
        let files = SiteFileSystem(root: directory)
        var local = DiagnosticList()
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        for path in files.files(in: "templates", withExtension: "mustache", diagnostics: &local) {
            guard let text = files.readText(path, diagnostics: &local) else { continue }
            let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            let display = "\(displayPrefix)/\(path)"
            do {
                _ = HTMLEscaping.registered
                templates[templateName] = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                sources[templateName] = text
            } catch let error as MustacheTemplate.ParserError {
                // The pragma takes the first line; report lines of the file as written.
                local.error(SourceLocation(file: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                            "template syntax error: \(error.error)", hint: "Check that every {{#section}} and {{$block}} is closed in order.")
            } catch {
                local.error(SourceLocation(file: display), "template could not be read: \(error)")
            }
        }
        // A partial or parent that does not exist renders as nothing in Mustache: catch it here instead.
        for (templateName, text) in sources.sorted(by: { $0.key < $1.key }) {
            for (line, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for reference in Self.partialReferences(in: String(content)) where templates[reference] == nil {
                    local.error(SourceLocation(file: "\(displayPrefix)/templates/\(templateName).mustache", line: line + 1),
                                "template `\(reference)` is used here but does not exist", hint: "Create templates/\(reference).mustache or fix the name.")
                }
            }
        }
        let strings = loadStrings(files: files, displayPrefix: displayPrefix, diagnostics: &local)
        var assets: [Theme.Asset] = []
        for path in files.files(in: "assets", withExtension: nil, diagnostics: &local) {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else { continue }
            let fileName = String(path.split(separator: "/").last ?? "")
            let dot = fileName.lastIndex(of: ".") ?? fileName.endIndex
            let hashed = "\(fileName[..<dot]).\(ContentHash.hex(data))\(fileName[dot...])"
            assets.append(Theme.Asset(name: fileName, outputPath: "assets/\(hashed)", data: data,
                                      stablePath: fileName == "embed.js" ? fileName : nil))
        }
        diagnostics.append(contentsOf: local.items)
        guard !local.hasErrors, let strings else { return nil }
        return Theme(name: name, origin: displayPrefix, library: MustacheLibrary(templates: templates),
                     templateNames: Set(templates.keys), strings: strings, assets: assets)
    }

    static func partialReferences(in line: String) -> [String] {
        var result: [String] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let trimmed = rest.drop { $0 == " " }
            guard let sigil = trimmed.first, sigil == ">" || sigil == "<" else { continue }
            let name = trimmed.dropFirst().drop { $0 == " " }.prefix { $0 != "}" && $0 != " " }
            if !name.isEmpty { result.append(String(name)) }
        }
        return result
    }

    /// `i18n/en.yaml` and `i18n/fr.yaml`: flat `key: text`. A key in one file only fails the build.
    private func loadStrings(files: SiteFileSystem, displayPrefix: String, diagnostics: inout DiagnosticList) -> Localized<[String: String]>? {
        var tables: [Language: [String: String]] = [:]
        var keyLines: [Language: [String: Int]] = [:]
        for language in Language.allCases {
            let path = "i18n/\(language.rawValue).yaml"
            let display = "\(displayPrefix)/\(path)"
            guard files.exists(path) else {
                diagnostics.error(SourceLocation(file: display), "UI strings for \(language.nativeName) are missing", hint: "Create \(display).")
                continue
            }
            guard let text = files.readText(path, diagnostics: &diagnostics) else { continue }
            let reader = YAMLReader(file: display)
            guard let root = reader.compose(FrontMatterSplitter.normalize(text)), let map = reader.map(root, path) else {
                diagnostics.append(contentsOf: reader.diagnostics.items)
                continue
            }
            var table: [String: String] = [:]
            var lines: [String: Int] = [:]
            for key in map.keys {
                if let value = map.string(key, required: true, in: path) { table[key] = value }
                lines[key] = map.location(of: key).line
            }
            diagnostics.append(contentsOf: reader.diagnostics.items)
            tables[language] = table
            keyLines[language] = lines
        }
        guard tables.count == Language.allCases.count else { return nil }
        var complete = true
        for language in Language.allCases {
            let other = language.other
            for key in (tables[language] ?? [:]).keys.sorted() where tables[other]?[key] == nil {
                complete = false
                diagnostics.error(SourceLocation(file: "\(displayPrefix)/i18n/\(language.rawValue).yaml", line: keyLines[language]?[key] ?? 1),
                                  "UI string `\(key)` has no \(other.nativeName) text",
                                  hint: "Add `\(key): …` to \(displayPrefix)/i18n/\(other.rawValue).yaml.")
            }
        }
        return complete ? Localized(tables) : nil
    }
}

/// HTML escaping for `{{value}}` in templates: the same five characters as swift-mustache's
/// own escaping, done over UTF-8 bytes with a fast path for text that needs none. Escaping was
/// an eighth of a large build's time.
struct HTMLEscaping: MustacheContentType {
    static let name = "trillium-html"
    /// Put on a line of its own before every template (a standalone tag, so it writes nothing);
    /// partials reset the content type, so each template carries it.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: output.append(contentsOf: Array("&amp;".utf8))
                case 0x3C: output.append(contentsOf: Array("&lt;".utf8))
                case 0x3E: output.append(contentsOf: Array("&gt;".utf8))
                case 0x22: output.append(contentsOf: Array("&quot;".utf8))
                case 0x27: output.append(contentsOf: Array("&#39;".utf8))
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// Short, stable content hashes for cache-busting file names (FNV-1a, 64 bits).
public enum ContentHash {
    public static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(10))
    }
}
