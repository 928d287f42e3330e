import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// A theme ready to render: compiled templates, UI strings in both languages, and assets.
///
/// Templates are Mustache, compiled by `TemplateParser` and kept inside the render stage.
public struct Theme: Sendable {
    public var name: String
    /// Where the theme was read from, relative to the site when it is the site's own.
    public var origin: String
    let library: TemplateLibrary
    public var templateNames: Set<String>
    public var strings: Localized<[String: String]>
    public var assets: [ThemeFiles.Asset]

    /// Site path of an asset by name, e.g. `/assets/site.3f2a1b9c.css`.
    public func assetPath(_ name: String) -> String? {
        assets.first { $0.name == name }.map { "/" + $0.outputPath }
    }

    /// Templates every site renders.
    public static let pageTemplates = ["page", "section", "home", "404", "language-choice", "search"]
    /// Templates a site with a service directory renders too.
    public static let directoryTemplates = ["directory", "service", "service-list", "service-card", "partners", "embed-services"]

    /// Compiles the templates of `files`. Syntax errors, templates used but missing, UI strings
    /// used but missing (`{{t.key}}`) are reported at their line, and each of `required` must exist.
    public static func compile(_ files: ThemeFiles, requiring required: [String] = pageTemplates,
                               diagnostics: inout DiagnosticList) -> Theme? {
        var local = DiagnosticList()
        var templates: [String: [TemplateNode]] = [:]
        for template in files.templates {
            do {
                templates[template.name] = try TemplateParser.parse(template.text)
            } catch {
                local.error(SourceLocation(file: template.displayPath, line: error.line, column: error.column),
                            "template syntax error: \(error.message)", hint: "Check that every {{#section}} and {{$block}} is closed in order.")
            }
        }
        // A partial, parent or UI string that does not exist renders as nothing in Mustache: catch it here instead.
        for template in files.templates.sorted(by: { $0.name < $1.name }) {
            for (line, content) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let location = SourceLocation(file: "\(files.origin)/templates/\(template.name).mustache", line: line + 1)
                for reference in partialReferences(in: String(content)) where templates[reference] == nil {
                    local.error(location, "template `\(reference)` is used here but does not exist", hint: "Create templates/\(reference).mustache or fix the name.")
                }
                for key in stringReferences(in: String(content)) where files.strings[.en][key] == nil {
                    local.error(location, "UI string `\(key)` is used here but the theme's i18n files do not define it",
                                hint: "Add `\(key): …` to \(files.origin)/i18n/en.yaml and fr.yaml.")
                }
            }
        }
        for name in required where templates[name] == nil && !local.items.contains(where: { $0.location.file.hasSuffix("/\(name).mustache") }) {
            local.error(SourceLocation(file: "\(files.origin)/templates"), "the theme has no `\(name)` template",
                        hint: "Trillium renders with it: create templates/\(name).mustache.")
        }
        diagnostics.append(contentsOf: local.items)
        guard !local.hasErrors else { return nil }
        return Theme(name: files.name, origin: files.origin, library: TemplateLibrary(templates),
                     templateNames: Set(templates.keys), strings: files.strings, assets: files.assets)
    }

    /// Keys of `{{t.key}}` and `{{tFr.key}}` (in any tag form) on a template line.
    static func stringReferences(in line: String) -> [String] {
        var result: [String] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let tag = rest.drop { $0 == " " || $0 == "#" || $0 == "^" || $0 == "/" || $0 == "{" || $0 == "&" }
            for prefix in ["t.", "tFr."] where tag.hasPrefix(prefix) {
                let key = tag.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !key.isEmpty { result.append(String(key)) }
            }
        }
        return result
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
}
