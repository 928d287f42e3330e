import TrilliumModel

/// A piece of a document's text and how much a match in it counts.
///
/// Suggested weights: name 10, summary 4, description or body 1. A field whose weight is
/// zero or less is not indexed.
public struct SearchField: Sendable, Equatable {
    public var text: String
    public var weight: Int

    public init(text: String, weight: Int) {
        self.text = text
        self.weight = weight
    }
}
