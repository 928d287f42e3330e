import Testing
@testable import TrilliumModel
@testable import TrilliumPlan
@testable import TrilliumSource

/// `SitePlan.restructured` (the preview's plan after pages come, go, or change slug or date) must
/// give exactly what planning the whole site gives, or nothing (then the preview plans it all).
@Suite("Restructured plan")
struct PlanRestructureTests {
    static func page(_ language: Language, _ path: String, title: String, lines: [String] = []) -> Page {
        let text = "---\ntitle: \"\(title)\"\ndescription: \"About \(title).\"\n" + lines.map { $0 + "\n" }.joined() + "---\nText.\n"
        let (page, problems) = PageParser().parse(text, language: language, relativePath: path, sourcePath: "Content/\(language.rawValue)/\(path)")
        precondition(page != nil, "\(problems)")
        return page!
    }

    /// A site of sections (one with a French slug, one of dated posts, one folder without its own
    /// `_index.md`) and pages in both languages.
    static func pages() -> [PageKey: Page] {
        var pages: [PageKey: Page] = [:]
        for language in Language.allCases {
            let fr = language == .fr
            for (path, lines) in [("_index.md", [String]()), ("help/_index.md", fr ? ["slug: aide"] : []), ("news/_index.md", []),
                                  ("about/_index.md", ["weight: 3"]), ("help/more/_index.md", fr ? ["slug: plus"] : [])] {
                pages[PageKey(language, path)] = page(language, path, title: "Section \(path)", lines: lines)
            }
            for n in 0..<15 {
                let path = ["help", "news", "about", "loose", "help/more"][n % 5] + "/page-\(n).md"
                var lines = ["weight: \(n % 3)"]
                if path.hasPrefix("news") { lines.append("date: 2024-0\(n % 9 + 1)-1\(n % 10)") }
                if fr && n % 5 == 0 { lines.append("slug: page-fr-\(n)") }
                pages[PageKey(language, path)] = page(language, path, title: "Page \(n % 7)", lines: lines)
            }
        }
        return pages
    }

    static func plan(_ pages: [PageKey: Page]) -> (SitePlan, DiagnosticList) {
        var diagnostics = DiagnosticList()
        let plan = SitePlanner().plan(pages.sorted { $0.key < $1.key }.map(\.value), diagnostics: &diagnostics)
        return (plan, diagnostics)
    }

