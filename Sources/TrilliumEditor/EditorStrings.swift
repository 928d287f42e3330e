import Foundation
import TrilliumModel
import TrilliumRender
import Yams

/// The editor's own words in English and French, from `Resources/i18n/en.yaml` and `fr.yaml`.
///
/// Both files must hold the same keys: a missing string stops the editor from starting, so a
/// view never shows a key instead of words. `{name}` in a string is replaced by an argument.
/// French strings get Canadian French typography when they are read.
struct EditorStrings: Sendable {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    private let table: [Language: [String: String]]

    init(english: [String: String], french: [String: String]) {
        table = [.en: english, .fr: french.mapValues { FrenchTypography.apply(toText: $0) }]
    }

    /// Reads both files from the editor's resources and checks that they hold the same keys.
    static func load() throws -> EditorStrings {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let name = "i18n/\(language.rawValue).yaml"
            guard let text = EditorResources.text(name) else { throw Problem(description: "the editor's \(name) is missing") }
            guard let strings = try Yams.load(yaml: text) as? [String: String] else {
                throw Problem(description: "the editor's \(name) is not a list of `key: text` lines")
            }
            tables[language] = strings
        }
        let english = tables[.en] ?? [:], french = tables[.fr] ?? [:]
        let onlyEnglish = Set(english.keys).subtracting(french.keys).sorted()
        let onlyFrench = Set(french.keys).subtracting(english.keys).sorted()
        guard onlyEnglish.isEmpty, onlyFrench.isEmpty else {
            throw Problem(description: "the editor's strings differ: only in en.yaml: \(onlyEnglish.joined(separator: ", ")); only in fr.yaml: \(onlyFrench.joined(separator: ", "))")
        }
        return EditorStrings(english: english, french: french)
    }

    /// Keys of one language, for tests.
    func keys(_ language: Language) -> Set<String> { Set(table[language].map { Array($0.keys) } ?? []) }

    /// The string for `key` in `language`, with `{name}` placeholders filled in.
    /// A key that is missing shows as `[key]`, and the tests look for that in every view.
    func t(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        var text = table[language]?[key] ?? "[\(key)]"
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
