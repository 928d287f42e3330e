import Foundation
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// Site-wide files: the language-choice root, 404 pages, feeds, sitemap, robots.txt, assets, host headers.
extension SiteRenderer {
    func renderSiteFiles() -> [OutputFile] {
        var files = renderLanguageChoice()
        for language in Language.allCases {
            var view = factory.base(language: language, urlPath: "/\(language.rawValue)/404.html", twinPath: "/\(language.other.rawValue)/404.html",
                                    title: factory.t("notFoundTitle", language), description: factory.t("notFoundDescription", language),
                                    breadcrumbs: [], lastModified: nil)
            view.canonical = config.absoluteURL("/\(language.rawValue)/")
            files.append(renderPage(view, template: "404", to: "/\(language.rawValue)/404.html", language: language))
        }
        for asset in input.theme.assets {
            // Files partners link to have one stable address and no hashed copy.
            if let stable = asset.stablePath {
                files.append(OutputFile(path: stable, data: WidgetSettings.fill(asset.data, with: widgetSettings())))
            } else {
                files.append(OutputFile(path: asset.outputPath, data: asset.data))
            }
        }
        files.append(OutputFile(path: "sitemap.xml", text: sitemap()))
        files.append(OutputFile(path: "robots.txt", text: robots()))
        files.append(OutputFile(path: "_headers", text: HostConfiguration(config: config).headersFile()))
        return files
    }

    /// The bilingual root: a choice between English and French, with no automatic redirect.
    /// The same page, worded as "not found" in both languages, is `/404.html` for hosts that
    /// serve one 404 page for the whole site.
    func renderLanguageChoice() -> [OutputFile] {
        [renderLanguageChoice(notFound: false), renderLanguageChoice(notFound: true)]
    }

    func renderLanguageChoice(notFound: Bool) -> OutputFile {
        var view = factory.base(language: .en, urlPath: "/", twinPath: "/", title: config.languages[.en].title,
                                description: config.languages[.en].description, breadcrumbs: [], lastModified: nil)
        view.documentTitle = notFound
            ? "\(factory.t("notFoundTitle", .en)) | \(FrenchTypography.apply(toText: factory.t("notFoundTitle", .fr)))"
            : "\(config.languages[.en].title) | \(FrenchTypography.apply(toText: config.languages[.fr].title))"
        view.toggle = nil
        view.languageChoice = LanguageChoiceView(
            english: LinkView(title: config.languages[.en].title, href: config.href("/en/"), lang: "en-CA", hreflang: "en-CA"),
            french: LinkView(title: FrenchTypography.apply(toText: config.languages[.fr].title), href: config.href("/fr/"), lang: "fr-CA", hreflang: "fr-CA"),
            descriptionEn: config.languages[.en].description, descriptionFr: FrenchTypography.apply(toText: config.languages[.fr].description),
            tFr: factory.strings(.fr).mapValues(FrenchTypography.apply(toText:)), notFound: notFound)
        return OutputFile(path: notFound ? "404.html" : "index.html", text: renderHTML(view, template: "language-choice", language: .en))
    }

