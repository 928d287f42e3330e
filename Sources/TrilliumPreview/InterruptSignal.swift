import Dispatch
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Waits for Ctrl-C (SIGINT) or SIGTERM, so the preview can stop its server and remove its files.
enum InterruptSignal {
    /// Returns when the first signal arrives. The default action is restored then, so a second
    /// Ctrl-C ends the process at once if stopping takes too long.
    static func wait() async {
        let signals = [SIGINT, SIGTERM]
        let queue = DispatchQueue(label: "trillium.preview.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            var sources: [any DispatchSourceSignal] = []
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                sources.append(source)
            }
            let all = sources
            for source in all {
                source.setEventHandler {
                    for number in signals { signal(number, SIG_DFL) }
                    for other in all { other.cancel() }
                    once.resume()
                }
                source.resume()
            }
        }
    }

    /// Resumes a continuation the first time only, from whichever signal arrives first.
    private final class ResumeOnce: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Void, Never>?

        init(_ continuation: CheckedContinuation<Void, Never>) {
            self.continuation = continuation
        }

        func resume() {
            let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                defer { continuation = nil }
                return continuation
            }
            pending?.resume()
        }
    }
}
