import Dispatch
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// One build of the site for the preview, run on its own thread so the server stays responsive.
struct PreviewBuild: Sendable {
    /// What happened, and how long it took from start to the new site being in place.
    enum Outcome: Sendable {
        case built(BuildReport, IncrementalSite)
        /// Only the edited pages were re-rendered.
        case rebuiltPages(Int, warnings: [Diagnostic])
        case failed(BuildFailure)
    }

    var outcome: Outcome
    var duration: Duration

    var milliseconds: Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    static func run(_ options: BuildOptions) async -> PreviewBuild {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let clock = ContinuousClock()
                let start = clock.now
                let outcome: Outcome
                do {
                    let (report, incremental) = try SiteBuilder().buildKeepingState(options)
                    outcome = .built(report, incremental)
                } catch let failure as BuildFailure {
                    outcome = .failed(failure)
                } catch {
                    outcome = .failed(BuildFailure([.error(SourceLocation(file: options.siteRoot.lastPathComponent),
                                                           "the build stopped: \(error)")]))
                }
                continuation.resume(returning: PreviewBuild(outcome: outcome, duration: clock.now - start))
            }
        }
    }

    /// Re-renders only the edited pages when that gives the same site as a full build;
    /// nil when the change needs a full build.
    static func runIncremental(_ site: IncrementalSite, changed: [String]) async -> PreviewBuild? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let clock = ContinuousClock()
                let start = clock.now
                let result: PreviewBuild?
                switch site.rebuild(changedPaths: changed) {
                case .rebuilt(let pages, let warnings):
                    result = PreviewBuild(outcome: .rebuiltPages(pages, warnings: warnings), duration: clock.now - start)
                case .failed(let failure):
                    result = PreviewBuild(outcome: .failed(failure), duration: clock.now - start)
                case .needsFullBuild:
                    result = nil
                }
                continuation.resume(returning: result)
            }
        }
    }
}
