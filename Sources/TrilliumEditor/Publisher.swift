import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline

/// Publishing from the editor: the full check, then the changed files of `Content/` with their
/// diffs, then `git add` of exactly those files, `git commit -m`, and `git push` when there is a remote.
struct Publisher: Sendable {
    struct Change: Sendable {
        /// Below the site folder: `Content/en/about.md`.
        var path: String
        /// `git status --porcelain` code: ` M`, `??`, ` D`…
        var status: String
        var diff: String
    }

    enum Preparation: Sendable {
        case notARepository(String)
        case checkFailed([Diagnostic])
        case nothingToPublish
        case ready([Change], warnings: Int)
    }

    struct Outcome: Sendable {
        var commit: String
        /// What `git push` said, or nil when the repository has no remote.
        var push: GitRunner.Output?
        var commands: [String]
    }

    struct Failure: Error, Sendable {
        var command: String
        var output: GitRunner.Output
    }

    let options: BuildOptions
    var git: GitRunner { GitRunner(folder: options.siteRoot) }

    func prepare() async -> Preparation {
        let inside = await git.run(["rev-parse", "--is-inside-work-tree"])
        guard inside.succeeded else { return .notARepository(inside.standardError) }
        let options = self.options
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: SiteChecker().check(options)) }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .checkFailed(errors) }
        let changes = await changedFiles()
        return changes.isEmpty ? .nothingToPublish : .ready(changes, warnings: result.diagnostics.count)
    }

    /// Changed, new and deleted files below `Content/`, each with its diff.
    func changedFiles() async -> [Change] {
        let status = await git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "Content"])
        let hasHead = await git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded
        var changes: [Change] = []
        var entries = status.standardOutput.split(separator: "\0").map(String.init)[...]
        while let entry = entries.popFirst() {
            guard entry.count > 3 else { continue }
            let code = String(entry.prefix(2))
            let path = String(entry.dropFirst(3))
            if code.hasPrefix("R") || code.hasPrefix("C") { _ = entries.popFirst() }  // the old name of a rename
            let diff: GitRunner.Output
            if code == "??" || !hasHead {
                diff = await git.run(["diff", "--no-color", "--no-ext-diff", "--no-index", "--", "/dev/null", path])
            } else {
                diff = await git.run(["diff", "--no-color", "--no-ext-diff", "HEAD", "--", path])
            }
            changes.append(Change(path: path, status: code, diff: diff.standardOutput))
        }
        return changes.sorted { $0.path < $1.path }
    }

    /// Commits exactly `paths` with `message`, then pushes when the repository has a remote.
    func publish(paths: [String], message: String) async throws -> Outcome {
        var commands: [String] = []
        func run(_ arguments: [String]) async throws -> GitRunner.Output {
            commands.append((["git"] + arguments).joined(separator: " "))
            let output = await git.run(arguments)
            guard output.succeeded else { throw Failure(command: commands.last ?? "git", output: output) }
            return output
        }
        _ = try await run(["add", "--"] + paths)
        _ = try await run(["commit", "-m", message, "--"] + paths)
        let commit = try await run(["rev-parse", "--short", "HEAD"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let remotes = await git.run(["remote"]).standardOutput.split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
            return Outcome(commit: commit, push: nil, commands: commands)
        }
        let upstream = await git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
        let pushArguments = upstream.succeeded ? ["push"] : ["push", remote, "HEAD"]
        commands.append((["git"] + pushArguments).joined(separator: " "))
        let push = await git.run(pushArguments)
        return Outcome(commit: commit, push: push, commands: commands)
    }
}
