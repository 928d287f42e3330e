import Dispatch
import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview

/// The editor's state while `trillium serve` runs: the site as last read and checked, the
/// unsaved drafts, and every change to `Content/` the editor makes (always through here, one at a time).
actor EditorSession {
    /// The options the editor checks and renders with: the preview's, with drafts and scheduled pages.
    nonisolated let options: BuildOptions
    /// The preview's own options (its --drafts and --future), for the check before publishing.
    nonisolated let publishOptions: BuildOptions
    nonisolated let siteRoot: URL
    nonisolated let drafts: DraftStore
    nonisolated let conflicts: ConflictCopies
    private var current: EditorSite?
    private var loading: Task<EditorSite, Never>?

    init(options: BuildOptions, workspace: URL) throws {
        publishOptions = options
        var options = options
        options.drafts = true
        options.future = true
        options.onFileWritten = nil
        options.onProgress = nil
        self.options = options
        siteRoot = options.siteRoot
        drafts = try DraftStore(folder: workspace.appendingPathComponent("editor/drafts", isDirectory: true))
        conflicts = ConflictCopies(siteRoot: options.siteRoot)
    }

    nonisolated var today: Day { options.today }

    // MARK: - The site

    /// The site as it is on disk now: re-read and re-checked when any file changed since last time.
    func site() async -> EditorSite {
        let snapshot = SourceSnapshot.take(siteRoot: siteRoot)
        if let current, current.snapshot == snapshot { return current }
        if let loading { return await loading.value }
        let options = self.options
        let task = Task.detached { await Self.loadOffThread(options) }
        loading = task
        let loaded = await task.value
        loading = nil
        current = loaded
        return loaded
    }

    /// Loading and checking take seconds on a large site: done on a dispatch thread, so the
    /// server's threads keep answering.
    static func loadOffThread(_ options: BuildOptions) async -> EditorSite {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: EditorSite.load(options))
            }
        }
    }

    func inventory() async -> ContentInventory {
        ContentInventory(site: await site(), drafts: drafts.all(), today: today)
    }

    // MARK: - Reading files

    func url(_ path: ContentPath) -> URL? { path.resolve(in: siteRoot) }

    /// The file's text on disk, or nil when it does not exist (or may not be read).
    func diskText(_ path: ContentPath) -> String? {
        guard let url = url(path), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// What the editor shows for a file: the draft when there is one, else the disk's text.
    func opened(_ path: ContentPath) -> (text: String, base: String, restored: Bool, changedOnDisk: Bool) {
        let disk = diskText(path)
        let diskPrint = disk.map(FileFingerprint.of) ?? FileFingerprint.absent
        if let draft = drafts.draft(path) {
            return (draft.text, draft.base, true, draft.base != diskPrint)
        }
        return (disk ?? "", diskPrint, false, false)
    }

    // MARK: - Drafts

    /// Keeps `text` as the unsaved text of `path`, or drops the draft when it equals the disk's text.
    func keepDraft(_ path: ContentPath, base: String, text: String) throws {
        if let disk = diskText(path), disk == text, FileFingerprint.of(disk) == base {
            drafts.remove(path)
        } else {
            try drafts.save(Draft(path: path, base: base, text: text))
        }
    }

    func discard(_ path: ContentPath) {
        drafts.remove(path)
    }

    /// The text a form is written over: the draft it was opened from, else the disk's text.
    func previousText(_ path: ContentPath) -> String {
        drafts.draft(path)?.text ?? diskText(path) ?? ""
    }

    // MARK: - Previews

    func preview(_ inputs: [(path: ContentPath, text: String)]) async -> [PagePreview] {
        let site = await site()
        return PagePreviewRenderer(site: site, today: today).preview(inputs)
    }

    /// The rendered page of a file's current text (draft or disk), for the preview frame.
    func renderedPage(_ path: ContentPath) async -> Data? {
        let text = opened(path).text
        return await preview([(path, text)]).first?.html
    }

    // MARK: - Saving

    enum SaveOutcome: Sendable, Equatable {
        case unchanged
        case saved
        /// The file changed on disk since it was opened: nothing was written; the person's text is
        /// kept as a draft and as a copy at `copy` (relative to the site folder).
        case conflict(copy: String)
    }

    /// Writes `text` to `path` atomically, unless the file changed on disk since `base`.
    func save(_ path: ContentPath, base: String, text: String) throws -> SaveOutcome {
        guard let url = url(path) else { throw EditorError.refusedPath(path.relative) }
        let disk = FileManager.default.contents(atPath: url.path)
        if let disk, String(decoding: disk, as: UTF8.self) == text {
            drafts.remove(path)
            return .unchanged
        }
        guard FileFingerprint.of(disk) == base else {
            try drafts.save(Draft(path: path, base: base, text: text))
            return .conflict(copy: try conflicts.keep(text, for: path))
        }
        try AtomicFileWriter.write(Data(text.utf8), to: url)
        drafts.remove(path)
        return .saved
    }

    /// After a conflict: the person's version is written over the file as it is now.
    func keepMine(_ path: ContentPath) throws {
        guard let draft = drafts.draft(path), let url = url(path) else { return }
        try AtomicFileWriter.write(Data(draft.text.utf8), to: url)
        drafts.remove(path)
    }

    /// After a conflict: go on editing the person's version, now based on the file as it is on disk.
    func rebase(_ path: ContentPath) throws {
        guard var draft = drafts.draft(path) else { return }
        draft.base = FileFingerprint.of(diskText(path).map { Data($0.utf8) })
        try drafts.save(draft)
    }

    /// Creates a file that must not exist yet.
    func create(_ path: ContentPath, text: String) throws {
        guard let url = url(path) else { throw EditorError.refusedPath(path.relative) }
        guard !FileManager.default.fileExists(atPath: url.path) else { throw EditorError.exists(path.sitePath) }
        try AtomicFileWriter.write(Data(text.utf8), to: url)
    }

    /// Drafts that are still unsaved when the preview stops are copied beside the conflict copies,
    /// so stopping `trillium serve` loses nothing. Returns where they went.
    func keepUnsavedOnStop() -> [String] {
        drafts.all().compactMap { draft in try? conflicts.keep(draft.text, for: draft.path) }
    }
}

/// Why the editor refused a request.
enum EditorError: Error, CustomStringConvertible {
    case refusedPath(String)
    case exists(String)

    var description: String {
        switch self {
        case .refusedPath(let path): "the path `\(path)` is not a file the editor may change"
        case .exists(let path): "\(path) already exists"
        }
    }
}
