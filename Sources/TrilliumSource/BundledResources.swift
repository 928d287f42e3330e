import Foundation

/// Finds a folder of files that SwiftPM ships beside the executable as a resource bundle
/// (`<Package>_<Target>.resources/<folder>`), or, in a source checkout, the folder itself.
///
/// SwiftPM's generated `Bundle.module` stops the program when the bundle is missing; looking for
/// it here lets a missing bundle be an ordinary error instead.
public enum BundledResources {
    /// - Parameters:
    ///   - bundle: the bundle's name, e.g. `Trillium_TrilliumPreview`.
    ///   - folder: the folder copied into it, e.g. `Resources`.
    ///   - sourceFolder: that folder in a source checkout, for tests and `swift run`.
    ///   - marker: a file or folder that must exist inside, so a half-copied bundle is not taken.
    public static func directory(bundle: String, folder: String, sourceFolder: URL, marker: String) -> URL? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent("\(bundle).resources/\(folder)"),
            executable.appendingPathComponent("../share/trillium/\(bundle).resources/\(folder)"),
            sourceFolder,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }?.standardizedFileURL
    }
}
