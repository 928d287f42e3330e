import Foundation
import TrilliumModel

/// `trillium new`: creates files to fill in, never overwriting one that exists.
public struct Scaffolder: Sendable {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    public let siteRoot: URL

    public init(siteRoot: URL) {
        self.siteRoot = siteRoot
    }

    /// Creates `Content/en/<path>.md` and `Content/fr/<path>.md` sharing a translationKey.
    public func newPage(_ path: String, today: Day) throws -> [String] {
        let trimmed = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !segments.isEmpty, segments.allSatisfy({ Slug.isValid($0) || $0 == "_index" }) else {
            throw Refusal(description: "`\(path)` is not a valid page path: use lowercase letters, digits and hyphens, with / between folders (e.g. get-help/shelters).")
        }
        let key = segments.filter { $0 != "_index" }.joined(separator: "-")
        let files = Language.allCases.map { "Content/\($0.rawValue)/\(trimmed).md" }
        for file in files where FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(file).path) {
            throw Refusal(description: "\(file) already exists; nothing was created.")
        }
        let english = """
        ---
        title: TODO English title
        description: TODO One or two plain sentences that say what this page is for.
        translationKey: \(key.isEmpty ? "home" : key)
        lastmod: \(today)
        weight: 100
        draft: true
        ---

        TODO: Write the page in plain language (aim for grade 8 or lower). Start sections with ## headings.
        Link to other pages by their Markdown file, for example [how to get help](\(relativeLink(from: segments, to: "get-help/_index.md"))).

        """
        let french = """
        ---
        title: TODO Titre en français
        description: TODO Une ou deux phrases simples qui disent à quoi sert cette page.
        translationKey: \(key.isEmpty ? "home" : key)
        slug: \(segments.last == "_index" ? (segments.dropLast().last ?? "accueil") : (segments.last ?? "page"))
        lastmod: \(today)
        weight: 100
        draft: true
        ---

        TODO : Rédigez la page en langage simple. Commencez les sections par des titres ##.
        Faites des liens vers les autres pages par leur fichier Markdown, par exemple [obtenir de l'aide](\(relativeLink(from: segments, to: "get-help/_index.md"))).

        """
        for (file, text) in zip(files, [english, french]) {
            let url = siteRoot.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        }
        return files
    }

    func relativeLink(from segments: [String], to target: String) -> String {
        String(repeating: "../", count: max(0, segments.count - 1)) + target
    }

    /// Creates `Content/services/<id>.yaml` with every field, ready to fill in.
    public func newService(_ id: String, today: Day) throws -> String {
        guard Slug.isValid(id) else {
            throw Refusal(description: "`\(id)` is not a valid service id: use lowercase letters, digits and hyphens.")
        }
        let file = "Content/services/\(id).yaml"
        let url = siteRoot.appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: url.path) {
            throw Refusal(description: "\(file) already exists; nothing was created.")
        }
        let text = """
        # Fill in every field from a source you verified. Never guess a phone number.
        id: \(id)
        name:
          en: TODO
          fr: TODO
        summary:
          en: TODO one plain sentence
          fr: TODO une phrase simple
        description:
          en: |
            TODO What the service does, for whom, and what happens when someone calls.
          fr: |
            TODO Ce que fait le service, pour qui, et ce qui se passe quand on appelle.
        organization:
          id: TODO-organization-id
          name: { en: TODO, fr: TODO }
          description: { en: TODO, fr: TODO }
        phones:
          - number: TODO 1-800-000-0000
            kind: voice
            label: { en: Call, fr: Appeler }
        website: https://TODO.example
        hours:
          open_24_7: true
        regions: [TODO]       # ids from taxonomy.yaml
        categories: [TODO]
        audiences: [everyone]
        languages: [en, fr]
        # Write these three only when the source states them; left out, the page says "Not stated".
        # indigenous_led: true
        # cost: free            # free | low-cost | varies
        # confidential: true
        last_verified: \(today)
        source:
          url: https://TODO.example
          title: TODO the source page's title
          # date: YYYY-MM-DD    # the date the source page gives for itself; leave out if it shows none

        """
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        return file
    }
}
