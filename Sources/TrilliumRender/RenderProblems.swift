import Foundation
import TrilliumModel

/// Problems found deep inside rendering (a UI string or asset the theme lacks, a template that
/// renders nothing), collected from every worker and reported once each with where to fix them.
/// Nothing is silently replaced: a render with problems fails like any other error.
final class RenderProblems: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Set<Diagnostic> = []

    func record(_ diagnostic: Diagnostic) {
        lock.withLock { _ = found.insert(diagnostic) }
    }

    /// Everything recorded so far, in location order.
    var all: [Diagnostic] {
        lock.withLock { found.sorted { ($0.location, $0.message) < ($1.location, $1.message) } }
    }
}
