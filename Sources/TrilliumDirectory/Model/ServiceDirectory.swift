import TrilliumModel
import TrilliumSource

/// Every help service of the site with the taxonomy they refer to.
public struct ServiceDirectory: Sendable {
    public let taxonomy: Taxonomy
    /// Sorted by id.
    public let services: [Service]
    /// Which services each list of the directory holds (by position in `services`).
    public let listing: ServiceListing

    public init(taxonomy: Taxonomy, services: [Service]) {
        self.taxonomy = taxonomy
        self.services = services.sorted { $0.id < $1.id }
        self.listing = ServiceListing(taxonomy: taxonomy, services: self.services)
    }

    /// Ids no service may take: the directory's lists live beside its services' pages
    /// (`/en/services/all/`, `/fr/services/tous/`, `/en/services/region/…`), in both languages.
    public static let reservedIDs: Set<String> = ["all", "tous", "region", "category", "categorie", "audience", "public", "page"]

    /// The service with `id`, if any.
    public func service(id: String) -> Service? {
        services.first { $0.id == id }
    }

    /// Services that list `id` in `facet`, in id order.
    public func services(with id: String, in facet: Taxonomy.Facet) -> [Service] {
        services.filter { $0.terms(facet).contains(id) }
    }
}
