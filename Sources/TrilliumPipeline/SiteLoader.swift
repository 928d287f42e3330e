import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// Everything read from a site folder and validated, ready to render.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var theme: Theme
    public var plan: SitePlan
    public var services: ServiceDirectory?
    public var files: SiteFileSystem
    public var options: BuildOptions
    /// Hashes of the sources it was made from (the preview's fingerprints start from them).
    public var sourceHashes: SourceHashes = SourceHashes(settings: 0, theme: 0, pages: [:], services: [:], taxonomy: 0)
    /// When this site is an earlier one with some pages read again and nothing planned anew (the
    /// preview), the plan indices of those pages; nil when the site was planned from scratch.
    public var swappedPages: Set<Int>?
    /// For a site made from an earlier one (the preview): the services read again since (same
    /// ids, same places) and whether every list of the directory kept its members; nil when the
    /// directory was made anew.
    public var changedServices: ServiceFolder.Changes?
    /// When this site is an earlier one whose plan `SitePlan.restructured` changed (pages added,
    /// taken out or moved, the preview), how its pages moved; nil otherwise.
    public var restructure: PlanChange?
    /// The addresses of the directory's pages and files (part of `plan.knownPaths`).
    public var directoryPaths: Set<String> = []
    /// When this site is an earlier one whose directory gained or lost services (the preview),
    /// the pages and files of the directory that came or went; nil otherwise, and when the
    /// directory's addresses were worked out from scratch.
    public var directoryChange: GeneratedPages.DirectoryChange?

    /// What the render stage reads.
    public var renderInput: RenderInput { RenderInput(config: config, theme: theme, plan: plan, services: services) }

    /// A renderer for this site with the options' workers and progress callback.
    public var renderer: SiteRenderer {
        SiteRenderer(renderInput, settings: RenderSettings(workers: options.workers, onProgress: options.onProgress, timesSearch: options.timesSearch))
    }
}

/// Reads `Content/`, the theme and the services, and checks what can be checked before rendering.
public struct SiteLoader: Sendable {
    public init() {}

    public func load(_ options: BuildOptions, diagnostics: inout DiagnosticList) -> LoadedSite? {
        SiteSources(reading: options).assemble(diagnostics: &diagnostics)
    }

    /// Menu and footer links must lead to a page of the site in that language.
    static func checkMenuLinks(_ config: SiteConfig, plan: SitePlan, diagnostics: inout DiagnosticList) {
        for language in Language.allCases {
            let settings = config.languages[language]
            for item in settings.menu + settings.footer where plan.menuTarget(item.link, language) == nil {
                if item.link.hasPrefix("/") {
                    diagnostics.error(item.location, "menu link to `\(item.link)`, but no page of this site has that URL",
                                      hint: "Link to a page's Markdown file (e.g. `get-help/_index.md`) or check the URL.")
                } else {
                    diagnostics.error(item.location, "menu link to `\(item.link)`, but there is no page Content/\(language.rawValue)/\(item.link)",
                                      hint: "Menu links name a page's file below Content/\(language.rawValue)/, e.g. `get-help/_index.md`.")
                }
            }
        }
    }

    /// Twins must agree on being drafts or scheduled, or one language would publish alone.
    /// Returns the plan keys of the twins that disagree, whose missing twin is then already explained.
    static func checkPublishingAgreement(_ pages: [Page], diagnostics: inout DiagnosticList) -> Set<PageKey> {
        var disagreeing: Set<PageKey> = []
        var english: [String: Page] = [:]
        for page in pages where page.language == .en { english[page.pairingKey] = page }
        for page in pages where page.language == .fr {
            guard let twin = english[page.pairingKey] else { continue }
            // Each problem is reported at the key that sets it, in whichever twin writes it.
            func subject(_ key: String) -> (page: Page, twin: Page) { page.keyLines[key] != nil ? (page, twin) : (twin, page) }
            if twin.frontMatter.draft != page.frontMatter.draft {
                let (one, other) = subject("draft")
                diagnostics.error(one.location(ofKey: "draft"),
                                  "this page is \(one.frontMatter.draft ? "" : "not ")a draft but its twin \(other.sourcePath) is\(other.frontMatter.draft ? "" : " not")",
                                  hint: "Set the same `draft:` value in both languages.")
            }
            if twin.frontMatter.publishDate != page.frontMatter.publishDate {
                let (one, other) = subject("publishDate")
                diagnostics.error(one.location(ofKey: "publishDate"), "this page's publishDate differs from its twin \(other.sourcePath)",
                                  hint: "Publish both languages on the same date.")
            }
            if twin.frontMatter.draft != page.frontMatter.draft || twin.frontMatter.publishDate != page.frontMatter.publishDate {
                disagreeing.insert(SitePlan.key(page.language, page.relativePath))
                disagreeing.insert(SitePlan.key(twin.language, twin.relativePath))
            }
        }
        return disagreeing
    }
}
