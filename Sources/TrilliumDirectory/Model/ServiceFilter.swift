import TrilliumModel

/// A choice of services by taxonomy terms: a region, a category, both, an audience, or none.
///
/// The directory's lists are split along these filters, the same way everywhere: the browse pages
/// without JavaScript, the embeddable page and the partner data (`ServiceListing.filters`). A
/// service of the everywhere region is listed under every region.
public struct ServiceFilter: Sendable, Hashable, CustomStringConvertible {
    public var region: String?
    public var category: String?
    public var audience: String?

    public init(region: String? = nil, category: String? = nil, audience: String? = nil) {
        self.region = region
        self.category = category
        self.audience = audience
    }

    /// Every service.
    public static let all = ServiceFilter()

    public var isAll: Bool { region == nil && category == nil && audience == nil }

    /// The filter's terms, in the order they appear in its URLs: region, category, audience.
    public var terms: [(facet: Taxonomy.Facet, id: String)] {
        var terms: [(facet: Taxonomy.Facet, id: String)] = []
        if let region { terms.append((.regions, region)) }
        if let category { terms.append((.categories, category)) }
        if let audience { terms.append((.audiences, audience)) }
        return terms
    }

    /// `region=toronto&category=crisis-line`, or `all`: for messages and test names.
    public var description: String {
        isAll ? "all" : terms.map { "\($0.facet.singular)=\($0.id)" }.joined(separator: "&")
    }
}
