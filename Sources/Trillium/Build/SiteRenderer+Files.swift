import Foundation

/// Site-wide files: the language-choice root, 404 pages, feeds, sitemap, robots.txt, assets, host headers.
extension SiteRenderer {
    func renderSiteFiles(into writer: OutputWriter, diagnostics: inout DiagnosticList) {
        renderLanguageChoice(writer: writer, diagnostics: &diagnostics)
        for language in Language.allCases {
            var view = factory.base(language: language, urlPath: "/\(language.rawValue)/404.html", twinPath: "/\(language.other.rawValue)/404.html",
                                    title: factory.t("notFoundTitle", language), description: factory.t("notFoundDescription", language),
                                    breadcrumbs: [], lastModified: nil)
            view.canonical = config.absoluteURL("/\(language.rawValue)/")
            write(view, template: "404", to: "/\(language.rawValue)/404.html", language: language, writer: writer, diagnostics: &diagnostics)
        }
        for asset in site.theme.assets {
            tryWrite(asset.data, asset.outputPath, writer, &diagnostics)
            if let stable = asset.stablePath { tryWrite(asset.data, stable, writer, &diagnostics) }
        }
        tryWrite(Data(sitemap().utf8), "sitemap.xml", writer, &diagnostics)
        tryWrite(Data(robots().utf8), "robots.txt", writer, &diagnostics)
        tryWrite(Data(HostConfiguration(config: config, theme: site.theme).headersFile().utf8), "_headers", writer, &diagnostics)
    }

    func tryWrite(_ data: Data, _ path: String, _ writer: OutputWriter, _ diagnostics: inout DiagnosticList) {
        do { try writer.write(data, to: path) } catch {
            diagnostics.error(SourceLocation(file: "Public/" + path), "could not write the file: \(error.localizedDescription)")
        }
    }

    /// The bilingual root: a choice between English and French, with no automatic redirect.
    /// The same page, worded as "not found" in both languages, is `/404.html` for hosts that
    /// serve one 404 page for the whole site.
    func renderLanguageChoice(writer: OutputWriter, diagnostics: inout DiagnosticList) {
        renderLanguageChoice(notFound: false, writer: writer, diagnostics: &diagnostics)
        renderLanguageChoice(notFound: true, writer: writer, diagnostics: &diagnostics)
    }

    func renderLanguageChoice(notFound: Bool, writer: OutputWriter, diagnostics: inout DiagnosticList) {
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
        let html = site.theme.library.render(view.prepared(), withTemplate: "language-choice") ?? ""
        tryWrite(Data(html.utf8), notFound ? "404.html" : "index.html", writer, &diagnostics)
    }

    /// Every page in both languages with `xhtml:link` alternates.
    func sitemap() -> String {
        var pairs: [(String, String, Day?)] = []
        for (index, page) in plan.pages.enumerated() {
            pairs.append((page.urlPath, plan.twin(of: index).urlPath, page.frontMatter.lastmod ?? page.frontMatter.date))
        }
        for kind in GeneratedPages.kinds(services: site.services) where kind != .embedServices {
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
            xml += "<url><loc>\(XML.escape(config.absoluteURL(path)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(XML.escape(config.absoluteURL(english)))\"/>"
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"fr-CA\" href=\"\(XML.escape(config.absoluteURL(french)))\"/>"
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(config.absoluteURL("/")))\"/></url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: \(config.basePath)\n"
        for language in Language.allCases { text += "Disallow: \(config.href(GeneratedPages.urlPath(.embedServices, language)))\n" }
        return text + "Sitemap: \(config.absoluteURL("/sitemap.xml"))\n"
    }

    // MARK: Feeds

    /// Atom and JSON Feed 1.1 for a section of dated posts.
    func writeFeeds(section: Page, posts: [Page], writer: OutputWriter, diagnostics: inout DiagnosticList) {
        let language = section.language
        func text(_ value: String) -> String { language == .fr ? FrenchTypography.apply(toText: value) : value }
        let siteTitle = config.languages[language].title
        let feedTitle = text("\(section.frontMatter.title) – \(siteTitle)")
        let updated = posts.compactMap { $0.frontMatter.lastmod ?? $0.frontMatter.date }.max() ?? Day(year: 2000, month: 1, day: 1)
        var atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language == .fr ? "fr-CA" : "en-CA")">
        <title>\(XML.escape(feedTitle))</title>
        <subtitle>\(XML.escape(text(section.frontMatter.description)))</subtitle>
        <link rel="self" type="application/atom+xml" href="\(XML.escape(config.absoluteURL(section.urlPath + "feed.xml")))"/>
        <link rel="alternate" type="text/html" href="\(XML.escape(config.absoluteURL(section.urlPath)))"/>
        <id>\(XML.escape(config.absoluteURL(section.urlPath)))</id>
        <updated>\(updated)T00:00:00Z</updated>
        <author><name>\(XML.escape(siteTitle))</name></author>

        """
        var items: [[String: Any]] = []
        for post in posts {
            guard let date = post.frontMatter.date else { continue }
            let url = config.absoluteURL(post.urlPath)
            let modified = post.frontMatter.lastmod ?? date
            atom += """
            <entry><title>\(XML.escape(text(post.frontMatter.title)))</title><link rel="alternate" type="text/html" href="\(XML.escape(url))"/>\
            <id>\(XML.escape(url))</id><published>\(date)T00:00:00Z</published><updated>\(modified)T00:00:00Z</updated>\
            <summary>\(XML.escape(text(post.frontMatter.description)))</summary></entry>

            """
            items.append([
                "id": url, "url": url, "title": text(post.frontMatter.title), "summary": text(post.frontMatter.description),
                "content_text": text(post.frontMatter.description), "date_published": "\(date)T00:00:00Z",
                "date_modified": "\(modified)T00:00:00Z", "language": language == .fr ? "fr-CA" : "en-CA",
            ])
        }
        atom += "</feed>\n"
        let feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": feedTitle,
            "home_page_url": config.absoluteURL(section.urlPath),
            "feed_url": config.absoluteURL(section.urlPath + "feed.json"),
            "description": text(section.frontMatter.description),
            "language": language == .fr ? "fr-CA" : "en-CA",
            "authors": [["name": siteTitle]],
            "items": items,
        ]
        tryWrite(Data(atom.utf8), String(section.urlPath.dropFirst()) + "feed.xml", writer, &diagnostics)
        tryWrite(JSONOutput.data(feed), String(section.urlPath.dropFirst()) + "feed.json", writer, &diagnostics)
    }
}

/// The language-choice page's second language.
public struct LanguageChoiceView: Sendable {
    public var english: LinkView
    public var french: LinkView
    public var descriptionEn: String
    public var descriptionFr: String
    public var tFr: [String: String]
    /// Worded as the site-wide "page not found" page.
    public var notFound: Bool
}

enum XML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Deterministic JSON: sorted keys, no escaped slashes, trailing newline.
public enum JSONOutput {
    public static func data(_ object: Any, pretty: Bool = false) -> Data {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        var data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
