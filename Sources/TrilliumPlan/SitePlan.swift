import TrilliumModel
import TrilliumDirectory

/// Every page of the site with its URL and twin, after pairing and URL planning.
public struct SitePlan: Sendable {
    public var pages: [Page]
    /// Index into `pages` of each page's twin.
    public var twinOf: [Int]
    /// Index of each page by language and relative path (`en|strategy/_index.md`).
    public var indexByPath: [String: Int]
    /// Site URL paths that exist (content pages, generated pages, files), for link checks.
    public var knownPaths: Set<String>
    /// Index of each page by its URL path.
    public var indexByURL: [String: Int] = [:]
    /// Each section's pages (indices), in display order; computed once, so lookups stay O(1).
    public var childrenOf: [Int: [Int]] = [:]

    public init(pages: [Page], twinOf: [Int], indexByPath: [String: Int], knownPaths: Set<String>) {
        self.pages = pages
        self.twinOf = twinOf
        self.indexByPath = indexByPath
        self.knownPaths = knownPaths
        for (index, page) in pages.enumerated() { indexByURL[page.urlPath] = index }
        var byFolder: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let parent = page.parentFolder else { continue }
            byFolder[Self.key(page.language, parent), default: []].append(index)
        }
        for (index, page) in pages.enumerated() where page.isSection {
            let members = (byFolder[Self.key(page.language, page.sectionFolder)] ?? []).filter { $0 != index }
            childrenOf[index] = members.sorted { SiteStructure.order(pages[$0], pages[$1]) }
        }
    }

    public func page(_ language: Language, _ relativePath: String) -> Page? {
        indexByPath[Self.key(language, relativePath)].map { pages[$0] }
    }

    public func index(_ language: Language, _ relativePath: String) -> Int? {
        indexByPath[Self.key(language, relativePath)]
    }

    public func twin(of index: Int) -> Page { pages[twinOf[index]] }

    /// The site path a menu or footer link leads to, or nil when it leads nowhere: a content file
    /// of that language (`get-help/_index.md`) or a site URL (`/en/services/`, `/en/services`).
    public func menuTarget(_ link: String, _ language: Language) -> String? {
        guard link.hasPrefix("/") else { return page(language, link)?.urlPath }
        let namesAFile = link.splitting(byte: UInt8(ascii: "/")).last?.utf8.contains(UInt8(ascii: ".")) == true
        let path = link.hasSuffix("/") || namesAFile ? link : link + "/"
        return knownPaths.contains(path) ? path : nil
    }

    package static func key(_ language: Language, _ relativePath: String) -> String { "\(language.rawValue)|\(relativePath)" }
}

/// Pairs English and French pages and gives every page its localized URL.
public struct SitePlanner: Sendable {
    public init() {}

    /// `twinProblemsReported` holds plan keys (`SitePlan.key`) of pages whose missing twin is
    /// already explained by another error, so it is not reported a second time.
    public func plan(_ pages: [Page], twinProblemsReported: Set<String> = [], diagnostics: inout DiagnosticList) -> SitePlan {
        var pages = pages.sorted { ($0.language, $0.relativePath) < ($1.language, $1.relativePath) }
        // URLs: each folder's segment is localized by the slug of that folder's `_index.md`.
        var folderSlug: [String: String] = [:]
        for page in pages where page.isSection && !page.isHome {
            if let slug = page.frontMatter.slug { folderSlug[SitePlan.key(page.language, page.sectionFolder)] = slug }
        }
        var pathOwner: [String: Page] = [:]
        for index in pages.indices {
            let page = pages[index]
            let folders = page.sectionFolder.split(separator: "/").map(String.init)
            var segments: [String] = []
            for depth in folders.indices {
                let folder = folders[...depth].joined(separator: "/")
                segments.append(folderSlug[SitePlan.key(page.language, folder)] ?? folders[depth])
            }
            if !page.isSection {
                let name = String(page.relativePath.split(separator: "/").last ?? "").replacingSuffix(".md", with: "")
                segments.append(page.frontMatter.slug ?? name)
            }
            let url = "/" + ([page.language.rawValue] + segments).joined(separator: "/") + "/"
            pages[index].urlPath = url
            if let other = pathOwner[url] {
                diagnostics.error(page.frontMatter.slug != nil ? page.location(ofKey: "slug") : page.location, "this page has the same URL \(url) as \(other.sourcePath)",
                                  hint: "Give one of them a different file name or `slug`.")
            } else {
                pathOwner[url] = page
            }
        }
        // Pairing: by translationKey first, then by relative path.
        var twinOf = Array(repeating: -1, count: pages.count)
        var byKey: [Language: [String: Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let key = page.frontMatter.translationKey else { continue }
            if let existing = byKey[page.language]?[key] {
                diagnostics.error(page.location(ofKey: "translationKey"), "translationKey `\(key)` is already used by \(pages[existing].sourcePath)",
                                  hint: "Each page and its twin share one key; no other page may use it.")
            } else {
                byKey[page.language, default: [:]][key] = index
            }
        }
        for (index, page) in pages.enumerated() where page.language == .en {
            if let key = page.frontMatter.translationKey, let twin = byKey[.fr]?[key] {
                twinOf[index] = twin
                twinOf[twin] = index
            }
        }
        var byPath: [String: Int] = [:]
        for (index, page) in pages.enumerated() { byPath[SitePlan.key(page.language, page.relativePath)] = index }
        for (index, page) in pages.enumerated() where page.language == .en && twinOf[index] < 0 {
            if let twin = byPath[SitePlan.key(.fr, page.relativePath)], twinOf[twin] < 0 {
                twinOf[index] = twin
                twinOf[twin] = index
            }
        }
        for (index, page) in pages.enumerated() where twinOf[index] < 0 && !twinProblemsReported.contains(SitePlan.key(page.language, page.relativePath)) {
            let other = page.language.other
            diagnostics.error(page.location, "this page has no \(other == .fr ? "French" : "English") twin",
                              hint: "Create Content/\(other.rawValue)/\(page.relativePath) (or give both pages the same `translationKey`). Every page must exist in both languages.")
        }
        for (index, page) in pages.enumerated() where page.language == .en && twinOf[index] >= 0 {
            let twin = pages[twinOf[index]]
            if page.isSection != twin.isSection {
                diagnostics.error(twin.location, "this page is paired with \(page.sourcePath), but only one of them is a section (`_index.md`)")
            }
        }
        return SitePlan(pages: pages, twinOf: twinOf, indexByPath: byPath, knownPaths: Set(pages.map(\.urlPath)))
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
