import Foundation
@testable import TrilliumModel

/// A directory of any size for the tests, written into a fixture site: a taxonomy with a region
/// that stands for everywhere and a featured category, and services spread over its terms by a
/// fixed sequence (the same services on every run).
enum DirectoryFixture {
    static let categories = ["crisis-line", "legal", "shelter", "youth-help"]
    static let regions = ["ontario", "north", "east", "west"]
    static let audiences = ["everyone", "women", "youth"]
    static let everywhere = "ontario"

    static let taxonomyYAML = """
    categories:
      - id: crisis-line
        featured: true
        label: { en: Crisis lines, fr: Lignes de crise }
      - id: legal
        label: { en: Legal help, fr: Aide juridique }
      - id: shelter
        label: { en: Shelters, fr: Refuges }
      - id: youth-help
        label: { en: Help for youth, fr: Aide aux jeunes }
    regions:
      - id: ontario
        everywhere: true
        label: { en: All of Ontario, fr: Partout en Ontario }
      - id: north
        label: { en: Northern Ontario, fr: Nord de l'Ontario }
        covers: { en: The north., fr: Le nord. }
      - id: east
        label: { en: Eastern Ontario, fr: Est de l'Ontario }
      - id: west
        label: { en: Western Ontario, fr: Ouest de l'Ontario }
    audiences:
      - id: everyone
        label: { en: Everyone, fr: Tout le monde }
      - id: women
        label: { en: Women, fr: Femmes }
      - id: youth
        label: { en: Children and youth, fr: Enfants et jeunes }
    languages:
      - id: en
        label: { en: English, fr: Anglais }
      - id: fr
        label: { en: French, fr: Français }
    """

    /// What one generated service is filed under.
    struct Entry {
        var id: String
        var regions: [String]
        var categories: [String]
        var audiences: [String]
        var open247: Bool
    }

    /// `count` services, numbered from 1, with one to two terms of each facet.
    static func entries(_ count: Int) -> [Entry] {
        var state: UInt64 = 2_020
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func pick(_ terms: [String], _ first: Int) -> [String] {
            var chosen = [terms[first % terms.count]]
            if next(3) == 0 { chosen.append(terms[(first + 1 + next(terms.count - 1)) % terms.count]) }
            return chosen
        }
        return (1...max(1, count)).map { number in
            Entry(id: String(format: "service-%05d", number), regions: pick(regions, next(regions.count)),
                  categories: pick(categories, next(categories.count)), audiences: pick(audiences, next(audiences.count)),
                  open247: next(2) == 0)
        }
    }

    static func serviceYAML(_ entry: Entry, number: Int) -> String {
        """
        id: \(entry.id)
        name: { en: "Help service \(number)", fr: "Service d'aide \(number)" }
        summary: { en: "Support number \(number), by phone.", fr: "Soutien numéro \(number), par téléphone : appelez." }
        description: { en: "Call us.", fr: "Appelez-nous." }
        organization:
          id: org-\(number % 40)
          name: { en: "Organization \(number % 40)", fr: "Organisme \(number % 40)" }
          description: { en: An organization., fr: Un organisme. }
        phones:
          - { number: 1-800-555-01\(String(format: "%02d", number % 100)), kind: voice, label: { en: Call, fr: Appeler } }
        website: https://www.example.org/\(entry.id)/
        hours: \(entry.open247 ? "{ open_24_7: true }" : "{ open_24_7: false, note: { en: By appointment., fr: Sur rendez-vous. } }")
        regions: [\(entry.regions.joined(separator: ", "))]
        categories: [\(entry.categories.joined(separator: ", "))]
        audiences: [\(entry.audiences.joined(separator: ", "))]
        languages: [en, fr]
        cost: free
        last_verified: 2026-11-01
        source: https://www.example.org/about/
        """
    }

    /// Writes the taxonomy and `count` services into `site`; returns what each service is filed under.
    @discardableResult
    static func write(_ count: Int, into site: FixtureSite) -> [Entry] {
        let all = entries(count)
        site.write("Content/services/taxonomy.yaml", taxonomyYAML)
        for (index, entry) in all.enumerated() {
            site.write("Content/services/\(entry.id).yaml", serviceYAML(entry, number: index + 1))
        }
        return all
    }
}
