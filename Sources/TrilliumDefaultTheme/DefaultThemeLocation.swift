import Foundation
import TrilliumSource

/// Where the theme shipped with Trillium is: the `Trillium_TrilliumDefaultTheme` resource bundle
/// beside the executable, an installed copy, or, in a source checkout, this folder.
public enum DefaultThemeLocation {
    public static func directory() -> URL? {
        BundledResources.directory(bundle: "Trillium_TrilliumDefaultTheme", folder: "DefaultTheme",
                                   sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DefaultTheme"),
                                   marker: "templates")
    }
}
