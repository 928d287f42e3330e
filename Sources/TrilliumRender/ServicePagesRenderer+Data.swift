import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPlan

/// The directory's data files: the widget's lists (one language a file, in pages) and the
/// partner exports (services.json, its schema, HSDS, OpenAPI).
extension ServicePagesRenderer {
    /// Page `page` of the widget's data for the list of `filter`.
    func renderData(_ filter: ServiceFilter, page: Int, _ language: Language) -> OutputFile {
        let positions = listing.positions(filter, page: page, pageSize: ServiceAPI.listPageSize)
        let records = positions.map { position in
            cache.record(Int(position), language) {
                let service = directory.services[Int(position)]
                return JSONWriter.bytes(ServiceAPI.listRecord(service, language: language, pageURL: pageURL(service, language)))
            }
        }
        let links = ServiceAPI.ListPageLinks(
            page: { [config] in config.absoluteURL(GeneratedPages.urlPath(.serviceData(filter, page: $0), language)) },
            html: config.absoluteURL(GeneratedPages.urlPath(.serviceList(filter, page: 1), language)),
            embed: config.absoluteURL(GeneratedPages.urlPath(.embedServices(filter, page: 1), language)))
        let data = ServiceAPI.listPage(filter, language: language, page: page, total: listing.count(filter),
                                       everywhereRegion: directory.taxonomy.everywhereRegion, links: links, records: records)
        return OutputFile(path: String(GeneratedPages.urlPath(.serviceData(filter, page: page), language).dropFirst()), data: data)
    }

    func pageURL(_ service: Service, _ language: Language) -> String {
        config.absoluteURL(GeneratedPages.urlPath(.service(service.id), language))
    }

    /// services.json, its schema, the HSDS files and the OpenAPI document. The large ones are
    /// written a service at a time, made in batches on all workers, and handed over one by one.
    /// `descriptionHTML` gives a service's description in both languages.
    func renderExports(emit: OutputSink, diagnostics: inout DiagnosticList, descriptionHTML: @escaping @Sendable (Service) -> Localized<String>) {
        let workers = renderer.settings.workers
        let services = directory.services
        let documents = OrderedBatches(count: services.count, workers: workers) { [self] index in
            let service = services[index]
            let html = descriptionHTML(service)
            let document = ServiceAPI.ServiceDocument(service, descriptionHTML: { html[$1] }, pageURL: pageURL)
            return ServiceAPI.recordBytes(document.write)
        }
        SiteRenderer.deliver([OutputFile(path: ServiceAPI.servicesPath, data: ServiceAPI.servicesJSON(directory, config: config, document: documents.item))],
                             to: emit, diagnostics: &diagnostics)
        let hsds = OrderedBatches(count: services.count, workers: workers) { [self] index in
            ServiceAPI.recordBytes(ServiceAPI.HSDSService(
                services[index], form: .legacy, taxonomy: directory.taxonomy, localTime: config.localTime[.en], pageURL: pageURL).write)
        }
        let embedPages = Localized(en: GeneratedPages.urlPath(.embedServices(.all, page: 1), .en),
                                   fr: GeneratedPages.urlPath(.embedServices(.all, page: 1), .fr))
        SiteRenderer.deliver([
            OutputFile(path: ServiceAPI.schemaPath, data: ServiceAPI.schemaJSON(config: config)),
            OutputFile(path: ServiceAPI.hsdsPath, data: ServiceAPI.hsdsJSON(directory, record: hsds.item)),
            OutputFile(path: ServiceAPI.openAPIPath, data: ServiceAPI.openAPIJSON(config: config, embedPages: embedPages)),
        ], to: emit, diagnostics: &diagnostics)
        let pages = ServiceAPI.hsdsPageCount(services: services.count)
        let outcomes = Parallel.map(pages, workers: workers) { index -> [Diagnostic] in
            var local = DiagnosticList()
            SiteRenderer.deliver([ServiceAPI.hsdsPage(index + 1, directory, config: config, pageURL: pageURL)], to: emit, diagnostics: &local)
            return local.items
        }
        for items in outcomes { diagnostics.append(contentsOf: items) }
    }
}

extension ServicePagesRenderer {
    /// The exports as files in memory (the preview renders them as one unit).
    func exports(context: ServiceRenderContext) -> [OutputFile] {
        let collected = CollectedFiles()
        var ignored = DiagnosticList()
        renderExports(emit: { collected.add($0) }, diagnostics: &ignored) { context.described($0.id)?.html ?? Localized(en: "", fr: "") }
        return collected.files.sorted { $0.path < $1.path }
    }
}

/// Files handed over from several workers, kept in memory.
final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [OutputFile] = []

    func add(_ file: OutputFile) { lock.withLock { kept.append(file) } }
    var files: [OutputFile] { lock.withLock { kept } }
}

/// Items made in parallel, a batch at a time, and handed out in order: a large file written piece
/// by piece uses every worker and holds only one batch of pieces besides itself.
final class OrderedBatches {
    private let count: Int
    private let batch: Int
    private let workers: Int
    private let make: @Sendable (Int) -> [UInt8]
    private var start = 0
    private var items: [[UInt8]] = []

    init(count: Int, workers: Int, batchPerWorker: Int = 256, make: @escaping @Sendable (Int) -> [UInt8]) {
        self.count = count
        self.workers = max(1, workers)
        batch = self.workers * batchPerWorker
        self.make = make
    }

    /// Item `index`; items must be asked for in order.
    func item(_ index: Int) -> [UInt8] {
        if index < start || index >= start + items.count {
            start = index
            let end = min(count, index + batch)
            let make = make
            items = Parallel.map(end - index, workers: workers) { make(index + $0) }
        }
        return items[index - start]
    }
}
