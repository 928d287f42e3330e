import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

/// The site search as the preview keeps it between edits.
///
/// A full build adds each page to the index as a worker renders it. The preview cannot render
/// every page again after an edit, so it keeps what the search needs of each page (its text) and
/// a hash of each document. When the documents are the same ones in the same order, only the
/// documents whose hash changed are added again and only their fragments are written; when
/// documents came, went or moved, the index is made again from the kept texts. Either way the
/// files are what a full build writes. Use it from one thread at a time.
public final class LiveSearch: @unchecked Sendable {
    private var search: SiteSearch?
    /// Each language's documents by number: what each one is, and its hash.
    private var documents: [Language: [(id: String, hash: Int)]] = [:]

    public init() {}

    /// The search unit of `renderer`'s site. `texts` holds every content page's search text;
    /// `pageHashes` and `serviceHashes` change whenever a page's or a service's source does;
    /// `globalHash` whenever anything every document shows does (settings, the theme's UI strings).
    public func render(_ renderer: SiteRenderer, texts: [PageKey: SearchPageText], pageHashes: [PageKey: Int],
                       serviceHashes: ShardedDictionary<String, Int>, globalHash: Int, services: ServiceRenderContext?, workers: Int) -> UnitOutcome {
        let plan = renderer.plan
        let directory = renderer.input.services
        var wanted: [Language: [(id: String, hash: Int)]] = [:]
        var makers: [Language: [@Sendable () -> SearchDocument]] = [:]
        for page in plan.pages {
            let key = PageKey(page.language, page.relativePath)
            let text = texts[key] ?? SearchPageText(headings: "", plainText: "")
            var hasher = Hasher()
            hasher.combine(globalHash)
            hasher.combine(pageHashes[key] ?? 0)
            hasher.combine(page.urlPath)
            hasher.combine(renderer.searchSection(page))
            hasher.combineUTF8(text.headings)
            hasher.combineUTF8(text.plainText)
            wanted[page.language, default: []].append(("page:" + page.relativePath, hasher.finalize()))
            makers[page.language, default: []].append { renderer.searchDocument(page, text) }
        }
        if let directory, let services {
            let pages = ServicePagesRenderer(renderer: renderer, directory: directory)
            for language in Language.allCases {
                for service in directory.services {
                    var hasher = Hasher()
                    hasher.combine(globalHash)
                    hasher.combine(serviceHashes[service.id] ?? 0)
                    hasher.combine(pages.tagText(service, language))
                    wanted[language, default: []].append(("service:" + service.id, hasher.finalize()))
                    makers[language, default: []].append { pages.searchDocument(service, language, context: services) }
                }
            }
        }
        var sameDocuments = search != nil && Language.allCases.allSatisfy { language in
            (documents[language] ?? []).map(\.id) == (wanted[language] ?? []).map(\.id)
        }
        if sameDocuments {
            // Taking a document out of the index walks its terms' postings: when many documents
            // changed, a fresh index (the same files) costs less than replacing them one by one.
            let changed = Language.allCases.reduce(0) { count, language in
                count + zip(documents[language] ?? [], wanted[language] ?? []).filter { $0.hash != $1.hash }.count
            }
            let total = Language.allCases.reduce(0) { $0 + (wanted[$1]?.count ?? 0) }
            if changed * 8 > total { sameDocuments = false }
        }
        if !sameDocuments { search = SiteSearch(plan: plan, services: directory) }
        guard let search else { return UnitOutcome(files: [], diagnostics: []) }
        var jobs: [(Language, Int)] = []
        for language in Language.allCases {
            let old = documents[language] ?? []
            for (number, document) in (wanted[language] ?? []).enumerated() where !sameDocuments || old[number].hash != document.hash {
                jobs.append((language, number))
            }
        }
        let makeDocument = makers, work = jobs
        let fragments = Parallel.map(work.count, workers: workers) { index -> OutputFile? in
            let (language, number) = work[index]
            return makeDocument[language].map { search.replace(number: number, language: language, $0[number]) } ?? nil
        }
        documents = wanted
        var owned: Set<String> = []
        for language in Language.allCases {
            for number in (wanted[language] ?? []).indices { owned.insert(SearchFragment.path(language, document: number)) }
        }
        let files = fragments.compactMap { $0 } + renderer.renderSearchFiles(search)
        owned.formUnion(files.map(\.path))
        return UnitOutcome(files: files, ownedPaths: owned, diagnostics: [])
    }
}