    static func expectSame(_ a: SitePlan, _ b: SitePlan) {
        #expect(a.pages.map { PageKey($0.language, $0.relativePath) } == b.pages.map { PageKey($0.language, $0.relativePath) })
        #expect(a.pages.map(\.urlPath) == b.pages.map(\.urlPath))
        #expect(a.pages == b.pages)
        #expect(a.twinOf == b.twinOf)
        #expect(a.indexByPath == b.indexByPath)
        #expect(a.indexByURL == b.indexByURL)
        #expect(a.childrenOf == b.childrenOf)
        #expect(a.knownPaths == b.knownPaths)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func randomChangesGiveThePlanOfTheWholeSite(seed: UInt64) {
        var random = LiveSiteTests.Seeded(state: seed)
        var pages = Self.pages()
        var (current, _) = Self.plan(pages)
        var restructured = 0, fallBack = 0, movedSections = 0, sectionsCameOrWent = 0, keyedPairs = 0
        // Sections drafted (taken out of the plan), to publish again.
        var drafted: [PageKey: Page] = [:]
        for step in 0..<90 {
            var updates: [PageKey: Page?] = [:]
            let regular = pages.keys.filter { !$0.path.hasSuffix("_index.md") }.sorted()
            switch Int.random(in: 0..<10, using: &random) {
            case 8:
                // A new pair with other names in each language, paired by a key (sometimes one
                // another pair has, which the planner refuses).
                let made = pages.keys.filter { $0.language == .en && $0.path.contains("/keyed-") }.sorted()
                if let gone = made.first, Bool.random(using: &random) {
                    // A keyed pair deleted, both files.
                    updates[gone] = .some(nil)
                    updates[PageKey(.fr, gone.path.replacingOccurrences(of: "/keyed-", with: "/cle-"))] = .some(nil)
                    break
                }
                let key = Int.random(in: 0..<4, using: &random) == 0 ? "keyed-twice" : "keyed-\(step)"
                let folder = ["help", "news", "loose"][Int.random(in: 0..<3, using: &random)]
                for (language, name) in [(Language.en, "keyed-\(step).md"), (.fr, "cle-\(step).md")] {
                    let path = folder + "/" + name
                    let lines = ["translationKey: \(key)"] + (folder == "news" ? ["date: 2025-02-0\(step % 9 + 1)"] : [])
                    updates[PageKey(language, path)] = Self.page(language, path, title: "Keyed \(step)", lines: lines)
                }
            case 6, 7:
                // A section drafted in both languages, or published again (sometimes in one
                // language only: its twin is then missing). Below it, a subsection with a French
                // slug and pages move; the folder's pages leave its list or join it again.
                let path = ["about/_index.md", "help/_index.md", "help/more/_index.md", "guide/_index.md"][Int.random(in: 0..<4, using: &random)]
                let languages = Int.random(in: 0..<5, using: &random) == 0 ? [Language.allCases[Int.random(in: 0..<2, using: &random)]] : Language.allCases
                for language in languages {
                    let key = PageKey(language, path)
                    if let page = pages[key] {
                        drafted[key] = page
                        updates[key] = .some(nil)
                    } else {
                        let lines = language == .fr ? ["slug: \(path.hasPrefix("guide") ? "guide-fr" : "section-\(step)")"] : ["weight: \(step % 3)"]
                        updates[key] = drafted[key] ?? Self.page(language, path, title: "Guide \(step)", lines: lines)
                    }
                }
                if path.hasPrefix("guide"), pages[PageKey(.en, "guide/page.md")] == nil {
                    // A new section and a page in it.
                    for language in Language.allCases {
                        updates[PageKey(language, "guide/page.md")] = Self.page(language, "guide/page.md", title: "Guide page", lines: [])
                    }
                }
            case 0:
                // A new pair.
                let path = ["help", "news", "about", "loose", "deep/er"][Int.random(in: 0..<5, using: &random)] + "/new-\(step).md"
                for language in Language.allCases {
                    let lines = path.hasPrefix("news") ? ["date: 2025-01-0\(step % 9 + 1)"] : ["weight: \(step % 4)"]
                    updates[PageKey(language, path)] = Self.page(language, path, title: "New \(step)", lines: lines)
                }
            case 1:
                // A pair deleted.
                let key = regular[Int.random(in: 0..<regular.count, using: &random)]
                for language in Language.allCases { updates[PageKey(language, key.path)] = .some(nil) }
            case 2:
                // A French slug, sometimes one another page has (the planner must refuse it).
                let key = regular.filter { $0.language == .fr }[Int.random(in: 0..<regular.count / 2, using: &random)]
                let slug = Bool.random(using: &random) ? "page-fr-0" : "slug-\(step)"
                updates[key] = Self.page(.fr, key.path, title: "Moved \(step)", lines: ["slug: \(slug)"])
            case 3:
                // One page of a pair alone deleted (its twin is then missing).
                let key = regular[Int.random(in: 0..<regular.count, using: &random)]
                updates[key] = .some(nil)
            case 4:
                // A new date or weight, changing the order of a section.
                let key = regular[Int.random(in: 0..<regular.count, using: &random)]
                let lines = key.path.hasPrefix("news") ? ["date: 2023-12-2\(step % 9)"] : ["weight: \(Int.random(in: -2..<5, using: &random))"]
                updates[key] = Self.page(key.language, key.path, title: "Reordered \(step)", lines: lines)
            default:
                // A section's slug: every page below it moves (refused when it takes another
                // section's address, or when nothing moves).
                let slug = ["news", "aide", "aide-\(step)", "aide-\(step)-bis"][Int.random(in: 0..<4, using: &random)]
                updates[PageKey(.fr, "help/_index.md")] = Self.page(.fr, "help/_index.md", title: "Aide \(step % 3)",
                                                                   lines: ["slug: \(slug)", "weight: \(step % 4)"])
            }
            var next = pages
            for (key, page) in updates { next[key] = page }
            let (full, problems) = Self.plan(next)
            if let (plan, change) = current.restructured(updates) {
                restructured += 1
                #expect(!problems.hasErrors, "restructured a plan the planner refuses (step \(step))")
                Self.expectSame(plan, full)
                // The pages read again, and those that moved with a section.
                // The pages read again, those that moved, and those below a section that came or went.
                let folders = updates.keys.filter { $0.path.hasSuffix("_index.md") }.map { ($0.language, String($0.path.dropLast("_index.md".count))) }
                let moved = full.pages.filter { page in
                    guard let before = current.page(page.language, page.relativePath) else { return false }
                    return before.urlPath != page.urlPath
                        || updates.count > 1 && folders.contains { $0.0 == page.language && page.relativePath.hasPrefix($0.1) }
                }.map { PageKey($0.language, $0.relativePath) }
                #expect(change.changed.map { PageKey(plan.pages[$0].language, plan.pages[$0].relativePath) }.sorted()
                        == Set(updates.compactMap { $0.value == nil ? nil : $0.key } + moved).sorted())
                if updates.keys.contains(where: { $0.path.contains("/keyed-") }) { keyedPairs += 1 }
                if updates.keys.contains(where: { $0.path.hasSuffix("_index.md") }) {
                    if updates.count == 1 { movedSections += 1 } else { sectionsCameOrWent += 1 }
                }
            } else {
                fallBack += 1
            }
            // A plan with errors is not kept, as the preview keeps the last good site.
            if !problems.hasErrors {
                pages = next
                current = full
            }
        }
        #expect(restructured > 15, "too few edits went through restructured: \(restructured)")
        #expect(fallBack > 3, "too few edits were refused: \(fallBack)")
        #expect(movedSections > 0, "no section moved")
        #expect(keyedPairs > 2, "too few keyed pairs came or went: \(keyedPairs)")
        #expect(sectionsCameOrWent > 2, "too few sections came or went: \(sectionsCameOrWent)")
    }

    @Test func aSectionThatStaysOrMovesOntoAnotherIsLeftToThePlanner() {
        let pages = Self.pages()
        let (plan, _) = Self.plan(pages)
        // A section that stays where it is, or that moves onto another's address.
        #expect(plan.restructured([PageKey(.en, "help/_index.md"): Self.page(.en, "help/_index.md", title: "Help", lines: ["weight: 9"])]) == nil)
        #expect(plan.restructured([PageKey(.en, "help/_index.md"): Self.page(.en, "help/_index.md", title: "Help", lines: ["slug: news"])]) == nil)
        #expect(plan.restructured([PageKey(.en, "_index.md"): Self.page(.en, "_index.md", title: "Home", lines: ["slug: home"])]) == nil)
        // A subsection that moves takes its pages with it.
        var next = pages
        next[PageKey(.fr, "help/more/_index.md")] = Self.page(.fr, "help/more/_index.md", title: "Plus", lines: ["slug: davantage"])
        let moved = plan.restructured([PageKey(.fr, "help/more/_index.md"): next[PageKey(.fr, "help/more/_index.md")]!])
        #expect(moved?.0.page(.fr, "help/more/page-4.md")?.urlPath == "/fr/aide/davantage/page-4/")
        if let (restructured, _) = moved { Self.expectSame(restructured, Self.plan(next).0) }
        // A key on one page of a pair that is paired by path anyway: the same twins.
        let keyed = [PageKey(.en, "help/page-0.md"): Self.page(.en, "help/page-0.md", title: "Keyed", lines: ["translationKey: k"])]
        var withKey = pages
        for (key, page) in keyed { withKey[key] = page }
        if let (restructured, _) = plan.restructured(keyed) { Self.expectSame(restructured, Self.plan(withKey).0) } else { Issue.record("a key that keeps the twins was refused") }
        #expect(plan.restructured([PageKey(.en, "help/page-0.md"): Self.page(.en, "help/page-0.md", title: "Other", lines: ["weight: 9"])]) != nil)
    }
}
