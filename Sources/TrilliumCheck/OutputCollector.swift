import Foundation
import TrilliumModel

/// Keeps the files a render hands over whose path starts with a prefix, from any thread
/// (rendering runs on several workers). With no prefix it keeps nothing.
final class OutputCollector: @unchecked Sendable {
    private let prefix: String?
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    init(keepingPathsStartingWith prefix: String?) {
        self.prefix = prefix
    }

    /// The sink to hand to `SiteRenderer.render`.
    var emit: @Sendable (OutputFile) -> Void {
        { [self] file in
            guard let prefix, file.path.hasPrefix(prefix) else { return }
            lock.lock()
            defer { lock.unlock() }
            collected.append(file)
        }
    }

    /// Every file kept so far, sorted by path.
    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted { $0.path < $1.path }
    }
}
