import TrilliumModel

/// A piece of a document's text and how much a match in it counts.
///
/// The site search ranks title > headings > description > body with the weights below; a term
/// counts at most `SearchIndexBuilder.occurrenceCap` times per field, so a body that repeats a
/// word never outweighs a title. A field whose weight is zero or less is not indexed.
public struct SearchField: Sendable, Equatable {
    public var text: String
    public var weight: Int
    /// A name (a page's title, a service's name): also indexed with its words joined, so
    /// "kidshelpphone" finds "Kids Help Phone" (see `SearchText.joinedTerms`).
    public var isName: Bool

    public init(text: String, weight: Int, isName: Bool = false) {
        self.text = text
        self.weight = weight
        self.isName = isName
    }

    public static let titleWeight = 20
    public static let headingsWeight = 6
    public static let descriptionWeight = 4
    public static let tagsWeight = 2
    public static let bodyWeight = 1

    /// A page's title or a service's name.
    public static func title(_ text: String) -> SearchField { SearchField(text: text, weight: titleWeight, isName: true) }
    /// A page's headings, or a service's organization.
    public static func headings(_ text: String) -> SearchField { SearchField(text: text, weight: headingsWeight) }
    /// A page's description, or a service's summary.
    public static func description(_ text: String) -> SearchField { SearchField(text: text, weight: descriptionWeight) }
    /// A service's phone numbers, as written and as digits: a number someone types is as
    /// telling as a heading, and outranks the pages that only mention it.
    public static func phones(_ text: String) -> SearchField { SearchField(text: text, weight: headingsWeight) }
    /// A service's categories, regions, audiences and languages, in words.
    public static func tags(_ text: String) -> SearchField { SearchField(text: text, weight: tagsWeight) }
    /// A page's text, or a service's description and phone numbers.
    public static func body(_ text: String) -> SearchField { SearchField(text: text, weight: bodyWeight) }
}
