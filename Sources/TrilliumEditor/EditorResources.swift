import Foundation
import TrilliumSource

/// The editor's own files (script, stylesheet, UI strings), from the `Trillium_TrilliumEditor`
/// resource bundle beside the executable, or from the source folder in a checkout.
enum EditorResources {
    static let directory = BundledResources.directory(
        bundle: "Trillium_TrilliumEditor", folder: "Resources",
        sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"),
        marker: "editor.js")

    /// A file's text, or nil when the bundle is missing (the editor then refuses to start).
    static func text(_ name: String) -> String? {
        guard let url = directory?.appendingPathComponent(name), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
