import Foundation
import TrilliumModel

/// Keeps the files a render hands over, from any thread (rendering runs on several workers).
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func add(_ file: OutputFile) {
        lock.lock()
        defer { lock.unlock() }
        collected.append(file)
    }

    /// Every file so far, sorted by path.
    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted { $0.path < $1.path }
    }
}
