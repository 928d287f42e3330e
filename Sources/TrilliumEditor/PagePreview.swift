import Foundation
import TrilliumCheck
import TrilliumModel

/// What the editor shows beside one language of a page as it is typed: the rendered page, and
/// the problems `trillium check` finds in it with their lines, and its reading level.
struct PagePreview: Sendable {
    var path: ContentPath
    /// The rendered page; nil when it cannot be rendered (front matter errors, no twin yet).
    var html: Data?
    var diagnostics: [Diagnostic]
    var readability: ReadabilityScore?
}
