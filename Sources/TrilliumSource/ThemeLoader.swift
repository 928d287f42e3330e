import Foundation
import TrilliumModel

/// Finds and reads a theme: the site's own `Themes/<name>` first, then the one shipped with Trillium.
///
/// Reading only: templates are returned as text and compiled by the render stage.
public struct ThemeLoader: Sendable {
    /// Where the theme shipped with Trillium is; passed in by the caller (the pipeline knows the bundle).
    public var bundledThemeDirectory: URL?

    public init(bundledThemeDirectory: URL?) {
        self.bundledThemeDirectory = bundledThemeDirectory
    }

    public func load(name: String, site: SiteFileSystem, diagnostics: inout DiagnosticList) -> ThemeFiles? {
        let own = "Themes/\(name)"
        if site.exists(own + "/templates") {
            return load(directory: site.root.appendingPathComponent(own), displayPrefix: own, name: name, diagnostics: &diagnostics)
        }
        guard name == "default", let bundled = bundledThemeDirectory else {
            diagnostics.error(SourceLocation(file: SiteConfigLoader.path), "theme `\(name)` was not found",
                              hint: "Put it in Themes/\(name)/ (with templates/, i18n/ and assets/), or use the default theme.")
            return nil
        }
        return load(directory: bundled, displayPrefix: "Themes/default", name: name, diagnostics: &diagnostics)
    }

    public func load(directory: URL, displayPrefix: String, name: String, diagnostics: inout DiagnosticList) -> ThemeFiles? {
        let files = SiteFileSystem(root: directory)
        var local = DiagnosticList()
        var templates: [ThemeFiles.Template] = []
        for path in files.files(in: "templates", withExtension: "mustache", diagnostics: &local) {
            guard let text = files.readText(path, diagnostics: &local) else { continue }
            let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            templates.append(ThemeFiles.Template(name: templateName, displayPath: "\(displayPrefix)/\(path)", text: text))
        }
        let strings = loadStrings(files: files, displayPrefix: displayPrefix, diagnostics: &local)
        var assets: [ThemeFiles.Asset] = []
        for path in files.files(in: "assets", withExtension: nil, diagnostics: &local) {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else { continue }
            let fileName = String(path.split(separator: "/").last ?? "")
            let dot = fileName.lastIndex(of: ".") ?? fileName.endIndex
            let hashed = "\(fileName[..<dot]).\(ContentHash.hex(data))\(fileName[dot...])"
            assets.append(ThemeFiles.Asset(name: fileName, outputPath: "assets/\(hashed)", data: data,
                                           stablePath: fileName == "embed.js" ? fileName : nil))
        }
        diagnostics.append(contentsOf: local.items)
        guard !local.hasErrors, let strings else { return nil }
        return ThemeFiles(name: name, origin: displayPrefix, templates: templates, strings: strings.texts,
                          stringLocations: strings.locations, assets: assets)
    }

    /// `i18n/en.yaml` and `i18n/fr.yaml`: flat `key: text`. A key in one file only fails the build.
    private func loadStrings(files: SiteFileSystem, displayPrefix: String,
                             diagnostics: inout DiagnosticList) -> (texts: Localized<[String: String]>, locations: Localized<[String: SourceLocation]>)? {
        var tables: [Language: [String: String]] = [:]
        var keyLocations: [Language: [String: SourceLocation]] = [:]
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
            var locations: [String: SourceLocation] = [:]
            for key in map.keys {
                if let value = map.string(key, required: true, in: path) { table[key] = value }
                locations[key] = map.location(of: key)
            }
            diagnostics.append(contentsOf: reader.diagnostics.items)
            tables[language] = table
            keyLocations[language] = locations
        }
        guard tables.count == Language.allCases.count else { return nil }
        var complete = true
        for language in Language.allCases {
            let other = language.other
            for key in (tables[language] ?? [:]).keys.sorted() where tables[other]?[key] == nil {
                complete = false
                diagnostics.error(SourceLocation(file: "\(displayPrefix)/i18n/\(language.rawValue).yaml", line: keyLocations[language]?[key]?.line ?? 1),
                                  "UI string `\(key)` has no \(other.nativeName) text",
                                  hint: "Add `\(key): …` to \(displayPrefix)/i18n/\(other.rawValue).yaml.")
            }
        }
        return complete ? (Localized(tables), Localized(keyLocations)) : nil
    }
}
