/// Unsaved text of one file, kept by the preview (never in the browser) until saved or discarded.
struct Draft: Sendable, Equatable {
    var path: ContentPath
    /// The fingerprint of the file on disk when the text was opened; saving compares it with the disk.
    var base: String
    var text: String
}
