import Foundation
@testable import TrilliumModel
@testable import TrilliumSearch

/// A small French site whose sharded index is committed as Tests/Fixtures/search-index-sample/,
/// so the JavaScript tests run queries against exactly what the Swift builder writes.
enum SearchSampleDocuments {
    /// Small shards, so the sample has several and queries must pick the right ones.
    static let shardTargetBytes = 160

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/search-index-sample")

    static func service(_ id: String, _ title: String, summary: String, body: String, phones: [SearchPhone] = []) -> SearchDocument {
        SearchDocument(kind: .service, url: "/fr/services/\(id)/", title: title, section: "Trouver des services",
                       fields: [.title(title), .description(summary), .body(body)], excerpt: summary + " " + body, phones: phones)
    }

    static func page(_ url: String, _ title: String, headings: String, description: String, body: String) -> SearchDocument {
        SearchDocument(kind: .page, url: url, title: title, section: "Accueil",
                       fields: [.title(title), .headings(headings), .description(description), .body(body)], excerpt: description + " " + body)
    }

    static let french: [SearchDocument] = [
        page("/fr/signes/", "Signes de la traite des personnes", headings: "Au travail En ligne",
             description: "Reconnaître les signes d’exploitation et de manipulation.",
             body: "La personne ne contrôle pas son argent, son téléphone ni ses pièces d’identité. "
                + "Elle a un nouveau téléphone. Elle est surveillée en tout temps."),
        page("/fr/securite/", "Votre sécurité en ligne", headings: "Quitter rapidement",
             description: "Quitter ce site rapidement et limiter les traces de votre visite.",
             body: "Une visite laisse des traces. Utilisez un appareil que la personne violente ne peut pas voir."),
        page("/fr/droits/", "Vos droits en tant que survivante", headings: "Le droit de rester",
             description: "Ce que la loi vous permet, que vous portiez plainte ou non.",
             body: "Vous avez des droits, même sans papiers. La traite est un crime."),
        service("ligne-urgence-canadienne", "Ligne d’urgence canadienne contre la traite des personnes",
                summary: "Aide confidentielle, 24 heures sur 24, dans plus de 200 langues.",
                body: "Composez le 1-833-900-1010. Une personne vous écoute et vous oriente vers des services près de chez vous.",
                phones: [SearchPhone(text: "Appeler le 1-833-900-1010", href: "tel:+18339001010")]),
        service("femaide", "Fem’aide", summary: "Ligne d’écoute en français pour les femmes touchées par la violence.",
                body: "Service gratuit et confidentiel, jour et nuit : 1-877-336-2433."),
        service("talk4healing", "Talk4Healing", summary: "Ligne d’aide par et pour les femmes autochtones.",
                body: "Au téléphone, par texto ou par clavardage, en anglais, en français et en 14 langues autochtones."),
        service("jeunesse-j-ecoute", "Jeunesse, J’écoute", summary: "Soutien pour les jeunes, jour et nuit.",
                body: "Par téléphone ou par texto, gratuit et confidentiel."),
        service("211-ontario", "211 Ontario", summary: "Services communautaires, sociaux et de santé.",
                body: "Composez le 2-1-1 en tout temps. Plus de 150 langues.",
                phones: [SearchPhone(text: "Composer le 211", href: "tel:211")]),
    ]

    /// The sample's files, as the builder writes them: meta, shards, then fragments.
    static func files() -> [OutputFile] {
        let index = SearchIndex.build(french, language: .fr)
        let ordered = french.filter { $0.kind == .page } + french.filter { $0.kind == .service }
        return index.files(shardTargetBytes: shardTargetBytes)
            + ordered.enumerated().map { SearchFragment.file($1, number: $0, language: .fr) }
    }
}
