import Foundation
import TrilliumSource

/// The preview's own files (the live-reload script and its stylesheet), from the
/// `Trillium_TrilliumPreview` resource bundle beside the executable.
enum PreviewResources {
    static let directory = BundledResources.directory(
        bundle: "Trillium_TrilliumPreview", folder: "Resources",
        sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"),
        marker: "live-reload.js")

    /// A file's text, or nil when the bundle is missing (the preview then refuses to start).
    static func text(_ name: String) -> String? {
        guard let url = directory?.appendingPathComponent(name), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
