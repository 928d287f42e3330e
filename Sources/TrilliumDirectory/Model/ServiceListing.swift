import TrilliumModel

/// Which services each of the directory's lists holds, computed once per directory.
///
/// The lists are split along `filters`: every service; each region, category and audience; and
/// each region with each category (so a person narrows 60,000 services to a short list in two
/// clicks). A list holds positions in `ServiceDirectory.services` (id order), so a page of a list
/// is a slice of it and every list keeps the same order.
public struct ServiceListing: Sendable {
    /// Services per page of a list on the site and in the embeddable page.
    public static let pageSize = 25

    private var taxonomy: Taxonomy
    private var everything: [Int32]
    /// By term index in the taxonomy's order.
    private var byRegion: [[Int32]]
    private var byCategory: [[Int32]]
    private var byAudience: [[Int32]]
    /// By `region * categories + category`.
    private var byRegionAndCategory: [[Int32]]
    private let regionIndex: [String: Int]
    private let categoryIndex: [String: Int]
    private let audienceIndex: [String: Int]

    public init<Services: Collection>(taxonomy: Taxonomy, services: Services) where Services.Element == Service {
        self.taxonomy = taxonomy
        func index(_ terms: [Taxonomy.Term]) -> [String: Int] {
            Dictionary(terms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let regionIndex = index(taxonomy.regions), categoryIndex = index(taxonomy.categories), audienceIndex = index(taxonomy.audiences)
        self.regionIndex = regionIndex
        self.categoryIndex = categoryIndex
        self.audienceIndex = audienceIndex
        let regionCount = taxonomy.regions.count, categoryCount = taxonomy.categories.count
        var regions = Array(repeating: [Int32](), count: regionCount)
        var categories = Array(repeating: [Int32](), count: categoryCount)
        var audiences = Array(repeating: [Int32](), count: taxonomy.audiences.count)
        var pairs = Array(repeating: [Int32](), count: regionCount * categoryCount)
        var everything: [Int32] = []
        everything.reserveCapacity(services.count)
        for (position, service) in services.enumerated() {
            let member = Int32(position)
            everything.append(member)
            let (listedRegions, serviceCategories, serviceAudiences) = Self.terms(of: service, taxonomy, regionIndex, categoryIndex, audienceIndex)
            for region in listedRegions { regions[region].append(member) }
            for category in serviceCategories { categories[category].append(member) }
            for audience in serviceAudiences { audiences[audience].append(member) }
            for region in listedRegions {
                for category in serviceCategories { pairs[region * categoryCount + category].append(member) }
            }
        }
        self.everything = everything
        byRegion = regions
        byCategory = categories
        byAudience = audiences
        byRegionAndCategory = pairs
    }

    /// The lists `service` is in: indices of its listed regions, categories and audiences.
    private static func terms(of service: Service, _ taxonomy: Taxonomy, _ regionIndex: [String: Int], _ categoryIndex: [String: Int],
                              _ audienceIndex: [String: Int]) -> (regions: [Int], categories: [Int], audiences: [Int]) {
        (unique(taxonomy.listedRegions(of: service).compactMap { regionIndex[$0] }), unique(service.categories.compactMap { categoryIndex[$0] }),
         unique(service.audiences.compactMap { audienceIndex[$0] }))
    }

    /// The lists of `service`, as lists of members to change: everything, its regions, categories,
    /// audiences and region-with-category pairs.
    private mutating func changeLists(of service: Service, _ change: (inout [Int32]) -> Void) {
        let (regions, categories, audiences) = Self.terms(of: service, taxonomy, regionIndex, categoryIndex, audienceIndex)
        change(&everything)
        for region in regions { change(&byRegion[region]) }
        for category in categories { change(&byCategory[category]) }
        for audience in audiences { change(&byAudience[audience]) }
        for region in regions {
            for category in categories { change(&byRegionAndCategory[region * taxonomy.categories.count + category]) }
        }
    }

    /// Every list, shifted: each member at or after `position` moves by `step`.
    private mutating func shift(from position: Int32, by step: Int32) {
        func move(_ list: inout [Int32]) {
            // Members are in order: only the tail moves.
            var index = list.partitionPoint { $0 < position }
            while index < list.count {
                list[index] += step
                index += 1
            }
        }
        move(&everything)
        for index in byRegion.indices { move(&byRegion[index]) }
        for index in byCategory.indices { move(&byCategory[index]) }
        for index in byAudience.indices { move(&byAudience[index]) }
        for index in byRegionAndCategory.indices { move(&byRegionAndCategory[index]) }
    }

    /// The listing once `service` is put at `position` of the directory (the services from there
    /// on move down one): what `init` gives for the services with it.
    public mutating func insert(_ service: Service, at position: Int) {
        let member = Int32(position)
        shift(from: member, by: 1)
        changeLists(of: service) { list in list.insert(member, at: list.partitionPoint { $0 < member }) }
    }

    /// The listing once `service`, at `position` of the directory, is taken out (the services
    /// after it move up one): what `init` gives for the services without it.
    public mutating func remove(_ service: Service, at position: Int) {
        let member = Int32(position)
        changeLists(of: service) { list in
            let index = list.partitionPoint { $0 < member }
            if index < list.count, list[index] == member { list.remove(at: index) }
        }
        shift(from: member + 1, by: -1)
    }

    /// This listing for `taxonomy`, which has the same terms and the same region for everywhere
    /// (new labels or descriptions): the lists are the same. Nil when they may not be.
    public func relabeled(_ taxonomy: Taxonomy) -> ServiceListing? {
        guard taxonomy.everywhereRegion == self.taxonomy.everywhereRegion,
              Taxonomy.Facet.allCases.allSatisfy({ taxonomy.terms($0).map(\.id) == self.taxonomy.terms($0).map(\.id) }) else { return nil }
        var listing = self
        listing.taxonomy = taxonomy
        return listing
    }

    private static func unique(_ indices: [Int]) -> [Int] {
        var seen = Set<Int>()
        return indices.filter { seen.insert($0).inserted }
    }

    /// Every list, in a stable order: all services, each category, each region, each audience,
    /// then each region with each category. Each exists even when it holds no service, so its
    /// addresses stay valid while the directory changes.
    public var filters: [ServiceFilter] {
        var filters: [ServiceFilter] = [.all]
        filters += taxonomy.categories.map { ServiceFilter(category: $0.id) }
        filters += taxonomy.regions.map { ServiceFilter(region: $0.id) }
        filters += taxonomy.audiences.map { ServiceFilter(audience: $0.id) }
        for region in taxonomy.regions {
            filters += taxonomy.categories.map { ServiceFilter(region: region.id, category: $0.id) }
        }
        return filters
    }

    /// Whether `filter` is one of the lists (`filters`).
    public func contains(_ filter: ServiceFilter) -> Bool { members(filter) != nil }

    /// Positions of the services `filter` lists, in id order; empty for a filter that is not a list.
    public func positions(_ filter: ServiceFilter) -> [Int32] { members(filter) ?? [] }

    public func count(_ filter: ServiceFilter) -> Int { members(filter)?.count ?? 0 }

    /// Pages the list of `filter` takes with `pageSize` services a page: at least one.
    public func pageCount(_ filter: ServiceFilter, pageSize: Int = pageSize) -> Int {
        max(1, (count(filter) + pageSize - 1) / max(1, pageSize))
    }

    /// Positions on page `page` (from 1) of the list of `filter`.
    public func positions(_ filter: ServiceFilter, page: Int, pageSize: Int = pageSize) -> ArraySlice<Int32> {
        let all = positions(filter)
        let start = min(all.count, max(0, (page - 1) * pageSize))
        return all[start..<min(all.count, start + pageSize)]
    }

    /// Where the service at `position` stands in the list of `filter` (its index in it), if it is there.
    public func index(of position: Int32, in filter: ServiceFilter) -> Int? {
        guard let list = members(filter) else { return nil }
        // Members are in directory order.
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == position ? low : nil
    }

    private func members(_ filter: ServiceFilter) -> [Int32]? {
        switch (filter.region, filter.category, filter.audience) {
        case (nil, nil, nil): everything
        case (let region?, nil, nil): regionIndex[region].map { byRegion[$0] }
        case (nil, let category?, nil): categoryIndex[category].map { byCategory[$0] }
        case (nil, nil, let audience?): audienceIndex[audience].map { byAudience[$0] }
        case (let region?, let category?, nil):
            regionIndex[region].flatMap { region in
                categoryIndex[category].map { byRegionAndCategory[region * taxonomy.categories.count + $0] }
            }
        default: nil
        }
    }
}
