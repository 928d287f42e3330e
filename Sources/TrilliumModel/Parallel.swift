import Foundation

/// Runs work over indices on a fixed number of threads; results keep their index order.
package enum Parallel {
    package static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        let threads = max(1, min(workers, count))
        if threads == 1 {
            for index in 0..<count { results.set(index, body(index)) }
        } else {
            // Each worker takes the next index as it finishes one, so workers stay busy to the end
            // when jobs differ in cost (a list page against a service page); results keep their order.
            let next = NextIndex(count: count)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let index = next.take() { results.set(index, body(index)) }
            }
        }
        return results.values()
    }
}

/// The indexes `0..<count`, handed out one at a time to whichever thread asks.
private final class NextIndex: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
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

/// A value made on another thread while the caller goes on with other work; `value()` waits for it.
/// (Loading reads the services beside the pages, so what one does alone fills the other's gaps.)
package final class Concurrent<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    package init(_ make: @escaping @Sendable () -> T) {
        DispatchQueue.global().async { [self] in
            result = make()
            done.signal()
        }
    }

    /// The value, once made (it is made once; asking again does not wait).
    package func value() -> T {
        done.wait()
        done.signal()
        return result!
    }
}
