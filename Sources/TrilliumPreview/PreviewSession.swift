import FlyingFox
import FlyingSocks
import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// A running preview: the site built into a private folder, served on 127.0.0.1, rebuilt when
/// `Content/` or `Themes/` change, with open pages told to reload or to show the build's problems.
///
/// `PreviewServer` runs one until Ctrl-C; tests start and stop one in-process.
public actor PreviewSession {
    private var options: BuildOptions
    private let requestedPort: UInt16
    private let pollInterval: Duration
    private let console: PreviewConsole
    private let mounts: [any PreviewMount]
    /// The private folder holding the build (and the writer's staging folders beside it).
    public nonisolated let workspace: URL
    /// The folder being served.
    public nonisolated let servedFolder: URL
    private let hub = LiveReloadHub()
    private var server: HTTPServer?
    private var serverTask: Task<Void, any Error>?
    private var watchTask: Task<Void, Never>?
    private var buildNumber = 0
    /// The site as last built, which takes in each edit and re-renders only what it changes.
    private var live: LiveSite?
    /// Renders the units an edit left for later, a few at a time.
    private var backgroundTask: Task<Void, Never>?
    private let sessionTag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    /// The port actually listened on (the requested one, or the one the system chose for port 0).
    public private(set) var port: UInt16 = 0

    /// - Parameters:
    ///   - options: what to build; the output folder is ignored (the preview never writes to `Public/`).
    ///     Without a base URL, the site is built for `http://127.0.0.1:PORT/`.
    ///   - port: the port on 127.0.0.1; 0 lets the system choose a free one.
    ///   - pollInterval: how often the watched folders are checked for changes.
    ///   - mounts: served beside the site under their own paths (the editor at `/_edit/`).
    public init(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(300), console: PreviewConsole = .terminal,
                mounts: [any PreviewMount] = []) {
        self.options = options
        self.mounts = mounts
        self.requestedPort = port
        self.pollInterval = pollInterval
        self.console = console
        workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("trillium-preview-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        servedFolder = workspace.appendingPathComponent("site", isDirectory: true)
    }

    /// The address of the site's home, e.g. `http://127.0.0.1:1313/`.
    public var siteAddress: String {
        "http://127.0.0.1:\(port)\(BaseURL.path(of: options.baseURL ?? "/"))"
    }

    /// Listens, builds once and starts watching. A failed first build does not stop the preview:
    /// its problems are shown, and the next save tries again.
    public func start() async throws {
        guard server == nil else { return }
        // `start` refuses to run without them, so the handler never serves an empty script.
        guard LiveReloadAssets.script != nil, LiveReloadAssets.stylesheet != nil else {
            throw PreviewServerError("the preview's live-reload files are missing: keep the Trillium_TrilliumPreview.resources folder beside the trillium executable")
        }
        do {
            // Owner-only: the preview may hold drafts that are not public yet.
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw PreviewServerError("cannot create the preview's folder \(workspace.path): \(error.localizedDescription)")
        }
        try await listen()
        if options.baseURL == nil { options.baseURL = "http://127.0.0.1:\(port)/" }
        options.output = servedFolder
        for mount in mounts {
            try await mount.start(PreviewMountContext(options: options, workspace: workspace, port: port, console: console))
        }

        // Watching starts before the first build, so a file saved during it is not missed.
        let watcher = SourceWatcher(siteRoot: options.siteRoot, folders: SourceSnapshot.watchedFolders)
        let before = SourceSnapshot.take(siteRoot: options.siteRoot)
        await build(first: true)
        await hub.startKeepAlive(every: .seconds(15))
        let interval = pollInterval
        watchTask = Task { [weak self] in
            if let watcher {
                await self?.watch(watcher, from: before)
            } else {
                await self?.watch(from: before, every: interval)
            }
        }
    }

    /// Stops watching, ends open event streams, closes the server and removes the private folder.
    public func stop() async {
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        backgroundTask?.cancel()
        await backgroundTask?.value
        backgroundTask = nil
        await hub.close()
        for mount in mounts { await mount.stop() }
        if let server {
            // FlyingFox waits this long for open responses to finish, then cancels the rest.
            await server.stop(timeout: 0.25)
        }
        serverTask?.cancel()
        _ = await serverTask?.result
        server = nil
        serverTask = nil
        try? FileManager.default.removeItem(at: workspace)
    }

    // MARK: - Serving

    private func listen() async throws {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: requestedPort)
        } catch {
            throw PreviewServerError("cannot make the address 127.0.0.1:\(requestedPort): \(error)")
        }
        let handler = PreviewRequestHandler(
            files: StaticFileResolver(root: servedFolder, basePath: BaseURL.path(of: options.baseURL ?? "/")),
            hub: hub, mounts: mounts, prepare: { [weak self] path in await self?.prepare(path: path) })
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)
        // Whichever comes first: listening (nil), or the server failing to bind (its error).
        let (outcomes, report) = AsyncStream.makeStream(of: (any Error)?.self)
        let task = Task {
            do {
                try await server.run()
            } catch {
                report.yield(error)
                throw error
            }
        }
        let waiter = Task {
            do {
                try await server.waitUntilListening(timeout: 5)
                report.yield(nil)
            } catch {
                report.yield(error)
            }
        }
        var first = outcomes.makeAsyncIterator()
        let failure = await first.next() ?? nil
        waiter.cancel()
        if let failure {
            task.cancel()
            try? FileManager.default.removeItem(at: workspace)
            throw PreviewServerError("cannot listen on 127.0.0.1:\(requestedPort) (\(failure)). Is another preview running? Try another --port.")
        }
        guard case .ip4(_, let boundPort)? = await server.listeningAddress else {
            await server.stop()
            throw PreviewServerError("the server is not listening on an IPv4 address")
        }
        self.server = server
        serverTask = task
        port = boundPort
    }

    // MARK: - Building

    /// Builds once and tells the terminal and the open pages how it went.
    private func build(first: Bool, changed: [String] = []) async {
        let build: PreviewBuild
        if !first, let live {
            build = await PreviewBuild.update(live, changed: changed)
        } else {
            build = await PreviewBuild.run(options)
        }
        switch build.outcome {
        case .updated(let update):
            buildNumber += 1
            await hub.publishGoodBuild("\(sessionTag)-\(buildNumber)")
            for warning in update.warnings { console.problem(warning.description) }
            let later = update.pending == 0 ? "" : "; \(update.pending) more as they are opened or in the background"
            console.info("Updated \(update.rendered) page\(update.rendered == 1 ? "" : "s") in \(build.milliseconds) ms\(later).")
            if update.pending > 0 { renderInBackground() }
        case .built(let report, let site):
            live = site
            buildNumber += 1
            await hub.publishGoodBuild("\(sessionTag)-\(buildNumber)")
            for warning in report.warnings { console.problem(warning.description) }
            console.info("\(first ? "Built" : "Rebuilt") in \(build.milliseconds) ms (\(Self.pageCount(report))).")
        case .failed(let failure):
            for diagnostic in failure.diagnostics { console.problem(diagnostic.description) }
            let errors = failure.errors.count
            let still = buildNumber > 0 ? "Still serving the last good version" : "Nothing to serve yet"
            console.problem("Build failed after \(build.milliseconds) ms: \(errors) error\(errors == 1 ? "" : "s"). \(still); open pages show the problems.")
            await hub.publishFailure(failure.diagnostics)
        }
    }

    /// Renders what the last edit left for later, a few units at a time, so the next edit or a
    /// browser's request never waits long for the site.
    private func renderInBackground() {
        guard backgroundTask == nil, let live else { return }
        let clock = ContinuousClock(), start = clock.now
        backgroundTask = Task { [weak self] in
            var units = 0
            while !Task.isCancelled, live.pendingCount > 0 {
                let before = live.pendingCount
                let problems = await PreviewBuild.offServerThreads { live.renderPending(limit: 16) }
                units += max(0, before - live.pendingCount)
                if problems.contains(where: { $0.severity == .error }) { await self?.report(problems) }
            }
            await self?.backgroundFinished(units: units, milliseconds: PreviewBuild.milliseconds(clock.now - start))
        }
    }

    private func backgroundFinished(units: Int, milliseconds: Int) {
        backgroundTask = nil
        if live?.pendingCount ?? 0 > 0 { renderInBackground() } else if units > 0 {
            console.info("The rest of the site is up to date (\(units) more pages and files in \(milliseconds) ms).")
        }
    }

    private func report(_ problems: [Diagnostic]) async {
        for problem in problems { console.problem(problem.description) }
        await hub.publishFailure(problems)
    }

    /// Before a file is served: renders it first if the last edit left it for later.
    func prepare(path: String) async {
        guard let live, live.pendingCount > 0 else { return }
        let problems = await PreviewBuild.offServerThreads { live.prepare(path: path) }
        if problems.contains(where: { $0.severity == .error }) { await report(problems) }
    }

    /// Polls the watched folders and rebuilds after changes, once saving has settled.
    private func watch(from start: SourceSnapshot, every interval: Duration) async {
        var built = start
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            var current = SourceSnapshot.take(siteRoot: options.siteRoot)
            guard current != built else { continue }
            // Editors and git write several files in a row: wait until the folders are still.
            for _ in 0..<20 {
                try? await Task.sleep(for: .milliseconds(80))
                let again = SourceSnapshot.take(siteRoot: options.siteRoot)
                if again == current { break }
                current = again
            }
            guard !Task.isCancelled else { return }
            let changed = current.changes(since: built)
            built = current
            console.info("Changed: \(Self.list(changed))")
            await build(first: false, changed: changed)
        }
    }

    /// Rebuilds after the changes the kernel reports, once saving has settled (no event for
    /// 30 ms, at most 1.6 s). When events were lost, compares snapshots instead.
    private func watch(_ watcher: SourceWatcher, from start: SourceSnapshot) async {
        var built = start
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
            guard !Task.isCancelled else { return }
            guard watcher.poll() else { continue }
            // Editors and git write several files in a row: wait until the folders are still.
            for _ in 0..<50 {
                try? await Task.sleep(for: .milliseconds(30))
                if !watcher.poll() { break }
            }
            guard !Task.isCancelled else { return }
            var changed: [String]
            if let reported = watcher.take() {
                changed = reported
            } else {
                let current = SourceSnapshot.take(siteRoot: options.siteRoot)
                changed = current.changes(since: built)
                built = current
            }
            guard !changed.isEmpty else { continue }
            console.info("Changed: \(Self.list(changed))")
            await build(first: false, changed: changed)
        }
    }

    // MARK: - Wording


    static func pageCount(_ report: BuildReport) -> String {
        let english = report.pagesPerLanguage[.en] ?? 0, french = report.pagesPerLanguage[.fr] ?? 0
        return "\(english) English and \(french) French pages, \(report.filesWritten) files"
    }

    static func list(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(3).joined(separator: ", ") + " and \(paths.count - 3) more"
    }
}
