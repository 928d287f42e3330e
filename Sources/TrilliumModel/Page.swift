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
///
/// Pages are copied often (plans, lists, breadcrumbs), so the text they carry lives in one shared
/// box, copied only when a copy is changed: copying a page retains one object, not a dozen strings.
public struct Page: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        var relativePath: String
        var sourcePath: String
        var frontMatter: FrontMatter
        var body: String
        var bodyStartLine: Int
        var keyLines: [String: Int]
        var sectionFolder: String
        var parentFolder: String?
        var isSection: Bool

        init(relativePath: String, sourcePath: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int, keyLines: [String: Int]) {
            self.relativePath = relativePath
            self.sourcePath = sourcePath
            self.frontMatter = frontMatter
            self.body = body
            self.bodyStartLine = bodyStartLine
            self.keyLines = keyLines
            (sectionFolder, parentFolder) = Self.folders(of: relativePath)
            isSection = Self.isSection(relativePath)
        }

        static func isSection(_ relativePath: String) -> Bool { relativePath == "_index.md" || relativePath.hasSuffix("/_index.md") }

        func copy() -> Storage {
            Storage(relativePath: relativePath, sourcePath: sourcePath, frontMatter: frontMatter, body: body, bodyStartLine: bodyStartLine, keyLines: keyLines)
        }

        /// The folder a page belongs to, and the folder of its parent section (nil for the home page).
        static func folders(of relativePath: String) -> (String, String?) {
            let section = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[..<$0]) } ?? ""
            let isSection = relativePath == "_index.md" || relativePath.hasSuffix("/_index.md")
            guard isSection else { return (section, section) }
            if relativePath == "_index.md" { return (section, nil) }
            return (section, section.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(section[..<$0]) } ?? "")
        }
    }

    private var storage: Storage
    public var language: Language
    /// Site path with leading and trailing slash, e.g. `/fr/strategie/sensibilisation/`; set by URL planning.
    public var urlPath: String = ""

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Path below `Content/<lang>/`, e.g. `strategy/raising-awareness.md`. Twins share it unless paired by key.
    public var relativePath: String {
        _read { yield storage.relativePath }
        set {
            let box = unique()
            box.relativePath = newValue
            (box.sectionFolder, box.parentFolder) = Storage.folders(of: newValue)
            box.isSection = Storage.isSection(newValue)
        }
    }
    /// Path below the site folder, for diagnostics: `Content/en/strategy/raising-awareness.md`.
    public var sourcePath: String {
        _read { yield storage.sourcePath }
        set { unique().sourcePath = newValue }
    }
    public var frontMatter: FrontMatter {
        _read { yield storage.frontMatter }
        set { unique().frontMatter = newValue }
    }
    /// The three fields pages are ordered by (date, weight, title), read in place: going through
    /// `frontMatter` copies the whole front matter (a retain per field) for each page, which
    /// ordering 20,000 pages after every structural edit in the preview felt.
    public var orderFields: (date: Day?, weight: Int, title: String) {
        (storage.frontMatter.date, storage.frontMatter.weight, storage.frontMatter.title)
    }
    /// `frontMatter.slug` and `frontMatter.translationKey`, read in place (for planning every page).
    public var slug: String? { storage.frontMatter.slug }
    public var translationKey: String? { storage.frontMatter.translationKey }
    /// `frontMatter.date`, read in place (the home page's latest posts look at every page).
    public var date: Day? { storage.frontMatter.date }
    public var body: String {
        _read { yield storage.body }
        set { unique().body = newValue }
    }
    /// Line of the file where the Markdown body starts (front matter lines are counted).
    public var bodyStartLine: Int {
        get { storage.bodyStartLine }
        set { unique().bodyStartLine = newValue }
    }
    /// File line of each front matter key, so problems with a key can name its line.
    public var keyLines: [String: Int] {
        _read { yield storage.keyLines }
        set { unique().keyLines = newValue }
    }

    public init(language: Language, relativePath: String, sourcePath: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int) {
        self.language = language
        storage = Storage(relativePath: relativePath, sourcePath: sourcePath, frontMatter: frontMatter, body: body,
                          bodyStartLine: bodyStartLine, keyLines: [:])
    }

    public static func == (a: Page, b: Page) -> Bool {
        a.language == b.language && a.urlPath == b.urlPath && (a.storage === b.storage || (
            a.relativePath == b.relativePath && a.sourcePath == b.sourcePath && a.frontMatter == b.frontMatter && a.body == b.body
                && a.bodyStartLine == b.bodyStartLine && a.keyLines == b.keyLines))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(language)
        hasher.combine(relativePath)
        hasher.combine(urlPath)
        hasher.combine(frontMatter)
        hasher.combine(body)
    }

    /// `_index.md` is a section's own page (Hugo's convention).
    public var isSection: Bool { storage.isSection }

    public var isHome: Bool { relativePath == "_index.md" }

    /// The folder this page belongs to: for a section page its own folder, for others the containing folder ("" at root).
    public var sectionFolder: String { storage.sectionFolder }

    /// Folder of the parent section: a section page's parent folder, or a regular page's folder.
    public var parentFolder: String? { storage.parentFolder }

    /// Key shared by twins: the explicit `translationKey`, else the relative path.
    public var pairingKey: String { frontMatter.translationKey.map { "key:" + $0 } ?? "path:" + relativePath }

    public var location: SourceLocation { SourceLocation(file: sourcePath, line: 1) }

    /// Where a front matter key is written, or the top of the file when it is not.
    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: sourcePath, line: keyLines[key] ?? 1)
    }
}
