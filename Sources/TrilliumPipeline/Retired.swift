import Foundation

/// What an edit replaced (the previous site, renderer, fingerprints and directory caches), freed
/// on a background thread.
///
/// At 60,000 services, freeing them where the edit replaced them took 20–30 ms of a one-service
/// edit's time, most of it in the allocator; the edit does not need to wait for it.
final class Retired: @unchecked Sendable {
    private let queue = DispatchQueue(label: "trillium.retired", qos: .utility)
    private let lock = NSLock()
    private var values: [Any] = []

    /// Takes `value` over; it is freed a little later, on the background thread, once the caller
    /// has dropped its own references (if the caller still held one then, the value would be
    /// freed where the caller drops it: slower, never wrong).
    func add(_ value: Any) {
        lock.withLock { values.append(value) }
        queue.asyncAfter(deadline: .now() + .milliseconds(50)) { [self] in
            let doomed = lock.withLock { () -> [Any] in
                let all = values
                values = []
                return all
            }
            _ = doomed
        }
    }

}
