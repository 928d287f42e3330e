import TrilliumModel
import TrilliumRender
import TrilliumPipeline

/// Why the preview could not start.
public struct PreviewServerError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
