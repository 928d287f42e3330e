import Foundation
import TrilliumModel
import Yams

/// Reads and validates `Content/site.yaml`.
public struct SiteConfigLoader: Sendable {
    public static let path = "Content/site.yaml"

    public init() {}

    public func parse(_ text: String, file: String = SiteConfigLoader.path) -> (SiteConfig?, [Diagnostic]) {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(FrontMatterSplitter.normalize(text)), let map = reader.map(root, "site.yaml") else {
            return (nil, reader.diagnostics.items)
        }
        let what = "site.yaml"
        map.rejectUnknownKeys(["baseURL", "theme", "quickExitURL", "languages", "contact", "markdown", "paginate", "localTime"], in: what)
        let baseURL = map.string("baseURL", required: true, in: what).map(BaseURL.normalized)
        if let baseURL, !BaseURL.isValid(baseURL) {
            reader.error(map.value("baseURL"), "baseURL must be an absolute http(s) URL", hint: "For example `https://www.example.org/`.")
        }
        let quickExit = map.string("quickExitURL", required: true, in: what)
        if let quickExit, !URLCheck.isAbsoluteWebURL(quickExit) {
            reader.error(map.value("quickExitURL"), "quickExitURL must be an absolute http(s) URL of a neutral website")
        }
        var languages: [Language: SiteConfig.LanguageSettings] = [:]
        if let languagesMap = map.map("languages", required: true, in: what) {
            languagesMap.rejectUnknownKeys(Language.allCases.map(\.rawValue), in: "languages")
            for language in Language.allCases {
                guard let settings = languagesMap.map(language.rawValue, required: true, in: "languages") else { continue }
                let where_ = "languages.\(language.rawValue)"
                settings.rejectUnknownKeys(["title", "description", "menu", "footer"], in: where_)
                func items(_ key: String) -> [SiteConfig.MenuItem] {
                    settings.mapList(key, in: where_).compactMap { item -> SiteConfig.MenuItem? in
                        item.rejectUnknownKeys(["title", "link"], in: "a \(key) item")
                        guard let title = item.string("title", required: true, in: "a \(key) item"),
                              let link = item.string("link", required: true, in: "a \(key) item") else { return nil }
                        return SiteConfig.MenuItem(title: title, link: link, location: item.location(of: "link"))
                    }
                }
                let menu = items("menu")
                let footer = items("footer")
                if let title = settings.string("title", required: true, in: where_),
                   let description = settings.string("description", required: true, in: where_) {
                    languages[language] = .init(title: title, description: description, menu: menu, footer: footer)
                }
            }
        }
        var contact: SiteConfig.Contact?
        if let contactMap = map.map("contact", required: true, in: what) {
            contactMap.rejectUnknownKeys(["emergency", "hotline", "hotlineName"], in: "contact")
            let emergency = phone(contactMap, "emergency", reader)
            let hotline = phone(contactMap, "hotline", reader)
            let name = contactMap.localized("hotlineName", in: "contact")
            if let emergency, let hotline, let name { contact = .init(emergency: emergency, hotline: hotline, hotlineName: name) }
        }
        var allowed: [String] = []
        if let markdown = map.map("markdown", in: what) {
            markdown.rejectUnknownKeys(["allowHTML"], in: "markdown")
            allowed = markdown.stringList("allowHTML", in: "markdown") ?? []
            for element in allowed where !MarkdownHTMLPolicy.permitted.contains(element) {
                reader.error(markdown.value("allowHTML"), "`\(element)` cannot be allowed in Markdown",
                             hint: "Only these harmless elements can be allowed: \(MarkdownHTMLPolicy.permitted.sorted().joined(separator: ", ")).")
            }
        }
        let paginate = map.int("paginate", in: what) ?? 10
        if paginate < 1 { reader.error(map.value("paginate"), "paginate must be at least 1") }
        guard !reader.diagnostics.hasErrors, let baseURL, let quickExit, let contact, languages.count == Language.allCases.count else {
            return (nil, reader.diagnostics.items)
        }
        let localTime = map.localized("localTime", required: false, in: what) ?? SiteConfig.defaultLocalTime
        var config = SiteConfig(baseURL: baseURL, theme: map.string("theme", in: what) ?? "default", quickExitURL: quickExit,
                                languages: Localized(languages), contact: contact, allowedHTMLElements: allowed, paginate: paginate,
                                localTime: localTime)
        config.themeLocation = map.value("theme").map { reader.location(of: $0) }
        return (config, reader.diagnostics.items)
    }

    private func phone(_ map: YAMLMap, _ key: String, _ reader: YAMLReader) -> PhoneNumber? {
        guard let text = map.string(key, required: true, in: "contact") else { return nil }
        guard let number = PhoneNumber(text) else {
            reader.error(map.value(key), "`\(text)` is not a phone number that can be dialled in North America",
                         hint: "Write a North American number such as 1-800-555-0199, or a short code such as 211, 911 or 988.")
            return nil
        }
        return number
    }
}

