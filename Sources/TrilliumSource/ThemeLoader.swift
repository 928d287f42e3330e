import Foundation
import TrilliumModel

/// Finds and reads a theme: the site's own `Themes/<name>` first, then the one shipped with Trillium.
///
/// A theme may extend another (`theme.yaml`: `extends: default`) and hold only what it changes:
/// templates and assets replace the parent's of the same name, and UI strings replace the
/// parent's key by key. So a site keeps its own wording and colours in `Themes/<its name>/` and
/// the generator's default theme says nothing about any one site.
///
/// Reading only: templates are returned as text and compiled by the render stage.
public struct ThemeLoader: Sendable {
    /// Where the theme shipped with Trillium is; passed in by the caller (the pipeline knows the bundle).
    public var bundledThemeDirectory: URL?

    public init(bundledThemeDirectory: URL?) {
        self.bundledThemeDirectory = bundledThemeDirectory
    }

    /// - Parameter reference: where the theme is named (site.yaml's `theme:`), for a theme that is not found.
    public func load(name: String, site: SiteFileSystem, namedAt reference: SourceLocation? = nil, diagnostics: inout DiagnosticList) -> ThemeFiles? {
        load(name: name, site: site, from: reference ?? SourceLocation(file: SiteConfigLoader.path), visited: [], diagnostics: &diagnostics)
    }

    private func load(name: String, site: SiteFileSystem, from reference: SourceLocation, visited: [String],
                      diagnostics: inout DiagnosticList) -> ThemeFiles? {
        let own = "Themes/\(name)"
        guard !visited.contains(name) else {
            diagnostics.error(reference, "theme `\(name)` extends itself (\((visited + [name]).joined(separator: " → ")))",
                              hint: "Let the last theme of the chain extend `default` or nothing.")
            return nil
        }
        if site.exists(own + "/theme.yaml") {
            var local = DiagnosticList()
            guard let text = site.readText(own + "/theme.yaml", diagnostics: &local) else {
                diagnostics.append(contentsOf: local.items)
                return nil
            }
            let reader = YAMLReader(file: own + "/theme.yaml")
            guard let root = reader.compose(FrontMatterSplitter.normalize(text)), let map = reader.map(root, "theme.yaml") else {
                diagnostics.append(contentsOf: reader.diagnostics.items)
                return nil
            }
            map.rejectUnknownKeys(["extends"], in: "theme.yaml")
            let parentName = map.string("extends", in: "theme.yaml")
            diagnostics.append(contentsOf: reader.diagnostics.items)
            guard !reader.diagnostics.hasErrors else { return nil }
            let child = load(directory: site.root.appendingPathComponent(own), displayPrefix: own, name: name, partial: parentName != nil,
                             diagnostics: &diagnostics)
            guard let parentName else { return child }
            guard let child,
                  let parent = load(name: parentName, site: site, from: map.location(of: "extends"), visited: visited + [name], diagnostics: &diagnostics)
            else { return nil }
            return Self.merge(child, over: parent, diagnostics: &diagnostics)
        }
        if site.exists(own + "/templates") {
            return load(directory: site.root.appendingPathComponent(own), displayPrefix: own, name: name, diagnostics: &diagnostics)
        }
        guard name == "default", let bundled = bundledThemeDirectory else {
            diagnostics.error(reference, "theme `\(name)` was not found",
                              hint: "Put it in Themes/\(name)/ (with templates/, i18n/ and assets/, or a theme.yaml that extends another theme), or use the default theme.")
            return nil
        }
        return load(directory: bundled, displayPrefix: "Themes/default", name: name, diagnostics: &diagnostics)
    }

    /// `child` over `parent`: templates and assets by name, UI strings key by key.
    static func merge(_ child: ThemeFiles, over parent: ThemeFiles, diagnostics: inout DiagnosticList) -> ThemeFiles {
        var templates = Dictionary(parent.templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for template in child.templates { templates[template.name] = template }
        var assets = Dictionary(parent.assets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for asset in child.assets { assets[asset.name] = asset }
        let strings = Localized<[String: String]>(en: parent.strings[.en].merging(child.strings[.en]) { _, own in own },
                                                  fr: parent.strings[.fr].merging(child.strings[.fr]) { _, own in own })
        let locations = Localized<[String: SourceLocation]>(en: parent.stringLocations[.en].merging(child.stringLocations[.en]) { _, own in own },
                                                            fr: parent.stringLocations[.fr].merging(child.stringLocations[.fr]) { _, own in own })
        return ThemeFiles(name: child.name, origin: child.origin, templates: templates.values.sorted { $0.name < $1.name },
                          strings: strings, stringLocations: locations, assets: assets.values.sorted { $0.name < $1.name })
    }

    /// Reads one theme folder. A `partial` theme (one that extends another) may leave out any folder or file.
    public func load(directory: URL, displayPrefix: String, name: String, partial: Bool = false,
                     diagnostics: inout DiagnosticList) -> ThemeFiles? {
        let files = SiteFileSystem(root: directory)
        var local = DiagnosticList()
        var templates: [ThemeFiles.Template] = []
        for path in files.files(in: "templates", withExtension: "mustache", diagnostics: &local) {
            guard let text = files.readText(path, diagnostics: &local) else { continue }
            let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            templates.append(ThemeFiles.Template(name: templateName, displayPath: "\(displayPrefix)/\(path)", text: text))
        }
        let strings = loadStrings(files: files, displayPrefix: displayPrefix, partial: partial, diagnostics: &local)
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
    private func loadStrings(files: SiteFileSystem, displayPrefix: String, partial: Bool,
                             diagnostics: inout DiagnosticList) -> (texts: Localized<[String: String]>, locations: Localized<[String: SourceLocation]>)? {
        var tables: [Language: [String: String]] = [:]
        var keyLocations: [Language: [String: SourceLocation]] = [:]
        for language in Language.allCases {
            let path = "i18n/\(language.rawValue).yaml"
            let display = "\(displayPrefix)/\(path)"
            guard files.exists(path) else {
                if partial {
                    tables[language] = [:]
                    keyLocations[language] = [:]
                } else {
                    diagnostics.error(SourceLocation(file: display), "UI strings for \(language.nativeName) are missing", hint: "Create \(display).")
                }
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
