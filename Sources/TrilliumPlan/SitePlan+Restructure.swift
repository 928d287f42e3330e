import TrilliumModel

/// How a plan made by `SitePlan.restructured` differs from the plan it was made from (the
/// preview's fingerprints and units follow the pages through it).
public struct PlanChange: Sendable {
    /// For each page of the earlier plan, its index in the new one; -1 when it was taken out or
    /// read again.
    public var newIndexOfOld: [Int]
    /// Indices in the new plan of the pages added or read again, and of those that moved with a
    /// section (its slug changed, or it came or went).
    public var changed: [Int]
    /// The earlier plan's pages taken out or read again, with the address each had.
    public var replaced: [PageKey: String]
    /// Sections (new indices) whose list of pages changed.
    public var sections: Set<Int>
}

extension SitePlan {
    /// This plan with the pages at the keys of `updates` put in (a page, new or read again) or
    /// taken out (nil: the file went, or the page is not published), without planning every
    /// page again. Pages are paired by path, or by `translationKey` as the planner pairs them when
    /// a page put in or taken out has one (then every page that stays keeps its twin). A section
    /// (not the home page) may come or go, as when one is drafted or
    /// published again: every page below it in its language is then placed again (its address,
    /// its nearest section), as the planner would place it; a section read again is left to
    /// `replanned` or `movedSection`. Nil in every other case, and whenever the planner would
    /// report a problem (a URL taken twice, a page without its twin), so that planning the whole
    /// site reports it.
    ///
    /// One section read again with another slug is taken too: it and every page below it move to
    /// their new addresses (`movedSection`).
    public func restructured(_ updates: [PageKey: Page?]) -> (SitePlan, PlanChange)? {
        if updates.count == 1, let (key, update) = updates.first, let index = indexByPath[key], pages[index].isSection {
            return update.flatMap { movedSection(index, $0) }
        }
        // The folders of the sections that come or go: the pages below them are placed again.
        var folders: Set<PageKey> = []
        // Pages with a `translationKey` are paired the planner's way, over the whole plan.
        var keyed = false
        for (key, page) in updates {
            if let index = indexByPath[key] {
                let old = pages[index]
                guard !old.isHome else { return nil }
                if old.translationKey != nil { keyed = true }
                if old.isSection {
                    guard page == nil else { return nil }
                    folders.insert(PageKey(key.language, old.sectionFolder))
                }
            }
            if let page {
                guard !page.isHome, page.language == key.language, page.relativePath == key.path else { return nil }
                if page.translationKey != nil { keyed = true }
                if page.isSection {
                    guard indexByPath[key] == nil else { return nil }
                    folders.insert(PageKey(key.language, page.sectionFolder))
                }
            }
        }
        func below(_ page: Page) -> Bool {
            guard !folders.isEmpty else { return false }
            for folder in folders where folder.language == page.language && page.relativePath.hasPrefix(folder.path + "/") {
                return true
            }
            return false
        }
        // The pages in key order, as planning sorts them: the earlier ones in place, the changed ones merged in.
        let keys = updates.keys.sorted()
        var result: [Page] = []
        result.reserveCapacity(pages.count + keys.count)
        // Each earlier page's index in the new plan, moved or not (-1 when taken out or read again).
        var position = [Int](repeating: -1, count: pages.count)
        var changed: [Int] = []
        var replaced: [PageKey: String] = [:]
        var next = 0
        func take(_ key: PageKey) {
            guard let page = updates[key] ?? nil else { return }
            changed.append(result.count)
            result.append(page)
        }
        for (index, page) in pages.enumerated() {
            if next < keys.count {
                let key = PageKey(page.language, page.relativePath)
                while next < keys.count, keys[next] < key {
                    take(keys[next])
                    next += 1
                }
                if next < keys.count, keys[next] == key {
                    replaced[key] = page.urlPath
                    take(key)
                    next += 1
                    continue
                }
            }
            position[index] = result.count
            result.append(page)
        }
        while next < keys.count {
            take(keys[next])
            next += 1
        }
        var newIndexOfOld = position
        // The pages below a section that came or went are placed again.
        if !folders.isEmpty {
            for (old, new) in position.enumerated() where new >= 0 && below(pages[old]) {
                newIndexOfOld[old] = -1
                replaced[PageKey(pages[old].language, pages[old].relativePath)] = pages[old].urlPath
                changed.append(new)
            }
            changed.sort()
        }
        var byPath: [PageKey: Int] = [:]
        byPath.reserveCapacity(result.count)
        for (index, page) in result.enumerated() { byPath[PageKey(page.language, page.relativePath)] = index }
        // Addresses: a page's folder has the address it had unless a section came or went above it.
        var folderURLs: [PageKey: String] = [:]
        func url(of folder: String, _ language: Language) -> String {
            guard !folders.isEmpty else { return folderURL(folder, language) }
            if folder.isEmpty { return "/\(language.rawValue)/" }
            let key = PageKey(language, folder)
            if let known = folderURLs[key] { return known }
            let section = byPath[PageKey(language, folder + "/_index.md")]
            let slash = folder.lastIndex(of: "/")
            let name = slash.map { String(folder[folder.index(after: $0)...]) } ?? folder
            let result = url(of: slash.map { String(folder[..<$0]) } ?? "", language) + (section.flatMap { result[$0].slug } ?? name) + "/"
            folderURLs[key] = result
            return result
        }
        var newURLs: Set<String> = []
        for index in changed {
            let page = result[index]
            let url = page.isSection ? url(of: page.sectionFolder, page.language) : url(of: page.sectionFolder, page.language) + Self.name(of: page) + "/"
            if let owner = indexByURL[url], newIndexOfOld[owner] >= 0 { return nil }
            guard newURLs.insert(url).inserted else { return nil }
            result[index].urlPath = url
        }
        // Twins: kept, except for the pages put in or taken out and those whose twin was, paired by
        // path; with keys, paired as the planner pairs them, and every page that stays must keep
        // its twin.
        var twins = [Int](repeating: -1, count: result.count)
        if keyed {
            for (old, new) in position.enumerated() where new >= 0 && twinOf[old] >= 0 && position[twinOf[old]] >= 0 { twins[new] = position[twinOf[old]] }
            let unpaired = result.indices.filter { twins[$0] < 0 }
            let keys = Set(unpaired.compactMap { result[$0].translationKey })
            if result.indices.contains(where: { twins[$0] >= 0 && result[$0].translationKey.map(keys.contains) == true }) {
                // A page that stays has one of the keys: the planner's pairing over every page decides.
                var problems = DiagnosticList()
                twins = SitePlanner.twins(of: result, byPath: byPath, diagnostics: &problems)
                guard !problems.hasErrors else { return nil }
                for (old, new) in position.enumerated() where new >= 0 && twinOf[old] >= 0 && position[twinOf[old]] >= 0 {
                    guard twins[new] == position[twinOf[old]] else { return nil }
                }
            } else {
                // As `SitePlanner.twins` pairs them: by key (a key used twice in a language is the
                // planner's to report), then English pages by path.
                var byKey: [Language: [String: Int]] = [:]
                for index in unpaired {
                    guard let key = result[index].translationKey else { continue }
                    guard byKey[result[index].language]?[key] == nil else { return nil }
                    byKey[result[index].language, default: [:]][key] = index
                }
                for (key, index) in byKey[.en] ?? [:] {
                    guard let twin = byKey[.fr]?[key] else { continue }
                    twins[index] = twin
                    twins[twin] = index
                }
                for index in unpaired where result[index].language == .en && twins[index] < 0 {
                    guard let twin = byPath[PageKey(.fr, result[index].relativePath)], twins[twin] < 0 else { continue }
                    twins[index] = twin
                    twins[twin] = index
                }
            }
            guard twins.indices.allSatisfy({ twins[$0] >= 0 && result[twins[$0]].isSection == result[$0].isSection }) else { return nil }
        } else {
            for (old, new) in position.enumerated() where new >= 0 && twinOf[old] >= 0 && position[twinOf[old]] >= 0 { twins[new] = position[twinOf[old]] }
            for index in result.indices where twins[index] < 0 {
                let page = result[index]
                guard page.translationKey == nil, let twin = byPath[PageKey(page.language.other, page.relativePath)],
                      twins[twin] < 0 || twins[twin] == index, result[twin].translationKey == nil, result[twin].isSection == page.isSection else { return nil }
                twins[index] = twin
                twins[twin] = index
            }
        }
        // Sections: the pages of the changed pages' sections, in display order.
        var children: [Int: [Int]] = [:]
        children.reserveCapacity(childrenOf.count)
        for (section, members) in childrenOf {
            let index = position[section]
            guard index >= 0 else {
                // Only a section taken out leaves the plan.
                guard updates[PageKey(pages[section].language, pages[section].relativePath)] != nil else { return nil }
                continue
            }
            children[index] = members.compactMap { position[$0] >= 0 ? position[$0] : nil }
        }
        var sections: Set<Int> = []
        func section(of key: PageKey, folder: String?) -> Int? {
            guard let folder else { return nil }
            return byPath[PageKey(key.language, folder.isEmpty ? "_index.md" : folder + "/_index.md")]
        }
        for (key, _) in replaced {
            if let index = indexByPath[key], let above = section(of: key, folder: pages[index].parentFolder) { sections.insert(above) }
        }
        // The pages put in (new or read again); the others in `changed` moved with a section.
        let put = changed.filter { updates[PageKey(result[$0].language, result[$0].relativePath)] != nil }
        for index in put where result[index].isSection {
            // A section that came: the pages that moved in its folder are its pages.
            let page = result[index]
            children[index] = changed.filter { other in
                updates[PageKey(result[other].language, result[other].relativePath)] == nil
                    && result[other].language == page.language && result[other].parentFolder == page.sectionFolder
            }
        }
        for index in put {
            let page = result[index]
            guard let above = section(of: PageKey(page.language, page.relativePath), folder: page.parentFolder) else { continue }
            sections.insert(above)
            children[above, default: []].append(index)
        }
        // Sections that moved show their pages' new addresses (and their feeds move).
        for index in changed where result[index].isSection { sections.insert(index) }
        for above in sections {
            // Display order, ties in plan order (as planning's sort of each section's pages).
            let members = (children[above] ?? []).sorted()
            let order = SiteStructure.OrderKeys(members.map { result[$0] })
            children[above] = members.indices.sorted(by: order.precedes).map { members[$0] }
        }
        var known = knownPaths
        for (_, url) in replaced where !newURLs.contains(url) { known.remove(url) }
        known.formUnion(newURLs)
        let plan = SitePlan(pages: result, twinOf: twins, indexByPath: byPath, knownPaths: known, childrenOf: children)
        return (plan, PlanChange(newIndexOfOld: newIndexOfOld, changed: changed, replaced: replaced, sections: sections))
    }

