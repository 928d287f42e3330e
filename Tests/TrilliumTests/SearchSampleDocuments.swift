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

/// A small French directory whose index is committed as Tests/Fixtures/search-index-sample.json,
/// so the JavaScript tests can run queries against exactly what the Swift builder writes.
enum SearchSampleDocuments {
    static let name = 10
    static let summary = 4
    static let body = 1

    static func document(_ id: String, _ url: String, _ title: String, summary: String, body: String) -> SearchDocument {
        SearchDocument(id: id, url: url, title: title, fields: [
            SearchField(text: title, weight: name),
            SearchField(text: summary, weight: SearchSampleDocuments.summary),
            SearchField(text: body, weight: SearchSampleDocuments.body),
        ])
    }

    static let french: [SearchDocument] = [
        document(
            "ligne-urgence-canadienne", "/fr/services/ligne-urgence-canadienne/",
            "Ligne d’urgence canadienne contre la traite des personnes",
            summary: "Aide confidentielle, 24 heures sur 24, dans plus de 200 langues.",
            body: "Composez le 1-833-900-1010. Une personne vous écoute et vous oriente vers des services près de chez vous."
        ),
        document(
            "femaide", "/fr/services/femaide/", "Fem’aide",
            summary: "Ligne d’écoute en français pour les femmes touchées par la violence.",
            body: "Service gratuit et confidentiel, jour et nuit : 1-877-336-2433."
        ),
        document(
            "talk4healing", "/fr/services/talk4healing/", "Talk4Healing",
            summary: "Ligne d’aide par et pour les femmes autochtones.",
            body: "Au téléphone, par texto ou par clavardage, en anglais, en français et en 14 langues autochtones."
        ),
        document(
            "211-ontario", "/fr/services/211-ontario/", "211 Ontario",
            summary: "Services communautaires, sociaux et de santé.",
            body: "Composez le 2-1-1 en tout temps. Plus de 150 langues."
        ),
        document(
            "signes", "/fr/signes/", "Signes de la traite des personnes",
            summary: "Reconnaître les signes d’exploitation et de manipulation.",
            body: "La personne ne contrôle pas son argent, son téléphone ni ses pièces d’identité. "
                + "Elle a un nouveau téléphone. Elle est surveillée en tout temps."
        ),
        document(
            "securite-en-ligne", "/fr/securite/", "Votre sécurité en ligne",
            summary: "Quitter ce site rapidement et limiter les traces de votre visite.",
            body: "Une visite laisse des traces. Utilisez un appareil que la personne violente ne peut pas voir."
        ),
    ]
}
