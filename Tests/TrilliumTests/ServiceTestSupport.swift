import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

/// Shared fixtures for the help-directory tests: a small taxonomy, one valid service, and helpers to break it.
enum ServiceFixtures {
    static let today = Day(year: 2026, month: 11, day: 30)
    static let loader = ServiceLoader(today: today)
    static let file = "Content/services/test-helpline.yaml"
    static let taxonomyFile = "Content/services/taxonomy.yaml"

    static let taxonomyYAML = """
    categories:
      - id: crisis-line
        label: { en: Crisis lines, fr: Lignes de crise }
      - id: legal
        label: { en: Legal help, fr: Aide juridique }
    regions:
      - id: ontario
        label: { en: All of Ontario, fr: Partout en Ontario }
      - id: north
        label: { en: Northern Ontario, fr: Nord de l'Ontario }
    audiences:
      - id: everyone
        label: { en: Everyone, fr: Tout le monde }
    languages:
      - id: en
        label: { en: English, fr: Anglais }
      - id: fr
        label: { en: French, fr: Français }
      - id: interpretation
        label: { en: Many languages through interpreters, fr: Nombreuses langues avec interprètes }
    """

    /// A complete, valid service. Tests replace one line to break one rule.
    static let serviceYAML = """
    id: test-helpline
    name:
      en: Test Helpline
      fr: Ligne d'essai
    summary:
      en: A helpline used by the tests.
      fr: Une ligne d'écoute utilisée par les tests.
    description:
      en: |
        Call any time.

        - It is free.
      fr: |
        Appelez en tout temps.

        - C'est gratuit.
    organization:
      id: test-organization
      name: { en: Test Organization, fr: Organisme d'essai }
      description: { en: An organization for tests., fr: Un organisme pour les tests. }
    phones:
      - number: 1-833-900-1010
        kind: voice
        label: { en: Call, fr: Appeler }
      - number: "211"
        kind: text
        label: { en: Text, fr: Texto }
    website: https://www.example.org/help/
    email: help@example.org
    hours:
      open_24_7: false
      weekly:
        - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
        - { days: [sat], opens: "10:00", closes: "24:00" }
      note: { en: Closed on holidays., fr: Fermé les jours fériés. }
    regions: [ontario, north]
    categories: [crisis-line]
    audiences: [everyone]
    languages: [en, fr, interpretation]
    indigenous_led: false
    cost: free
    confidential: true
    last_verified: 2026-11-01
    source: https://www.example.org/about/
    """

    static var taxonomy: Taxonomy {
        let (taxonomy, diagnostics) = loader.parseTaxonomy(taxonomyYAML, file: taxonomyFile)
        precondition(diagnostics.isEmpty, "the fixture taxonomy must be valid: \(diagnostics)")
        return taxonomy ?? .empty
    }

    /// The fixture with the first line equal to `old` (ignoring indentation) replaced by `new` (indentation kept).
    static func service(replacing old: String, with new: String) -> String {
        var lines = serviceYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == old }) else {
            Issue.record("fixture has no line `\(old)`")
            return serviceYAML
        }
        let indent = lines[index].prefix { $0 == " " }
        lines[index] = new.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n")
        return lines.joined(separator: "\n")
    }

    /// The fixture without the line equal to `old` (ignoring indentation).
    static func service(removing old: String) -> String {
        removingLines([old], from: serviceYAML)
    }

    /// `text` without every line equal to one of `lines` (ignoring indentation).
    static func removingLines(_ lines: Set<String>, from text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !lines.contains($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: "\n")
    }

    /// Every line of the fixture's two phones.
    static let phoneLines: Set<String> = ["- number: 1-833-900-1010", "kind: voice", "label: { en: Call, fr: Appeler }",
                                          "- number: \"211\"", "kind: text", "label: { en: Text, fr: Texto }"]

    /// 1-based line of the first line of `text` that contains `fragment`.
    static func line(of fragment: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    static func parse(_ text: String, file: String = file, taxonomy: Taxonomy? = ServiceFixtures.taxonomy) -> (Service?, [Diagnostic]) {
        loader.parseService(text, file: file, taxonomy: taxonomy)
    }

    static let siteYAML = """
    baseURL: https://example.org/trafficking/
    quickExitURL: https://www.theweathernetwork.com/
    languages:
      en: { title: Test site, description: A test site. }
      fr: { title: Site d'essai, description: Un site d'essai. }
    contact:
      emergency: "911"
      hotline: 1-833-900-1010
      hotlineName: { en: Hotline, fr: Ligne }
    """

    static var config: SiteConfig {
        let (config, diagnostics) = SiteConfigLoader().parse(siteYAML)
        guard let config else {
            Issue.record("fixture site.yaml must be valid: \(diagnostics)")
            preconditionFailure("invalid fixture site.yaml")
        }
        return config
    }

    static func pageURL(_ service: Service, _ language: Language) -> String {
        config.absoluteURL("/\(language.rawValue)/services/\(service.id)/")
    }

    static func descriptionHTML(_ service: Service, _ language: Language) -> String {
        "<p>\(service.summary[language])</p>"
    }

    /// The folder holding the repository (three levels above this file).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixtureSite(_ name: String) -> SiteFileSystem {
        SiteFileSystem(root: repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)"))
    }
}

/// Finds the one diagnostic whose message contains `fragment`, recording an issue when there is not exactly one.
func diagnostic(containing fragment: String, in diagnostics: [Diagnostic],
                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let matches = diagnostics.filter { $0.message.contains(fragment) }
    guard matches.count == 1 else {
        Issue.record("expected one diagnostic containing “\(fragment)”, found \(matches.count) in:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
        return nil
    }
    return matches.first
}

/// A small JSON Schema checker for the keywords `services.schema.json` uses, so the Swift tests can
/// hold the export to its schema without a Python dependency. The browser suite runs a full validator.
struct MiniSchemaValidator {
    let root: [String: Any]

    init(schema data: Data) throws {
        root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every violation as `path: problem`.
    func validate(_ data: Data) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var problems: [String] = []
        check(value, against: root, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
              let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any] else {
            return schema
        }
        return resolve(target)
    }

    private func check(_ value: Any, against rawSchema: [String: Any], path: String, problems: inout [String]) {
        let schema = resolve(rawSchema)
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            problems.append("\(path): expected \(type)")
            return
        }
        if let constant = schema["const"] as? String, (value as? String) != constant {
            problems.append("\(path): expected const \(constant)")
        }
        if let options = schema["enum"] as? [String], !options.contains(value as? String ?? "\u{0}") {
            problems.append("\(path): \(value) not in enum \(options)")
        }
        if let string = value as? String {
            if let minLength = schema["minLength"] as? Int, string.count < minLength { problems.append("\(path): shorter than \(minLength)") }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): `\(string)` does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required `\(key)`")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(item, against: propertySchema, path: "\(path).\(key)", problems: &problems)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): unexpected key `\(key)`")
                }
            }
        }
        if let array = value as? [Any] {
            if let minItems = schema["minItems"] as? Int, array.count < minItems { problems.append("\(path): fewer than \(minItems) items") }
            if (schema["uniqueItems"] as? Bool) == true, let strings = array as? [String], Set(strings).count != strings.count {
                problems.append("\(path): items are not unique")
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(index)]", problems: &problems) }
            }
        }
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean":
            // JSONSerialization gives NSNumber for both; only booleans carry the `c` (char) type code.
            guard let number = value as? NSNumber else { return value is Bool }
            return String(cString: number.objCType) == "c"
        default: return true
        }
    }
}
