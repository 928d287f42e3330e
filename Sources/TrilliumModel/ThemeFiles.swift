import Foundation

/// A theme as read from disk: template texts, UI strings in both languages and assets with
/// hashed names. The render stage compiles the templates; nothing here renders.
public struct ThemeFiles: Sendable {
    /// One Mustache template: its name (`page`), the path shown in diagnostics and its text.
    public struct Template: Sendable {
        public var name: String
        public var displayPath: String
        public var text: String

        public init(name: String, displayPath: String, text: String) {
            self.name = name
            self.displayPath = displayPath
            self.text = text
        }
    }

    public struct Asset: Sendable {
        /// Name templates use, the file name: `site.css`.
        public var name: String
        /// Output path below the site root, with a content hash: `assets/site.3f2a1b9c.css`.
        public var outputPath: String
        public var data: Data
        /// Also written at this stable path (no hash), for files partners link to (`embed.js`).
        public var stablePath: String?

        public init(name: String, outputPath: String, data: Data, stablePath: String?) {
            self.name = name
            self.outputPath = outputPath
            self.data = data
            self.stablePath = stablePath
        }
    }

    public var name: String
    /// Where the theme was read from, as shown in diagnostics (`Themes/default`).
    public var origin: String
    public var templates: [Template]
    public var strings: Localized<[String: String]>
    /// Where each UI string is defined, for diagnostics.
    public var stringLocations: Localized<[String: SourceLocation]>
    public var assets: [Asset]

    public init(name: String, origin: String, templates: [Template], strings: Localized<[String: String]>,
                stringLocations: Localized<[String: SourceLocation]>, assets: [Asset]) {
        self.name = name
        self.origin = origin
        self.templates = templates
        self.strings = strings
        self.stringLocations = stringLocations
        self.assets = assets
    }
}
