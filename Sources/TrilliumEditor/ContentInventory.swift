import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumSource

/// Every page pair and service of the site with its state, for the editor's list.
struct ContentInventory: Sendable {
    struct PagePair: Sendable {
        var english: ContentPath?
        var french: ContentPath?
        var titles: [Language: String] = [:]
        var draft = false
        var scheduled: Day?
        var errors = 0
        var warnings = 0
        var unsaved = false

        /// The file that names the pair in links: the English one when there is one.
        var key: ContentPath? { english ?? french }
        var isComplete: Bool { english != nil && french != nil }
        func path(_ language: Language) -> ContentPath? { language == .en ? english : french }
    }

    struct ServiceEntry: Sendable {
        var path: ContentPath
        var id: String
        var names: [Language: String] = [:]
        var errors = 0
        var warnings = 0
        var unsaved = false
    }

    var pairs: [PagePair]
    var services: [ServiceEntry]

    init(site: EditorSite, drafts: [Draft], today: Day) {
        let unsaved = Set(drafts.map(\.path))
        var pairs: [PagePair] = []
        var placed = Set<String>()
        // Pairs as the site's plan made them (every page that parsed, drafts and scheduled ones too).
        if let plan = site.site?.plan {
            for (index, page) in plan.pages.enumerated() {
                let path = ContentPath.page(page.language, page.relativePath)
                guard let path, !placed.contains(path.relative) else { continue }
                var pair = PagePair()
                var members = [(path, page)]
                if plan.twinOf[index] >= 0 {
                    let twin = plan.pages[plan.twinOf[index]]
                    if let twinPath = ContentPath.page(twin.language, twin.relativePath) { members.append((twinPath, twin)) }
                }
                for (memberPath, member) in members {
                    placed.insert(memberPath.relative)
                    if member.language == .en { pair.english = memberPath } else { pair.french = memberPath }
                    pair.titles[member.language] = member.frontMatter.title
                    pair.draft = pair.draft || member.frontMatter.draft
                    if let publish = member.frontMatter.publishDate, publish > today { pair.scheduled = publish }
                }
                pairs.append(pair)
            }
        }
        // Files that did not parse (or a site that did not load): paired by path, titles unknown.
        for language in Language.allCases {
            for file in site.pageFiles[language] ?? [] {
                guard let path = ContentPath.page(language, file), !placed.contains(path.relative) else { continue }
                placed.insert(path.relative)
                if let index = pairs.firstIndex(where: { $0.path(language) == nil && $0.path(language.other)?.pagePath == file }) {
                    if language == .en { pairs[index].english = path } else { pairs[index].french = path }
                } else {
                    var pair = PagePair()
                    if language == .en { pair.english = path } else { pair.french = path }
                    pairs.append(pair)
                }
            }
        }
        for index in pairs.indices {
            for language in Language.allCases {
                guard let path = pairs[index].path(language) else { continue }
                let counts = site.counts(path.sitePath)
                pairs[index].errors += counts.errors
                pairs[index].warnings += counts.warnings
                if unsaved.contains(path) { pairs[index].unsaved = true }
            }
        }
        self.pairs = pairs.sorted { ($0.key?.pagePath ?? "") < ($1.key?.pagePath ?? "") }

        var services: [ServiceEntry] = []
        let loaded = Dictionary((site.site?.services?.services ?? ServiceList([])).map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        for file in site.serviceFiles {
            guard let path = ContentPath(file) else { continue }
            var entry = ServiceEntry(path: path, id: String(file.dropFirst("services/".count).dropLast(".yaml".count)))
            if let service = loaded[path.sitePath] {
                entry.names = [.en: service.name[.en], .fr: service.name[.fr]]
            }
            let counts = site.counts(path.sitePath)
            entry.errors = counts.errors
            entry.warnings = counts.warnings
            entry.unsaved = unsaved.contains(path)
            services.append(entry)
        }
        self.services = services
    }

    /// The pair a file belongs to.
    func pair(containing path: ContentPath) -> PagePair? {
        pairs.first { $0.english == path || $0.french == path }
    }
}