    /// This plan with the section at `index` read again as `page`, whose slug changed: the
    /// section and every page below it in its language (subsections included) get the address
    /// the planner gives them, which is theirs with the section's part replaced; every page keeps
    /// its place, twin and section, and the section takes its place among its parent's pages
    /// again (its title or weight may have changed too). Nil for the home page, for a section
    /// that stops being one, for one whose address stays, or when a new address is another page's.
    func movedSection(_ index: Int, _ page: Page) -> (SitePlan, PlanChange)? {
        let old = pages[index]
        guard !old.isHome, page.isSection, page.language == old.language, page.relativePath == old.relativePath,
              page.translationKey == old.translationKey else { return nil }
        let folder = old.sectionFolder
        let slash = folder.lastIndex(of: "/")
        let parent = slash.map { String(folder[..<$0]) } ?? ""
        let name = slash.map { String(folder[folder.index(after: $0)...]) } ?? folder
        let oldURL = old.urlPath, newURL = folderURL(parent, page.language) + (page.slug ?? name) + "/"
        guard newURL != oldURL else { return nil }
        var result = pages
        result[index] = page
        result[index].urlPath = newURL
        var changed = [index]
        var replaced = [PageKey(page.language, page.relativePath): oldURL]
        let prefix = folder + "/"
        for below in pages.indices where below != index && pages[below].language == page.language && pages[below].relativePath.hasPrefix(prefix) {
            let url = pages[below].urlPath
            guard url.hasPrefix(oldURL) else { return nil }
            result[below].urlPath = newURL + url.dropFirst(oldURL.count)
            changed.append(below)
            replaced[PageKey(page.language, pages[below].relativePath)] = url
        }
        let moving = Set(changed)
        var newURLs: Set<String> = []
        for moved in changed {
            let url = result[moved].urlPath
            // Another page's address (the planner reports it), or the same address twice.
            if let owner = indexByURL[url], !moving.contains(owner) { return nil }
            guard newURLs.insert(url).inserted else { return nil }
        }
        var children = childrenOf
        var sections: Set<Int> = Set(changed.filter { result[$0].isSection })
        for (above, members) in childrenOf where members.contains(index) {
            // Display order, ties in plan order (as planning's sort of each section's pages).
            let sorted = members.sorted()
            let order = SiteStructure.OrderKeys(sorted.map { result[$0] })
            children[above] = sorted.indices.sorted(by: order.precedes).map { sorted[$0] }
            sections.insert(above)
        }
        var known = knownPaths
        for (_, url) in replaced where !newURLs.contains(url) { known.remove(url) }
        known.formUnion(newURLs)
        var newIndexOfOld = Array(pages.indices)
        for moved in changed { newIndexOfOld[moved] = -1 }
        let plan = SitePlan(pages: result, twinOf: twinOf, indexByPath: indexByPath, knownPaths: known, childrenOf: children)
        return (plan, PlanChange(newIndexOfOld: newIndexOfOld, changed: changed.sorted(), replaced: replaced, sections: sections))
    }

    /// The address of `folder`'s pages' folder: its section's address, or its parent's and its name.
    func folderURL(_ folder: String, _ language: Language) -> String {
        if folder.isEmpty { return "/\(language.rawValue)/" }
        if let section = indexByPath[PageKey(language, folder + "/_index.md")] { return pages[section].urlPath }
        let slash = folder.lastIndex(of: "/")
        let parent = slash.map { String(folder[..<$0]) } ?? ""
        let name = slash.map { String(folder[folder.index(after: $0)...]) } ?? folder
        return folderURL(parent, language) + name + "/"
    }

    /// The last part of a regular page's address: its slug, or its file's name.
    static func name(of page: Page) -> String {
        if let slug = page.slug { return slug }
        let path = page.relativePath
        return String(path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]).replacingSuffix(".md", with: "")
    }
}