    /// Every page in both languages with `xhtml:link` alternates.
    func sitemap() -> String {
        var pairs: [(String, String, Day?)] = []
        for (index, page) in plan.pages.enumerated() {
            pairs.append((page.urlPath, plan.twin(of: index).urlPath, page.frontMatter.lastmod ?? page.frontMatter.date))
        }
        // The directory's pages, and the first page of each of its lists (the others are reached from it).
        for kind in GeneratedPages.kinds(services: input.services) {
            switch kind {
            case .directory, .partners, .service, .serviceList(_, page: 1): break
            default: continue
            }
            for language in Language.allCases {
                pairs.append((GeneratedPages.urlPath(kind, language), GeneratedPages.urlPath(kind, language.other), nil))
            }
        }
        pairs.sort { $0.0 < $1.0 }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for (path, twin, lastmod) in pairs {
            let english = path.hasPrefix("/en/") ? path : twin
            let french = path.hasPrefix("/fr/") ? path : twin
            xml += "<url><loc>\(MarkupEscaping.escape(config.absoluteURL(path)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(MarkupEscaping.escape(config.absoluteURL(english)))\"/>"
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"fr-CA\" href=\"\(MarkupEscaping.escape(config.absoluteURL(french)))\"/>"
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(MarkupEscaping.escape(config.absoluteURL("/")))\"/></url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: \(config.basePath)\n"
        for language in Language.allCases { text += "Disallow: \(config.href(GeneratedPages.urlPath(.embedServices(.all, page: 1), language)))\n" }
        return text + "Sitemap: \(config.absoluteURL("/sitemap.xml"))\n"
    }

    // MARK: Feeds

    /// Atom and JSON Feed 1.1 for a section of dated posts.
    func feeds(section: Page, posts: [Page]) -> [OutputFile] {
        let language = section.language
        func text(_ value: String) -> String { language == .fr ? FrenchTypography.apply(toText: value) : value }
        let siteTitle = config.languages[language].title
        let feedTitle = text("\(section.frontMatter.title) – \(siteTitle)")
        let updated = posts.compactMap { $0.frontMatter.lastmod ?? $0.frontMatter.date }.max() ?? Day(year: 2000, month: 1, day: 1)
        var atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language == .fr ? "fr-CA" : "en-CA")">
        <title>\(MarkupEscaping.escape(feedTitle))</title>
        <subtitle>\(MarkupEscaping.escape(text(section.frontMatter.description)))</subtitle>
        <link rel="self" type="application/atom+xml" href="\(MarkupEscaping.escape(config.absoluteURL(section.urlPath + "feed.xml")))"/>
        <link rel="alternate" type="text/html" href="\(MarkupEscaping.escape(config.absoluteURL(section.urlPath)))"/>
        <id>\(MarkupEscaping.escape(config.absoluteURL(section.urlPath)))</id>
        <updated>\(updated)T00:00:00Z</updated>
        <author><name>\(MarkupEscaping.escape(siteTitle))</name></author>

        """
        var items: [JSONValue] = []
        for post in posts {
            guard let date = post.frontMatter.date else { continue }
            let url = config.absoluteURL(post.urlPath)
            let modified = post.frontMatter.lastmod ?? date
            atom += """
            <entry><title>\(MarkupEscaping.escape(text(post.frontMatter.title)))</title><link rel="alternate" type="text/html" href="\(MarkupEscaping.escape(url))"/>\
            <id>\(MarkupEscaping.escape(url))</id><published>\(date)T00:00:00Z</published><updated>\(modified)T00:00:00Z</updated>\
            <summary>\(MarkupEscaping.escape(text(post.frontMatter.description)))</summary></entry>

            """
            items.append([
                "id": .string(url), "url": .string(url), "title": .string(text(post.frontMatter.title)),
                "summary": .string(text(post.frontMatter.description)), "content_text": .string(text(post.frontMatter.description)),
                "date_published": .string("\(date)T00:00:00Z"), "date_modified": .string("\(modified)T00:00:00Z"),
                "language": language == .fr ? "fr-CA" : "en-CA",
            ])
        }
        atom += "</feed>\n"
        let feed: JSONValue = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": .string(feedTitle),
            "home_page_url": .string(config.absoluteURL(section.urlPath)),
            "feed_url": .string(config.absoluteURL(section.urlPath + "feed.json")),
            "description": .string(text(section.frontMatter.description)),
            "language": language == .fr ? "fr-CA" : "en-CA",
            "authors": [["name": .string(siteTitle)]],
            "items": .array(items),
        ]
        return [OutputFile(path: String(section.urlPath.dropFirst()) + "feed.xml", text: atom),
                OutputFile(path: String(section.urlPath.dropFirst()) + "feed.json", data: JSONWriter.data(feed, trailingNewline: true))]
    }
}

extension SiteRenderer {
    /// What the partner widget needs to know about this site, from site.yaml, the taxonomy and
    /// the theme's `widget*` UI strings.
    func widgetSettings() -> JSONValue {
        func words(_ language: Language) -> JSONValue {
            func text(_ key: String) -> JSONValue {
                let value = factory.t(key, language)
                return .string(language == .fr ? FrenchTypography.apply(toText: value) : value)
            }
            return [
                "heading": text("widgetHeading"), "loading": text("widgetLoading"), "error": text("widgetError"),
                "empty": text("widgetEmpty"), "seeAll": text("widgetSeeAll"), "open247": text("widgetOpen247"),
                "kinds": ["voice": text("widgetCall"), "text": text("widgetTextTo"), "tty": text("widgetTTY"), "fallback": text("widgetCall")],
            ]
        }
        return [
            "hotline": ["number": .string(config.contact.hotline.written), "tel": .string(config.contact.hotline.e164)],
            "everywhere": .string(input.services?.taxonomy.everywhereRegion ?? ""),
            "text": ["en": words(.en), "fr": words(.fr)],
        ]
    }
}

/// The widget script carries the site's settings: the build writes them in place of a marker.
enum WidgetSettings {
    static let marker = Data("/*trillium:widget-config*/ null".utf8)

    /// `script` with its marker replaced by `settings` as JSON; a script without the marker is left as it is.
    static func fill(_ script: Data, with settings: JSONValue) -> Data {
        guard let range = script.range(of: marker) else { return script }
        var filled = script
        filled.replaceSubrange(range, with: JSONWriter.data(settings))
        return filled
    }
}
