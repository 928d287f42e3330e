import Dispatch
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// One build of the site for the preview, run on its own thread so the server stays responsive.
struct PreviewBuild: Sendable {
    /// What happened, and how long it took from start to the new files being in place.
    enum Outcome: Sendable {
        /// The whole site was built.
        case built(BuildReport, LiveSite)
        /// An edit was taken in: some units rendered now, others left for later.
        case updated(LiveSite.Update)
        case failed(BuildFailure)
    }

    var outcome: Outcome
    var duration: Duration

    var milliseconds: Int { Self.milliseconds(duration) }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Builds the whole site.
    static func run(_ options: BuildOptions) async -> PreviewBuild {
        await onBuildThread {
            do {
                let site = try LiveSite(options)
                return .built(site.report, site)
            } catch let failure as BuildFailure {
                return .failed(failure)
            } catch {
                return .failed(BuildFailure([.error(SourceLocation(file: options.siteRoot.lastPathComponent), "the build stopped: \(error)")]))
            }
        }
    }

    /// Takes in the files at `changed`.
    static func update(_ site: LiveSite, changed: [String]) async -> PreviewBuild {
        await onBuildThread {
            switch site.update(changed: changed) {
            case .updated(let update): .updated(update)
            case .failed(let failure): .failed(failure)
            }
        }
    }

    /// Runs `work` off the server's threads, timing it.
    static func onBuildThread(_ work: @escaping @Sendable () -> Outcome) async -> PreviewBuild {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = work()
                continuation.resume(returning: PreviewBuild(outcome: outcome, duration: clock.now - start))
            }
        }
    }

    /// Runs `work` off the server's threads.
    static func offServerThreads<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
