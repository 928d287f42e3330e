import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Builds the parts of a `PageView` every page shares: head links, menus, toggle, contact numbers.
struct ViewFactory: Sendable {
    let config: SiteConfig
    let theme: Theme
    let plan: SitePlan
    let problems = RenderProblems()
    /// Each language's menu (title, site path) and footer links, the same on every page: worked out
    /// once. (A link that leads nowhere is a build error, so home is never used in a built site.)
    private let menus: [Language: (menu: [(title: String, target: String)], footer: [LinkView])]

    init(config: SiteConfig, theme: Theme, plan: SitePlan) {
        self.config = config
        self.theme = theme
        self.plan = plan
        var menus: [Language: (menu: [(title: String, target: String)], footer: [LinkView])] = [:]
        for language in Language.allCases {
            let settings = config.languages[language]
            let home = "/\(language.rawValue)/"
            menus[language] = (settings.menu.map { ($0.title, plan.menuTarget($0.link, language) ?? home) },
                               settings.footer.map { LinkView(title: $0.title, href: config.href(plan.menuTarget($0.link, language) ?? home)) })
        }
        self.menus = menus
    }

    func strings(_ language: Language) -> [String: String] { theme.strings[language] }

    /// A UI string of the theme; one the theme lacks is an error naming its i18n file.
    func t(_ key: String, _ language: Language) -> String {
        if let text = theme.strings[language][key] { return text }
        problems.record(.error(SourceLocation(file: "\(theme.origin)/i18n/\(language.rawValue).yaml"), "UI string `\(key)` is missing",
                               hint: "Add `\(key): …` to the theme's i18n files in both languages."))
        return ""
    }

    /// Site path of a theme asset; one the theme lacks is an error naming its assets folder.
    func asset(_ name: String) -> String {
        if let path = theme.assetPath(name) { return config.href(path) }
        problems.record(.error(SourceLocation(file: "\(theme.origin)/assets"), "the theme has no asset `\(name)`",
                               hint: "Add \(name) to the theme's assets/ folder."))
        return ""
    }

    /// The common view for a page at `urlPath` whose twin is at `twinPath`.
    func base(language: Language, urlPath: String, twinPath: String, title: String, description: String,
              breadcrumbs: [LinkView], lastModified: Day?) -> PageView {
        let settings = config.languages[language]
        let home = "/\(language.rawValue)/"
        let alternates = [
            AlternateView(hreflang: "en", href: config.absoluteURL(language == .en ? urlPath : twinPath)),
            AlternateView(hreflang: "fr-CA", href: config.absoluteURL(language == .fr ? urlPath : twinPath)),
            AlternateView(hreflang: "x-default", href: config.absoluteURL("/")),
        ]
        let other = language.other
        let links = menus[language]!
        let menu = links.menu.map { item -> LinkView in
            let current = item.target == urlPath || (item.target != home && urlPath.hasPrefix(item.target))
            return LinkView(title: item.title, href: config.href(item.target), current: current)
        }
        let footer = links.footer
        var view = PageView(
            lang: language.rawValue,
            htmlLang: language == .fr ? "fr-CA" : "en",
            isFrench: language == .fr,
            t: strings(language),
            site: SiteView(title: settings.title, description: settings.description, homeHref: config.href(home), rootHref: config.href("/")),
            title: title,
            documentTitle: urlPath == home ? settings.title : "\(title) – \(settings.title)",
            description: description,
            canonical: config.absoluteURL(urlPath),
            alternates: alternates,
            toggle: LinkView(title: other.nativeName, href: config.href(twinPath), lang: other == .fr ? "fr-CA" : "en-CA", hreflang: other == .fr ? "fr-CA" : "en-CA"),
            assets: AssetsView(css: asset("site.css"), printCSS: asset("print.css"), exitJS: asset("exit-this-page.js")),
            quickExitURL: config.quickExitURL,
            menu: menu,
            footerLinks: footer,
            breadcrumbs: breadcrumbs,
            content: "",
            toc: [],
            children: [],
            lastModified: lastModified.map { date($0, language) },
            published: nil,
            contact: ContactView(
                emergency: PhoneView(display: config.contact.emergency.description, tel: config.contact.emergency.telURI),
                hotline: PhoneView(display: config.contact.hotline.description, tel: config.contact.hotline.telURI),
                hotlineName: config.contact.hotlineName[language]),
            feeds: nil,
            latestUpdates: [],
            pagination: nil,
            directory: nil,
            serviceList: nil,
            service: nil,
            embedSnippets: nil,
            languageChoice: nil,
            scripts: []
        )
        view.siteSearch = SiteSearchFormView(href: config.href(GeneratedPages.urlPath(.search, language)))
        return view
    }

    /// The theme's templates with `TemplateField.pageConstants` of `base`'s pages in `language`
    /// rendered in advance.
    func foldedTemplates(_ language: Language) -> TemplateLibrary {
        let home = "/\(language.rawValue)/"
        let page = base(language: language, urlPath: home, twinPath: "/\(language.other.rawValue)/", title: "", description: "",
                        breadcrumbs: [], lastModified: nil)
        return theme.library.folding(TemplateField.pageConstants, of: page)
    }

    func date(_ day: Day, _ language: Language) -> DateView {
        DateView(iso: day.description, text: LocalizedDate.format(day, language), inSentence: LocalizedDate.inSentence(day, language))
    }

    func source(_ citation: Citation, _ language: Language) -> SourceView {
        // A French title on an English page gets French typography here; a French page is typeset whole.
        let title = citation.title.map { citation.language == "fr" && language != .fr ? FrenchTypography.apply(toText: $0) : $0 }
        return SourceView(href: citation.url, text: title ?? citation.url, date: citation.date.map { date($0, language) },
                   otherLanguage: citation.language == language.rawValue ? nil : citation.language)
    }

    /// Breadcrumbs from the home page down to a content page.
    func breadcrumbs(for page: Page) -> [LinkView] {
        let chain = SiteStructure.ancestors(of: page, in: plan)
        return chain.enumerated().map { index, ancestor in
            LinkView(title: ancestor.isHome ? t("home", page.language) : ancestor.frontMatter.title, href: config.href(ancestor.urlPath),
                     current: index == chain.count - 1)
        }
    }

    /// Breadcrumbs for a generated page: home, then the given (title, path) steps.
    func breadcrumbs(_ language: Language, _ steps: [(String, String)]) -> [LinkView] {
        let homePath = "/\(language.rawValue)/"
        let all = [(t("home", language), homePath)] + steps
        return all.enumerated().map { index, step in
            LinkView(title: step.0, href: config.href(step.1), current: index == all.count - 1)
        }
    }

    /// Table of contents from h2 and h3 headings.
    static func toc(_ headings: [Heading]) -> [TocItem] {
        var items: [TocItem] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, !items.isEmpty {
                items[items.count - 1].children.append(TocItem(text: heading.text, id: heading.id, children: []))
            } else {
                items.append(TocItem(text: heading.text, id: heading.id, children: []))
            }
        }
        return items
    }
}
