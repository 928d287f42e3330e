import Foundation

/// Where the theme shipped with Trillium is: a resource bundle beside the executable
/// (`Trillium_TrilliumDefaultTheme.resources/DefaultTheme`), an installed copy, or, in a
/// source checkout, this folder.
///
/// SwiftPM's generated `Bundle.module` stops the program when the bundle is missing; looking for
/// it here lets a missing theme be an ordinary error instead.
public enum DefaultThemeLocation {
    public static func directory() -> URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("Trillium_TrilliumDefaultTheme.resources/DefaultTheme"))
        candidates.append(folder.appendingPathComponent("../share/trillium/themes/default"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DefaultTheme"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }?.standardizedFileURL
    }
}
