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

/// Templates read views through `TemplateObject.value(of:)`. A stored property missing from that
/// switch would render as nothing, silently; these tests walk every view with reflection and
/// demand that each stored property is reachable by its name.
@Suite("Template views")
struct TemplateViewTests {
    /// Recursively checks `value` and everything inside it; returns "Type.property" for each gap.
    static func unreachableProperties(in value: Any, path: String = "PageView") -> [String] {
        var gaps: [String] = []
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { unreachableProperties(in: $0.value, path: path) } ?? []
        }
        if mirror.displayStyle == .collection {
            for (index, child) in mirror.children.enumerated() { gaps += unreachableProperties(in: child.value, path: "\(path)[\(index)]") }
            return gaps
        }
        guard mirror.displayStyle == .struct, let parent = value as? any TemplateObject else { return [] }
        for child in mirror.children {
            guard let label = child.label else { continue }
            let isNilOptional = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            let found: Bool = if let field = TemplateField(rawValue: label), case .missing = parent.value(of: field) { false } else { TemplateField(rawValue: label) != nil }
            if !found && !isNilOptional { gaps.append("\(path).\(label)") }
            gaps += unreachableProperties(in: child.value, path: "\(path).\(label)")
        }
        return gaps
    }

    static func factory() throws -> ViewFactory {
        var diagnostics = DiagnosticList()
        let directory = try #require(DefaultThemeLocation.directory())
        let files = try #require(ThemeLoader(bundledThemeDirectory: directory).load(directory: directory, displayPrefix: "Themes/default", name: "default", diagnostics: &diagnostics))
        let theme = try #require(Theme.compile(files, diagnostics: &diagnostics))
        let (config, _) = SiteConfigLoader().parse(FixtureSite.siteYAML)
        return ViewFactory(config: try #require(config), theme: theme, plan: SitePlan(pages: [], twinOf: [], indexByPath: [:], knownPaths: []))
    }

    static func fullView() throws -> PageView {
        let factory = try factory()
        var view = factory.base(language: .fr, urlPath: "/fr/a/", twinPath: "/en/a/", title: "Titre", description: "Description",
                                breadcrumbs: factory.breadcrumbs(.fr, [("Titre", "/fr/a/")]), lastModified: Day(year: 2026, month: 1, day: 2))
        let date = factory.date(Day(year: 2020, month: 3, day: 6), .fr)
        let link = ContactLinkView(text: "Appeler", href: "tel:211", isExternal: false)
        let term = TermView(id: "c", label: "Catégorie", href: "/fr/services/categorie/c/", count: 1, countText: "1")
        view.toc = [TocItem(text: "Un", id: "un", children: [TocItem(text: "Deux", id: "deux", children: [])])]
        view.children = [CardView(title: "Carte", href: "/fr/b/", text: "Texte", date: date)]
        view.latestUpdates = view.children
        view.published = date
        view.feeds = FeedLinksView(atom: "/fr/n/feed.xml", json: "/fr/n/feed.json")
        view.pagination = PaginationView(previous: "/fr/n/", next: "/fr/n/page/3/", pages: [PageNumberView(title: "1", href: "/fr/n/", current: false), PageNumberView(title: "…", href: nil, current: false, isGap: true)], current: 2, total: 3)
        view.directory = DirectoryView(searchIndex: "/i.json", listsURL: "/api/v1/lists/fr/", facetsURL: "/api/v1/lists/facets/",
                                       categories: [term], regions: [term], audiences: [term], languages: [term], allServices: term,
                                       featured: FeaturedServicesView(heading: "Lignes", cardsHTML: "<li></li>", more: term))
        view.serviceList = ServiceListView(countText: "1 service", cardsHTML: "<li></li>", isEmpty: false, hasGroups: true, hasWiden: true,
                                           regionCovers: "Ottawa", groups: [TermGroupView(heading: "Par région", terms: [term])],
                                           widen: [LinkView(title: "Tous", href: "/fr/services/tous/")])
        view.service = ServiceView(id: "s", name: "Nom", summary: "Résumé", descriptionHTML: "<p>Texte</p>", organization: "Org", contacts: [link],
                                   facts: [FactView(term: "Heures", value: "Jour et nuit", links: [link])], lastVerified: date,
                                   source: SourceView(href: "https://example.org/", text: "Exemple", date: date), tags: ["Gratuit"])
        view.sources = [SourceView(href: "https://example.org/", text: "Example", date: date, otherLanguage: "en")]
        view.helpBox = HelpBoxView(directoryHref: "/fr/services/")
        view.embedSnippets = EmbedSnippetsView(widget: "w", iframe: "i", frameListener: "f", servicesJSON: "s", schemaJSON: "c", hsdsJSON: "h", hsdsPagesJSON: "p", openAPIJSON: "o", embedJS: "e", version: "1.0.0")
        view.languageChoice = LanguageChoiceView(english: link.asLink, french: link.asLink, descriptionEn: "d", descriptionFr: "d", tFr: ["k": "v"], notFound: true)
        view.scripts = ["/x.js"]
        view.search = SearchPageView(indexURL: "/search/fr/meta.json", isSearchPage: true, letters: [link.asLink],
                                     entries: [SearchEntryView(title: "Nom", href: "/fr/services/s/", section: "Services", phone: link)],
                                     hasEntries: true, resultsNone: "Aucun", resultsOne: "1", resultsMany: "{n}", resultsError: "Erreur")
        return view.prepared()
    }

    /// A card, which the `service-card` template renders on its own (lists hold cards already rendered).
    static let card = ServiceCardView(id: "s", name: "Nom", href: "/fr/services/s/", summary: "Résumé",
                                      contacts: [ContactLinkView(text: "Appeler", href: "tel:211", isExternal: false)], tags: ["Gratuit"])

    @Test func everyStoredPropertyOfEveryViewIsReachableFromTemplates() throws {
        let gaps = Self.unreachableProperties(in: try Self.fullView()) + Self.unreachableProperties(in: Self.card, path: "ServiceCardView")
        #expect(gaps.isEmpty, "not exposed to templates: \(gaps.joined(separator: ", "))")
    }

    /// "Type.property" for each view inside `value`, other than `value` itself, that answers one
    /// of `fields`.
    static func viewsAnswering(_ fields: Set<TemplateField>, in value: Any, path: String, isRoot: Bool = true) -> [String] {
        let mirror = Mirror(reflecting: value)
        var found: [String] = []
        if !isRoot, mirror.displayStyle == .struct, let view = value as? any TemplateObject {
            for field in fields.sorted(by: { $0.rawValue < $1.rawValue }) {
                if case .missing = view.value(of: field) { continue }
                found.append("\(path).\(field.rawValue)")
            }
        }
        for (index, child) in mirror.children.enumerated() {
            found += viewsAnswering(fields, in: child.value, path: "\(path).\(child.label ?? String(index))", isRoot: false)
        }
        return found
    }

    @Test func onlyThePageAnswersTheFieldsRenderedInAdvance() throws {
        let found = Self.viewsAnswering(TemplateField.pageConstants, in: try Self.fullView(), path: "PageView")
            + Self.viewsAnswering(TemplateField.pageConstants, in: Self.card, path: "ServiceCardView", isRoot: false)
        #expect(found.isEmpty, "these views answer a field templates render in advance from the page: \(found.joined(separator: ", "))")
        // The check itself: a page inside a page answers them.
        #expect(Self.viewsAnswering([.site], in: [try Self.fullView()], path: "list").count == 1)
    }

    @Test func everyTemplateRendersTheSameWithThePageConstantsRenderedInAdvance() throws {
        let factory = try Self.factory()
        var view = try Self.fullView()
        for language in Language.allCases {
            let base = factory.base(language: language, urlPath: "/\(language.rawValue)/a/", twinPath: "/\(language.other.rawValue)/a/", title: "T",
                                    description: "D", breadcrumbs: [], lastModified: nil)
            view.lang = base.lang
            view.htmlLang = base.htmlLang
            view.t = base.t
            view.site = base.site
            view.contact = base.contact
            view.assets = base.assets
            view.siteSearch = base.siteSearch
            view.quickExitURL = base.quickExitURL
            let folded = factory.foldedTemplates(language)
            for name in factory.theme.templateNames.sorted() {
                let plain = try #require(factory.theme.library.render(name, with: view))
                #expect(try #require(folded.render(name, with: view)) == plain, "\(name) in \(language)")
                #expect(plain.count > 0)
            }
            let card = try #require(folded.render("service-card", stack: [view, Self.card], capacity: 64))
            #expect(card == factory.theme.library.render("service-card", stack: [view, Self.card], capacity: 64))
        }
    }

    @Test func aMissingPropertyWouldBeCaught() {
        struct Partial: TemplateObject {
            var title = "a"
            var text = "b"
            func value(of field: TemplateField) -> TemplateValue { field == .title ? .text(title) : .missing }
        }
        #expect(Self.unreachableProperties(in: Partial(), path: "Partial") == ["Partial.text"])
    }
}

private extension ContactLinkView {
    var asLink: LinkView { LinkView(title: text, href: href) }
}
