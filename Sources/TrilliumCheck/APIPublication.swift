import Foundation
import TrilliumModel

/// The JSON files of one publication of the partner API, keyed by their path below `api/`
/// (`v1/services.json`, `v1/hsds/services/2.json`), with where each came from for messages.
struct APIPublication: Sendable {
    var files: [String: JSONValue]
    /// How to name a file in a diagnostic: `OldPublic/api/v1/services.json`, or `api/v1/services.json` for the new build.
    var location: @Sendable (String) -> String

    func location(of path: String) -> SourceLocation { SourceLocation(file: location(path)) }

    /// The files a build is about to publish (output paths start with `api/`).
    static func published(_ outputs: [OutputFile]) -> (APIPublication, [Diagnostic]) {
        var files: [String: JSONValue] = [:]
        var problems: [Diagnostic] = []
        for output in outputs where output.path.hasPrefix("api/") && output.path.hasSuffix(".json") {
            let path = String(output.path.dropFirst("api/".count))
            do { files[path] = try JSONDecoder().decode(JSONValue.self, from: output.data) } catch {
                problems.append(.error(SourceLocation(file: output.path), "the build wrote JSON that does not read back: \(error)"))
            }
        }
        return (APIPublication(files: files, location: { "api/" + $0 }), problems)
    }

    /// The last publication, from a previous build's `Public/` folder or a copy of its `api/` folder.
    ///
    /// - Parameter shownAs: the folder as the person typed it, for messages.
    static func baseline(at folder: URL, shownAs: String) -> (APIPublication?, [Diagnostic]) {
        let manager = FileManager.default
        let prefix = shownAs.hasSuffix("/") ? shownAs : shownAs + "/"
        let withAPI = folder.appendingPathComponent("api")
        let (root, shownRoot): (URL, String) = manager.fileExists(atPath: withAPI.appendingPathComponent("v1/services.json").path)
            ? (withAPI, prefix + "api/") : (folder, prefix)
        guard manager.fileExists(atPath: root.appendingPathComponent("v1/services.json").path) else {
            return (nil, [.error(SourceLocation(file: shownAs),
                                 "no published partner API here: found neither api/v1/services.json nor v1/services.json",
                                 hint: "Give --api-baseline the Public/ folder of the last published build, or a copy of its api/ folder.")])
        }
        var files: [String: JSONValue] = [:]
        var problems: [Diagnostic] = []
        let names = (manager.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
        for name in names.sorted() {
            do {
                let data = try Data(contentsOf: root.appendingPathComponent(name))
                files[name] = try JSONDecoder().decode(JSONValue.self, from: data)
            } catch {
                problems.append(.error(SourceLocation(file: shownRoot + name), "could not read this published file as JSON: \(error)",
                                       hint: "Point --api-baseline at an unmodified copy of the last publication."))
            }
        }
        return (APIPublication(files: files, location: { shownRoot + $0 }), problems)
    }
}
