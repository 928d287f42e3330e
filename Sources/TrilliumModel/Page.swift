/// Front matter of a content page, validated.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var description: String
    public var translationKey: String?
    public var slug: String?
    public var date: Day?
    public var lastmod: Day?
    public var publishDate: Day?
    public var draft: Bool
    public var weight: Int
    public var layout: String?
    /// Where the page's facts come from; listed at the end of the page.
    public var sources: [Citation]
    /// Opens the page with a short "get help now" box.
    public var helpBox: Bool

    public static let keys = ["title", "description", "translationKey", "slug", "date", "lastmod", "publishDate", "draft", "weight", "layout",
                              "sources", "helpBox"]

    public init(title: String, description: String, translationKey: String? = nil, slug: String? = nil, date: Day? = nil,
                lastmod: Day? = nil, publishDate: Day? = nil, draft: Bool = false, weight: Int = 0, layout: String? = nil,
                sources: [Citation] = [], helpBox: Bool = false) {
        self.title = title
        self.description = description
        self.translationKey = translationKey
        self.slug = slug
        self.date = date
        self.lastmod = lastmod
        self.publishDate = publishDate
        self.draft = draft
        self.weight = weight
        self.layout = layout
        self.sources = sources
        self.helpBox = helpBox
    }
}

/// A Markdown page read from `Content/<lang>/`, before rendering.
public struct Page: Sendable, Hashable {
    public var language: Language
    /// Path below `Content/<lang>/`, e.g. `strategy/raising-awareness.md`. Twins share it unless paired by key.
    public var relativePath: String
    /// Path below the site folder, for diagnostics: `Content/en/strategy/raising-awareness.md`.
    public var sourcePath: String
    public var frontMatter: FrontMatter
    public var body: String
    /// Line of the file where the Markdown body starts (front matter lines are counted).
    public var bodyStartLine: Int
    /// Site path with leading and trailing slash, e.g. `/fr/strategie/sensibilisation/`; set by URL planning.
    public var urlPath: String = ""
    /// File line of each front matter key, so problems with a key can name its line.
    public var keyLines: [String: Int] = [:]

    public init(language: Language, relativePath: String, sourcePath: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int) {
        self.language = language
        self.relativePath = relativePath
        self.sourcePath = sourcePath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    /// `_index.md` is a section's own page (Hugo's convention).
    public var isSection: Bool { relativePath == "_index.md" || relativePath.hasSuffix("/_index.md") }

    public var isHome: Bool { relativePath == "_index.md" }

    /// The folder this page belongs to: for a section page its own folder, for others the containing folder ("" at root).
    public var sectionFolder: String {
        let parts = relativePath.split(separator: "/").map(String.init)
        return parts.dropLast().joined(separator: "/")
    }

    /// Folder of the parent section: a section page's parent folder, or a regular page's folder.
    public var parentFolder: String? {
        if isHome { return nil }
        if isSection {
            let parts = sectionFolder.split(separator: "/").map(String.init)
            return parts.dropLast().joined(separator: "/")
        }
        return sectionFolder
    }

    /// Key shared by twins: the explicit `translationKey`, else the relative path.
    public var pairingKey: String { frontMatter.translationKey.map { "key:" + $0 } ?? "path:" + relativePath }

    public var location: SourceLocation { SourceLocation(file: sourcePath, line: 1) }

    /// Where a front matter key is written, or the top of the file when it is not.
    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: sourcePath, line: keyLines[key] ?? 1)
    }
}
