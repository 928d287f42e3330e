import Dispatch
import Foundation
import Trillium

/// One build of the site for the preview, run on its own thread so the server stays responsive.
struct PreviewBuild: Sendable {
    /// What happened, and how long it took from start to the new site being in place.
    enum Outcome: Sendable {
        case built(BuildReport)
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
                    outcome = .built(try SiteBuilder().build(options))
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
}
