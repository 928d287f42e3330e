import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Keeps the state of the latest build and every open page's event stream, and tells them all
/// when a rebuild succeeds or fails.
actor LiveReloadHub {
    enum State: Sendable, Equatable {
        /// No build has finished yet.
        case starting
        /// `build` is being served and is current.
        case ready(build: String)
        /// The last build failed; `lastGood` (if any) is still being served.
        case broken(lastGood: String?, diagnostics: [Diagnostic])
    }

    private(set) var state: State = .starting
    private var subscribers: [Int: AsyncStream<Data>.Continuation] = [:]
    private var nextSubscriber = 0
    private var keepAlive: Task<Void, Never>?
    private var isClosed = false

    /// How many pages are listening now.
    var connectionCount: Int { subscribers.count }

    /// A new event stream for one page. It starts with the current state, so a page opened while
    /// the build is broken shows the errors at once. `lastEventID` is the last build the page saw.
    func subscribe(lastEventID: String?) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .bufferingNewest(32))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        continuation.yield(Data(LiveReloadEvent.retryPreamble.utf8))
        for event in greeting(lastEventID: lastEventID) {
            continuation.yield(Data(event.text.utf8))
        }
        return stream
    }

    /// A good build is being served: every open page reloads.
    func publishGoodBuild(_ build: String) {
        state = .ready(build: build)
        broadcast(.reload(build: build))
    }

    /// A build failed: pages keep the last good site and show the problems.
    func publishFailure(_ diagnostics: [Diagnostic]) {
        state = .broken(lastGood: lastGoodBuild, diagnostics: diagnostics)
        broadcast(.failure(diagnostics))
    }

    /// Sends a comment to every page now and then, so closed connections are noticed and dropped.
    func startKeepAlive(every interval: Duration) {
        keepAlive?.cancel()
        keepAlive = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                await self?.broadcast(.keepAlive)
            }
        }
    }

    /// Ends every stream, so the server can finish its connections and stop.
    func close() {
        isClosed = true
        keepAlive?.cancel()
        keepAlive = nil
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private var lastGoodBuild: String? {
        switch state {
        case .starting: return nil
        case .ready(let build): return build
        case .broken(let lastGood, _): return lastGood
        }
    }

    private func greeting(lastEventID: String?) -> [LiveReloadEvent] {
        // A page that saw an older build than the one now served missed a reload.
        let missedReload = lastEventID != nil && lastGoodBuild != nil && lastEventID != lastGoodBuild
        switch state {
        case .starting:
            return []
        case .ready(let build):
            return [missedReload ? .reload(build: build) : .ready(build: build)]
        case .broken(let lastGood, let diagnostics):
            if missedReload, let lastGood { return [.reload(build: lastGood)] }
            return (lastGood.map { [LiveReloadEvent.ready(build: $0)] } ?? []) + [.failure(diagnostics)]
        }
    }

    private func broadcast(_ event: LiveReloadEvent) {
        let data = Data(event.text.utf8)
        for continuation in subscribers.values { continuation.yield(data) }
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
