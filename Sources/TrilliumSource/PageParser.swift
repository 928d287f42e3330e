import Foundation
import TrilliumModel
import Yams

/// Turns the text of one Markdown file into a `Page`, collecting every problem with its line.
public struct PageParser: Sendable {
    public init() {}

    /// Parses `text` (already decoded) read from `sourcePath` (relative to the site folder).
    public func parse(_ text: String, language: Language, relativePath: String, sourcePath: String) -> (page: Page?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: sourcePath, line: 1)
        if text.allSatisfy(\.isWhitespace) {
            return (nil, [.error(start, "the file is empty", hint: "Start it with front matter: `---`, `title: …`, `description: …`, `---`, then the text.")])
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter().split(text) {
        case .success(let value): parts = value
        case .failure(.missingOpeningFence):
            return (nil, [.error(start, "the file has no front matter", hint: "Put a `---` line first, then `title:` and `description:`, then another `---` line.")])
        case .failure(.unterminated(let line)):
            return (nil, [.error(SourceLocation(file: sourcePath, line: line), "the front matter opened here is never closed",
                                 hint: "Add a line with only `---` after the last front matter key.")])
        }
        let reader = YAMLReader(file: sourcePath, lineOffset: parts.yamlLineOffset)
        guard let root = reader.compose(parts.yaml), let map = reader.map(root, "the front matter") else {
            if reader.diagnostics.items.isEmpty {
                reader.diagnostics.error(SourceLocation(file: sourcePath, line: parts.yamlLineOffset), "the front matter is empty",
                                         hint: "Add at least `title:` and `description:`.")
            }
            return (nil, reader.diagnostics.items)
        }
        let what = "the front matter"
        map.rejectUnknownKeys(FrontMatter.keys, in: what)
        let title = map.string("title", required: true, in: what)
        let description = map.string("description", required: true, in: what)
        let slug = map.string("slug", in: what)
        if let slug, !Slug.isValid(slug) {
            reader.error(map.value("slug"), "slug `\(slug)` is not allowed",
                         hint: "Use lowercase letters a–z, digits and single hyphens only (no `/`, `..`, spaces or accents), e.g. `signes-avant-coureurs`.")
        }
        if let key = map.string("translationKey", in: what), !Slug.isValid(key) {
            reader.error(map.value("translationKey"), "translationKey `\(key)` is not allowed", hint: "Use lowercase letters, digits and hyphens.")
        }
        let frontMatter = FrontMatter(
            title: title ?? "",
            description: description ?? "",
            translationKey: map.string("translationKey", in: what),
            slug: slug,
            date: map.date("date", in: what),
            lastmod: map.date("lastmod", in: what),
            publishDate: map.date("publishDate", in: what),
            draft: map.bool("draft", in: what) ?? false,
            weight: map.int("weight", in: what) ?? 0,
            layout: map.string("layout", in: what),
            sources: parseSources(map, reader: reader),
            helpBox: map.bool("helpBox", in: what) ?? false
        )
        if reader.diagnostics.hasErrors { return (nil, reader.diagnostics.items) }
        var page = Page(language: language, relativePath: relativePath, sourcePath: sourcePath,
                        frontMatter: frontMatter, body: parts.body, bodyStartLine: parts.bodyStartLine)
        for key in map.keys { page.keyLines[key] = map.location(of: key).line }
        return (page, reader.diagnostics.items)
    }
}

extension PageParser {
    /// `sources:` — a list of `{ title, url, date }`; the date is the one the source gives for itself.
    func parseSources(_ map: YAMLMap, reader: YAMLReader) -> [Citation] {
        let what = "a source"
        return map.mapList("sources", in: "the front matter").compactMap { item in
            item.rejectUnknownKeys(["title", "url", "date", "lang"], in: what)
            let title = item.string("title", required: true, in: what)
            let url = item.string("url", required: true, in: what)
            if let url, !URLCheck.isAbsoluteWebURL(url) {
                reader.error(item.value("url"), "source URL `\(url)` is not a full web address",
                             hint: "Write the whole address, starting with https://.")
                return nil
            }
            let date = item.date("date", in: what)
            let language = item.string("lang", in: what)
            if let language, !LanguageTag.isValid(language) {
                reader.error(item.value("lang"), "`\(language)` is not a language code",
                             hint: "Write the source's language as a code such as en, fr or tl.")
                return nil
            }
            guard let title, let url else { return nil }
            return Citation(title: title, url: url, date: date, language: language, location: reader.location(of: item.node))
        }
    }
}

