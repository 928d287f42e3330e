import Foundation

/// Runs work over indices on a fixed number of threads; results keep their index order.
package enum Parallel {
    package static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        let threads = max(1, min(workers, count))
        if threads == 1 {
            for index in 0..<count { results.set(index, body(index)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                var index = worker
                while index < count {
                    results.set(index, body(index))
                    index += threads
                }
            }
        }
        return results.values()
    }
}

/// Slots written by many threads, each slot once.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    func values() -> [T] { lock.withLock { slots.compactMap { $0 } } }
}
