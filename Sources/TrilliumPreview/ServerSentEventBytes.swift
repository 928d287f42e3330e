import FlyingFox
import FlyingSocks
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// The body of an event-stream response: the bytes of each event as it is published.
///
/// FlyingFox sends a body of unknown length with chunked transfer encoding and writes each buffer
/// as soon as this sequence returns it, so events reach the browser without delay.
struct ServerSentEventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        /// Waits for the next event when nothing is pending; returns at most `count` bytes.
        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = [UInt8](event)
            }
            let size = Swift.min(Swift.max(1, count), pending.count)
            let buffer = Array(pending.prefix(size))
            pending.removeFirst(size)
            return buffer
        }
    }
}
