import Foundation
import TrilliumModel
import TrilliumDirectory

/// A page's identity: its language and its path below `Content/<lang>/`.
public struct PageKey: Hashable, Sendable, Comparable {
    public var language: Language
    public var path: String

    public init(_ language: Language, _ path: String) {
        self.language = language
        self.path = path
    }

    public static func < (a: PageKey, b: PageKey) -> Bool { (a.language, a.path) < (b.language, b.path) }
}

/// Every page of the site with its URL and twin, after pairing and URL planning.
public struct SitePlan: Sendable {
    public var pages: [Page]
    /// Index into `pages` of each page's twin.
    public var twinOf: [Int]
    /// Index of each page by language and relative path.
    public var indexByPath: [PageKey: Int]
    /// Site URL paths that exist (content pages, generated pages, files), for link checks.
    public var knownPaths: Set<String>
    /// Index of each page by its URL path.
    public var indexByURL: [String: Int] = [:]
    /// Each section's pages (indices), in display order; computed once, so lookups stay O(1).
    public var childrenOf: [Int: [Int]] = [:]

    public init(pages: [Page], twinOf: [Int], indexByPath: [PageKey: Int], knownPaths: Set<String>) {
        self.init(pages: pages, twinOf: twinOf, indexByPath: indexByPath, knownPaths: knownPaths, childrenOf: [:])
        var byFolder: [PageKey: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let parent = page.parentFolder else { continue }
            byFolder[Self.key(page.language, parent), default: []].append(index)
        }
        // Sorted through the indices, so no page is copied for a comparison; sections on all cores
        // (the preview plans again on every structural edit).
        let order = SiteStructure.OrderKeys(pages)
        let sections = pages.indices.filter { pages[$0].isSection }
        let members = sections.map { index in
            (byFolder[Self.key(pages[index].language, pages[index].sectionFolder)] ?? []).filter { $0 != index }
        }
        let sorted = Parallel.map(sections.count, workers: ProcessInfo.processInfo.activeProcessorCount) { members[$0].sorted(by: order.precedes) }
        childrenOf.reserveCapacity(sections.count)
        for (index, children) in zip(sections, sorted) { childrenOf[index] = children }
    }

    /// A plan whose sections' pages are already known (`restructured`).
    init(pages: [Page], twinOf: [Int], indexByPath: [PageKey: Int], knownPaths: Set<String>, childrenOf: [Int: [Int]]) {
        self.pages = pages
        self.twinOf = twinOf
        self.indexByPath = indexByPath
        self.knownPaths = knownPaths
        self.childrenOf = childrenOf
        indexByURL.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() { indexByURL[page.urlPath] = index }
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

    package static func key(_ language: Language, _ relativePath: String) -> PageKey { PageKey(language, relativePath) }
}

/// Pairs English and French pages and gives every page its localized URL.
public struct SitePlanner: Sendable {
    public init() {}

    /// `twinProblemsReported` holds plan keys (`SitePlan.key`) of pages whose missing twin is
    /// already explained by another error, so it is not reported a second time.
    public func plan(_ pages: [Page], twinProblemsReported: Set<PageKey> = [], diagnostics: inout DiagnosticList) -> SitePlan {
        // Sorted through indices: comparing reads two keys, never copies a page.
        let keys = pages.map { PageKey($0.language, $0.relativePath) }
        var pages = pages.indices.sorted { keys[$0] < keys[$1] }.map { pages[$0] }
        // URLs: each folder's segment is localized by the slug of that folder's `_index.md`.
        var folderSlug: [PageKey: String] = [:]
        for page in pages where page.isSection && !page.isHome {
            if let slug = page.slug { folderSlug[SitePlan.key(page.language, page.sectionFolder)] = slug }
        }
        // Each folder's localized URL is worked out once, from its parent's.
        var folderURL: [PageKey: String] = [:]
        func url(of folder: Substring, _ language: Language) -> String {
            let key = SitePlan.key(language, String(folder))
            if let known = folderURL[key] { return known }
            let result: String
            if folder.isEmpty {
                result = "/\(language.rawValue)/"
            } else {
                let slash = folder.lastIndex(of: "/")
                let parent = slash.map { folder[..<$0] } ?? ""
                let name = slash.map { folder[folder.index(after: $0)...] } ?? folder
                result = url(of: parent, language) + (folderSlug[key] ?? String(name)) + "/"
            }
            folderURL[key] = result
            return result
        }
        // Every folder's URL first (a few hundred), then each page's on all cores.
        for page in pages {
            let path = page.relativePath
            _ = url(of: path.lastIndex(of: "/").map { path[..<$0] } ?? "", page.language)
        }
        let folderURLs = folderURL, ordered = pages
        let urls = Parallel.map(ordered.count, workers: ProcessInfo.processInfo.activeProcessorCount) { index in
            let page = ordered[index]
            let path = page.relativePath
            let slash = path.lastIndex(of: "/")
            var url = folderURLs[SitePlan.key(page.language, String(slash.map { path[..<$0] } ?? ""))] ?? ""
            if !page.isSection {
                let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...]).replacingSuffix(".md", with: "")
                url += (page.slug ?? name) + "/"
            }
            return url
        }
        var pathOwner: [String: Int] = [:]
        pathOwner.reserveCapacity(pages.count)
        for index in pages.indices {
            let page = pages[index]
            let url = urls[index]
            pages[index].urlPath = url
            if let other = pathOwner[url] {
                diagnostics.error(page.slug != nil ? page.location(ofKey: "slug") : page.location, "this page has the same URL \(url) as \(pages[other].sourcePath)",
                                  hint: "Give one of them a different file name or `slug`.")
            } else {
                pathOwner[url] = index
            }
        }
        var byPath: [PageKey: Int] = [:]
        byPath.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() { byPath[SitePlan.key(page.language, page.relativePath)] = index }
        let twinOf = Self.twins(of: pages, byPath: byPath, diagnostics: &diagnostics)
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

    /// Each page's twin (or -1): by `translationKey` first, then by relative path. A key that two
    /// pages of one language use is an error. (The preview asks it too, to keep the plan when a
    /// page's key changes and every page keeps its twin.)
    package static func twins(of pages: [Page], byPath: [PageKey: Int], diagnostics: inout DiagnosticList) -> [Int] {
        var twinOf = Array(repeating: -1, count: pages.count)
        var byKey: [Language: [String: Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let key = page.translationKey else { continue }
            if let existing = byKey[page.language]?[key] {
                diagnostics.error(page.location(ofKey: "translationKey"), "translationKey `\(key)` is already used by \(pages[existing].sourcePath)",
                                  hint: "Each page and its twin share one key; no other page may use it.")
            } else {
                byKey[page.language, default: [:]][key] = index
            }
        }
        for (index, page) in pages.enumerated() where page.language == .en {
            if let key = page.translationKey, let twin = byKey[.fr]?[key] {
                twinOf[index] = twin
                twinOf[twin] = index
            }
        }
        for (index, page) in pages.enumerated() where page.language == .en && twinOf[index] < 0 {
            if let twin = byPath[SitePlan.key(.fr, page.relativePath)], twinOf[twin] < 0 {
                twinOf[index] = twin
                twinOf[twin] = index
            }
        }
        return twinOf
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
