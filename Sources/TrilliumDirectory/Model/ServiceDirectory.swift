import TrilliumModel
import TrilliumSource

/// Every help service of the site with the taxonomy they refer to.
public struct ServiceDirectory: Sendable {
    public let taxonomy: Taxonomy
    /// Sorted by id.
    public let services: ServiceList
    /// Which services each list of the directory holds (by position in `services`).
    public let listing: ServiceListing
    /// The day the most recently checked service was checked (the lists' "date modified").
    public let latestVerification: Day?

    public init(taxonomy: Taxonomy, services: [Service]) {
        self.taxonomy = taxonomy
        self.services = ServiceList(services.sorted { $0.id < $1.id })
        self.listing = ServiceListing(taxonomy: taxonomy, services: self.services)
        latestVerification = services.map(\.lastVerified).max()
    }

    /// A directory of `sortedServices` (sorted by id), with their `listing` and latest check
    /// when they are known.
    init(taxonomy: Taxonomy, sortedServices: ServiceList, listing: ServiceListing?, latestVerification: Day??) {
        self.taxonomy = taxonomy
        self.services = sortedServices
        self.listing = listing ?? ServiceListing(taxonomy: taxonomy, services: sortedServices)
        self.latestVerification = latestVerification ?? sortedServices.indices.map { sortedServices[$0].lastVerified }.max()
    }

    /// The position of the service with `id` in `services` (sorted by id), if there is one.
    public static func position(of id: String, in services: ServiceList) -> Int? {
        var low = 0, high = services.count
        while low < high {
            let middle = (low + high) / 2
            if services.id(at: middle) < id { low = middle + 1 } else { high = middle }
        }
        return low < services.count && services[low].id == id ? low : nil
    }

    /// Ids no service may take: the directory's lists live beside its services' pages
    /// (`/en/services/all/`, `/fr/services/tous/`, `/en/services/region/…`), in both languages.
    public static let reservedIDs: Set<String> = ["all", "tous", "region", "category", "categorie", "audience", "public", "page"]

    /// The service with `id`, if any.
    public func service(id: String) -> Service? {
        position(of: id).map { services[$0] }
    }

    /// The position of the service with `id` in `services`, if there is one.
    public func position(of id: String) -> Int? {
        Self.position(of: id, in: services)
    }

    /// Services that list `id` in `facet`, in id order.
    public func services(with id: String, in facet: Taxonomy.Facet) -> [Service] {
        services.filter { $0.terms(facet).contains(id) }
    }
}
