import Foundation
import TrilliumDefaultTheme
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumSearch
import TrilliumSource

/// The whole build: load, check, render into a staging folder, then swap it into place.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        var diagnostics = DiagnosticList()
        guard let site = SiteLoader().load(options, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics.items)
        }
        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: options.output)
            writer.onFileWritten = options.onFileWritten
        } catch {
            throw BuildFailure([.error(SourceLocation(file: options.output.path), "cannot prepare the output folder: \(error.localizedDescription)")])
        }
        let summary = site.renderer.render(emit: { try writer.write($0.data, to: $0.path) }, diagnostics: &diagnostics)
        let counts = summary.pagesPerLanguage
        guard !diagnostics.hasErrors else {
            writer.discard()
            throw BuildFailure(diagnostics.items)
        }
        do {
            try writer.commit()
        } catch {
            writer.discard()
            throw BuildFailure([.error(SourceLocation(file: options.output.path), "cannot move the new site into place: \(error.localizedDescription)")])
        }
        var report = BuildReport(pagesPerLanguage: counts, filesWritten: writer.filesWritten,
                                 warnings: BuildFailure(diagnostics.items).diagnostics, seconds: Date().timeIntervalSince(start))
        report.searchSeconds = summary.search.analysisSeconds
        if options.leavesMemoryToExit { _ = Unmanaged.passRetained(LeftToExit((site, summary))) }
        return report
    }
}

/// Values held by one reference that is never released (`BuildOptions.leavesMemoryToExit`).
private final class LeftToExit: @unchecked Sendable {
    let values: Any
    init(_ values: Any) { self.values = values }
}
