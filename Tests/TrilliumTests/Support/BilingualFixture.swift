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

/// A small but complete bilingual site: a section with French slugs, pages paired by path and by
/// `translationKey`, relative links with anchors, and a dated updates section.
enum BilingualFixture {
    static func page(_ title: String, _ description: String, _ extra: [String] = [], body: String = "Some text.") -> String {
        FixtureSite.page(title: title, description: description, extra, body: body)
    }

    static let files: [String: String] = pages.merging(posts) { _, post in post }

    static let pages: [String: String] = [
        "Content/en/_index.md": page("Welcome", "Where to get help.", body: """
        Read about [how to get help](get-help/_index.md) and [this site](about.md).

        See the [latest news](updates/_index.md).
        """),
        "Content/fr/_index.md": page("Bienvenue", "Où obtenir de l'aide.", body: """
        Lisez [comment obtenir de l'aide](get-help/_index.md) et [ce site](a-propos.md).

        Voyez les [nouvelles](updates/_index.md).
        """),

        "Content/en/get-help/_index.md": page("Get help", "Ways to get help.", ["weight: 1"], body: """
        ## Who to call

        Call the [hotline](hotline.md#when-to-call) or read about [shelters](shelters.md).
        """),
        "Content/fr/get-help/_index.md": page("Obtenir de l'aide", "Façons d'obtenir de l'aide.", ["weight: 1", "slug: aide"], body: """
        ## Qui appeler

        Appelez la [ligne d'urgence](hotline.md#quand-appeler) ou lisez sur les [refuges](shelters.md).
        """),
        "Content/en/get-help/shelters.md": page("Shelters", "Safe places to stay.", ["weight: 2"], body: "A shelter is a safe place. [Back](_index.md)"),
        "Content/fr/get-help/shelters.md": page("Refuges", "Des endroits sûrs.", ["weight: 2", "slug: refuges"], body: "Un refuge est un lieu sûr. [Retour](_index.md)"),
        "Content/en/get-help/hotline.md": page("The hotline", "Call any time.", ["weight: 1"], body: """
        ## When to call

        Call 1-833-900-1010 at any time. See also [the home page](/en/).
        """),
        "Content/fr/get-help/hotline.md": page("La ligne d'urgence", "Appelez en tout temps.", ["weight: 1", "slug: ligne-d-urgence"], body: """
        ## Quand appeler

        Composez le 1-833-900-1010 en tout temps : c'est gratuit. Voyez aussi [l'accueil](/fr/).
        """),

        "Content/en/about.md": page("About this site", "Who runs this site.", ["translationKey: about", "weight: 9"]),
        "Content/fr/a-propos.md": page("À propos de ce site", "Qui gère ce site.", ["translationKey: about", "weight: 9"]),

        "Content/en/updates/_index.md": page("Updates", "News about the strategy.", ["weight: 5"]),
        "Content/fr/updates/_index.md": page("Nouvelles", "Nouvelles sur la stratégie.", ["weight: 5", "slug: nouvelles"]),
    ]

    /// Three dated posts in each language, more than `paginate: 2` holds on one page.
    static let posts: [String: String] = {
        var files: [String: String] = [:]
        let items = [
            ("2019-05-29-hotline", "2019-05-29", "Hotline opens", "La ligne ouvre", "ligne-ouverte"),
            ("2020-03-06-strategy", "2020-03-06", "New strategy", "Nouvelle stratégie", "nouvelle-strategie"),
            ("2025-08-15-renewal", "2025-08-15", "Strategy renewed", "Stratégie renouvelée", "strategie-renouvelee"),
        ]
        for (name, date, english, french, slug) in items {
            files["Content/en/updates/\(name).md"] = page(english, "A news item.", ["date: \(date)"])
            files["Content/fr/updates/\(name).md"] = page(french, "Une nouvelle.", ["date: \(date)", "slug: \(slug)"])
        }
        return files
    }()
}
