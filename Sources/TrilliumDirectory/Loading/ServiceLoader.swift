import Foundation
import TrilliumModel
import TrilliumSource

/// Reads and validates the help directory: `Content/services/taxonomy.yaml` and one `<id>.yaml` per service.
///
/// Parsing takes text so tests can feed it directly; `load(from:diagnostics:)` adds the disk and the
/// checks that need every file at once (duplicate ids, unused taxonomy terms). Every problem is reported
/// with its file, line and column, and all problems of a run are collected.
public struct ServiceLoader: Sendable {
    /// Folder of the directory's data, relative to the site.
    public static let folder = "Content/services"
    /// The taxonomy file, relative to the site.
    public static let taxonomyPath = "Content/services/taxonomy.yaml"
    /// Keys a service file may use.
    public static let serviceKeys = [
        "id", "name", "summary", "description", "organization", "phones", "website", "chat", "email", "hours",
        "regions", "categories", "audiences", "languages", "indigenous_led", "cost", "confidential",
        "last_verified", "source",
    ]
    /// A service whose facts are older than this many days gets a warning.
    public static let verificationMaxAgeDays = 365
    /// Longest summary, in characters, before a warning: summaries appear on cards and in partners' widgets.
    public static let summaryMaxLength = 160

    /// The build's date, for `last_verified` checks; passed in so builds and tests are reproducible.
    public let today: Day

    public init(today: Day) {
        self.today = today
    }

    // MARK: - Taxonomy

    /// Parses `taxonomy.yaml`. Returns nil when it has errors.
    public func parseTaxonomy(_ text: String, file: String) -> (Taxonomy?, [Diagnostic]) {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(FrontMatterSplitter.normalize(text)), let map = reader.map(root, "taxonomy.yaml") else {
            return (nil, reader.diagnostics.items)
        }
        map.rejectUnknownKeys(Taxonomy.Facet.allCases.map(\.rawValue), in: "taxonomy.yaml")
        var lists: [Taxonomy.Facet: [Taxonomy.Term]] = [:]
        var locations: [Taxonomy.Facet: [String: SourceLocation]] = [:]
        var everywhere: (id: String, location: SourceLocation)?
        var featured: (id: String, location: SourceLocation)?
        for facet in Taxonomy.Facet.allCases {
            let what = "a \(facet.singular) in taxonomy.yaml"
            let items = map.mapList(facet.rawValue, required: true, in: "taxonomy.yaml")
            if let node = map.value(facet.rawValue), items.isEmpty {
                reader.error(node, "`\(facet.rawValue)` lists no terms", hint: "Add at least one `- id: …` with a `label: { en: …, fr: … }`.")
            }
            var terms: [Taxonomy.Term] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                let allowed = switch facet {
                case .regions: ["id", "label", "covers", "everywhere"]
                case .categories: ["id", "label", "featured"]
                default: ["id", "label"]
                }
                item.rejectUnknownKeys(allowed, in: what)
                let id = item.string("id", required: true, in: what)
                let label = item.localized("label", in: what)
                let covers = facet == .regions ? item.localized("covers", required: false, in: what) : nil
                guard let id, let idNode = item.value("id") else { continue }
                let location = reader.location(of: idNode)
                if !Slug.isValid(id) {
                    reader.error(idNode, "\(facet.singular) id `\(id)` is not URL-safe",
                                 hint: "Use only lowercase letters a–z, digits and single hyphens, e.g. `crisis-line`.")
                }
                if let first = seen[id] {
                    reader.error(idNode, "\(facet.singular) `\(id)` is defined twice in `\(facet.rawValue)`",
                                 hint: "It is first defined on line \(first.line). Remove one of them.")
                    continue
                }
                seen[id] = location
                if facet == .regions, item.bool("everywhere", in: what) == true {
                    if let first = everywhere {
                        reader.error(item.value("everywhere"), "only one region can stand for everywhere; `\(first.id)` already does",
                                     hint: "It is set on line \(first.location.line). Remove `everywhere: true` from one of them.")
                    } else {
                        everywhere = (id, location)
                    }
                }
                if facet == .categories, item.bool("featured", in: what) == true {
                    if let first = featured {
                        reader.error(item.value("featured"), "only one category can be featured; `\(first.id)` already is",
                                     hint: "It is set on line \(first.location.line). Remove `featured: true` from one of them.")
                    } else {
                        featured = (id, location)
                    }
                }
                if let label { terms.append(Taxonomy.Term(id: id, label: label, covers: covers)) }
            }
            lists[facet] = terms
            locations[facet] = seen
        }
        guard !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics.items) }
        let taxonomy = Taxonomy(categories: lists[.categories] ?? [], regions: lists[.regions] ?? [],
                                audiences: lists[.audiences] ?? [], languages: lists[.languages] ?? [],
                                termLocations: locations, everywhereRegion: everywhere?.id, featuredCategory: featured?.id)
        return (taxonomy, reader.diagnostics.items)
    }

    // MARK: - One service

    /// Parses one service file's text (pure, for tests). Returns nil for the service when the file has errors.
    ///
    /// With a taxonomy, every category, region, audience and language id must be one of its terms;
    /// without one (nil), those ids are only checked for form.
    public func parseService(_ text: String, file: String, taxonomy: Taxonomy?) -> (Service?, [Diagnostic]) {
        let parsed = parseServiceFile(text, file: file, taxonomy: taxonomy)
        return (parsed.service, parsed.diagnostics)
    }

    /// What one service file gave, including the parts cross-file checks need when the file has errors.
    package struct ParsedServiceFile: Sendable {
        var service: Service?
        var id: String?
        var idLocation: SourceLocation?
        var organization: ServiceOrganization?
        var organizationLocation: SourceLocation?
        /// Term ids the file lists per facet, valid or not, so unused-term warnings are not caused by a typo elsewhere.
        var listedTerms: [Taxonomy.Facet: [String]] = [:]
        var diagnostics: [Diagnostic]
    }

    package func parseServiceFile(_ text: String, file: String, taxonomy: Taxonomy?) -> ParsedServiceFile {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(FrontMatterSplitter.normalize(text)), let map = reader.map(root, "A service file") else {
            return ParsedServiceFile(diagnostics: reader.diagnostics.items)
        }
        let what = "the service"
        map.rejectUnknownKeys(Self.serviceKeys, in: "a service file")

        let id = parseID(map, file: file, reader: reader)
        let name = map.localized("name", in: what)
        let summary = map.localized("summary", in: what)
        if let summary {
            for language in Language.allCases where summary[language].count > Self.summaryMaxLength {
                reader.warning(map.map("summary", in: what)?.value(language.rawValue) ?? map.value("summary"),
                               "the \(language == .en ? "English" : "French") summary is \(summary[language].count) characters long",
                               hint: "Keep it to one sentence under \(Self.summaryMaxLength) characters; details go in `description`.")
            }
        }
        let description = map.localized("description", in: what)
        let descriptionLines = description == nil ? nil : textStartLines(map.value("description"), reader: reader)
        let organization = parseOrganization(map, reader: reader)
        let phoneCount = Self.sequenceCount(map.value("phones"))
        let phones = parsePhones(map, reader: reader)
        let website = parseWebAddress(map, key: "website", required: false, reader: reader)
        let chat = parseWebAddress(map, key: "chat", required: false, reader: reader)
        let email = parseEmail(map, reader: reader)
        let hours = parseHours(map, reader: reader)

        var listedTerms: [Taxonomy.Facet: [String]] = [:]
        var facetIDs: [Taxonomy.Facet: [String]] = [:]
        for facet in Taxonomy.Facet.allCases {
            let (ids, listed) = parseTermList(map, facet: facet, taxonomy: taxonomy, reader: reader)
            listedTerms[facet] = listed
            facetIDs[facet] = ids
        }

        // Yes/no facts and cost are written only when the source states them: absent means "not stated".
        let indigenousLed = map.bool("indigenous_led", in: "the service")
        let cost = parseCost(map, reader: reader)
        let confidential = map.bool("confidential", in: "the service")
        let lastVerified = parseLastVerified(map, reader: reader)
        let source = parseSource(map, reader: reader)

        // A directory entry nobody can reach is of no use to a person looking for help.
        if phoneCount == 0 && map.value("website") == nil && map.value("email") == nil && map.value("chat") == nil {
            reader.diagnostics.error(reader.location(of: map.node), "the service gives no way to contact it",
                                     hint: "Add at least one of `phones`, `website` or `email`.")
        }

        var result = ParsedServiceFile(diagnostics: [])
        result.id = id
        result.idLocation = map.value("id").map { reader.location(of: $0) }
        result.organization = organization
        result.organizationLocation = map.value("organization").map { reader.location(of: $0) }
        result.listedTerms = listedTerms
        result.diagnostics = reader.diagnostics.items
        guard !reader.diagnostics.hasErrors, let id, let name, let summary, let description, let descriptionLines,
              let organization, let hours, let lastVerified, let source
        else { return result }
        result.service = Service(
            id: id, name: name, summary: summary, description: description, organization: organization, phones: phones,
            website: website, chat: chat, email: email, hours: hours,
            regions: facetIDs[.regions] ?? [], categories: facetIDs[.categories] ?? [],
            audiences: facetIDs[.audiences] ?? [], languages: facetIDs[.languages] ?? [],
            indigenousLed: indigenousLed, cost: cost, confidential: confidential, lastVerified: lastVerified,
            source: source, sourcePath: file, descriptionLines: descriptionLines)
        return result
    }

    private func parseID(_ map: YAMLMap, file: String, reader: YAMLReader) -> String? {
        guard let id = map.string("id", required: true, in: "the service"), let node = map.value("id") else { return nil }
        let expected = ServiceFieldCheck.expectedID(forFile: file)
        if !Slug.isValid(id) {
            reader.error(node, "service id `\(id)` is not URL-safe",
                         hint: "Use only lowercase letters a–z, digits and single hyphens, e.g. `kids-help-phone`; the file name must match.")
        } else if id != expected {
            reader.error(node, "service id `\(id)` does not match the file name `\(expected).yaml`",
                         hint: "The id is the file name without `.yaml`: rename the file to `\(id).yaml` or write `id: \(expected)`.")
        } else if ServiceDirectory.reservedIDs.contains(id) {
            reader.error(node, "service id `\(id)` is the name of a list of the directory (/en/services/\(id)/)",
                         hint: "Choose another id, e.g. `\(id)-service`, and rename the file to match.")
        }
        return id
    }

    /// File line where each language's text of a `{ en: …, fr: … }` mapping starts.
    ///
    /// A block scalar (`en: |`) starts on the line after its indicator; other scalars on their own line.
    private func textStartLines(_ node: YAMLNode?, reader: YAMLReader) -> Localized<Int>? {
        guard let node, node.isMapping else { return nil }
        var lines: [Language: Int] = [:]
        for language in Language.allCases {
            guard let value = node[language.rawValue] else { return nil }
            var line = reader.location(of: value).line
            if value.style == .literal || value.style == .folded { line += 1 }
            lines[language] = line
        }
        return Localized(lines)
    }

    private func parseOrganization(_ map: YAMLMap, reader: YAMLReader) -> ServiceOrganization? {
        let what = "`organization`"
        guard let organization = map.map("organization", required: true, in: "the service") else { return nil }
        organization.rejectUnknownKeys(["id", "name", "description"], in: what)
        let id = organization.string("id", required: true, in: what)
        if let id, let node = organization.value("id"), !Slug.isValid(id) {
            reader.error(node, "organization id `\(id)` is not URL-safe",
                         hint: "Use only lowercase letters a–z, digits and single hyphens, e.g. `community-legal-clinic`.")
        }
        let name = organization.localized("name", in: what)
        let description = organization.localized("description", in: what)
        guard let id, let name, let description else { return nil }
        return ServiceOrganization(id: id, name: name, description: description)
    }

    private func parsePhones(_ map: YAMLMap, reader: YAMLReader) -> [ServicePhone] {
        let what = "a phone"
        return map.mapList("phones", in: "the service").compactMap { item in
            item.rejectUnknownKeys(["number", "kind", "label"], in: what)
            var number: PhoneNumber?
            let isText = item.string("kind", in: what) == ServicePhone.Kind.text.rawValue
            if let text = item.string("number", required: true, in: what) {
                number = PhoneNumber(text, allowSMSShortCode: isText)
                if number == nil {
                    reader.error(item.value("number"), "`\(text)` is not a phone number that can be dialled in North America",
                                 hint: "Write a North American number such as 1-800-555-0199, or a short code such as 211, 911 or 988 (in quotes).")
                }
            }
            var kind: ServicePhone.Kind?
            if let text = item.string("kind", required: true, in: what) {
                kind = ServicePhone.Kind(rawValue: text)
                if kind == nil {
                    reader.error(item.value("kind"), "phone kind `\(text)` is not known",
                                 hint: "Use one of: \(ServicePhone.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
            }
            let label = item.localized("label", in: what)
            guard let number, let kind, let label else { return nil }
            return ServicePhone(number: number, kind: kind, label: label)
        }
    }

    private func parseWebAddress(_ map: YAMLMap, key: String, required: Bool, reader: YAMLReader) -> String? {
        guard let text = map.string(key, required: required, in: "the service"), let node = map.value(key) else { return nil }
        if URLCheck.isHTTPS(text) { return text }
        if URLCheck.isAbsoluteWebURL(text) {
            reader.error(node, "`\(key)` must use https: `\(text)`",
                         hint: "Write the address starting with `https://`; the site links only to secure pages.")
        } else {
            reader.error(node, "`\(key)` is not a valid web address: `\(text)`",
                         hint: "Write a full address such as `https://www.example.org/`, without spaces.")
        }
        return nil
    }

    private func parseEmail(_ map: YAMLMap, reader: YAMLReader) -> String? {
        guard let text = map.string("email", in: "the service"), let node = map.value("email") else { return nil }
        guard ServiceFieldCheck.isEmailAddress(text) else {
            reader.error(node, "`\(text)` is not a valid email address",
                         hint: "Write it as name@example.org, without `mailto:` or spaces.")
            return nil
        }
        return text
    }

    private func parseHours(_ map: YAMLMap, reader: YAMLReader) -> ServiceHours? {
        let what = "`hours`"
        guard let hours = map.map("hours", required: true, in: "the service") else { return nil }
        hours.rejectUnknownKeys(["open_24_7", "weekly", "note"], in: what)
        let open24_7 = requiredBool(hours, "open_24_7", reader: reader)
        let weeklyCount = Self.sequenceCount(hours.value("weekly"))
        var weekly: [WeeklyHours] = []
        // Each day's opening intervals so far, to catch two lines that overlap on the same day.
        var intervals: [Weekday: [ClosedRange<Int>]] = [:]
        for item in hours.mapList("weekly", in: what) {
            guard let entry = parseWeeklyHours(item, reader: reader),
                  let opens = WeeklyHours.minutes(entry.opens), let closes = WeeklyHours.minutes(entry.closes) else { continue }
            let interval = opens...(closes - 1)
            for day in entry.days {
                if intervals[day, default: []].contains(where: { $0.overlaps(interval) }) {
                    reader.error(item.node, "the hours for `\(day.rawValue)` overlap with another line of `weekly`",
                                 hint: "Give each day its opening times once; split a day with a break into two lines that do not overlap.")
                }
                intervals[day, default: []].append(interval)
            }
            weekly.append(entry)
        }
        let note = hours.localized("note", required: false, in: what)
        if open24_7 == true, weeklyCount > 0 {
            reader.error(hours.value("weekly"), "a service open 24/7 cannot also list weekly hours",
                         hint: "Remove `weekly`, or set `open_24_7: false` if it is not always open.")
        }
        if open24_7 == false, weeklyCount == 0, hours.value("note") == nil {
            reader.error(hours.node, "the hours do not say when the service is open",
                         hint: "Add `weekly:` lines such as `- { days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"17:00\" }`, or a `note:` in both languages.")
        }
        guard let open24_7 else { return nil }
        return ServiceHours(open24_7: open24_7, weekly: weekly, note: note)
    }

    private func parseWeeklyHours(_ item: YAMLMap, reader: YAMLReader) -> WeeklyHours? {
        let what = "a line of `weekly`"
        item.rejectUnknownKeys(["days", "opens", "closes"], in: what)
        var days: [Weekday] = []
        var daysValid = true
        if let nodes = item.list("days", required: true, in: what) {
            if nodes.isEmpty {
                reader.error(item.value("days"), "`days` lists no days", hint: "List days such as `[mon, tue, wed]`.")
                daysValid = false
            }
            for node in nodes {
                guard let text = node.scalarText, let day = Weekday(rawValue: text) else {
                    reader.error(node, "`\(node.scalarText ?? "?")` is not a day of the week",
                                 hint: "Use \(Weekday.allCases.map(\.rawValue).joined(separator: ", ")).")
                    daysValid = false
                    continue
                }
                if days.contains(day) {
                    reader.error(node, "`\(day.rawValue)` is listed twice in `days`", hint: "List each day once.")
                    daysValid = false
                    continue
                }
                days.append(day)
            }
        } else {
            daysValid = false
        }
        let opens = time(item, "opens", allowEndOfDay: false, reader: reader)
        let closes = time(item, "closes", allowEndOfDay: true, reader: reader)
        if let opens, let closes, let start = WeeklyHours.minutes(opens), let end = WeeklyHours.minutes(closes), end <= start {
            reader.error(item.value("closes"), "closing time \(closes) is not after opening time \(opens)",
                         hint: "Hours that pass midnight are written as two lines: one until \"24:00\", one from \"00:00\" on the next days.")
            return nil
        }
        guard daysValid, let opens, let closes else { return nil }
        return WeeklyHours(days: days, opens: opens, closes: closes)
    }

    private func time(_ item: YAMLMap, _ key: String, allowEndOfDay: Bool, reader: YAMLReader) -> String? {
        guard let text = item.string(key, required: true, in: "a line of `weekly`") else { return nil }
        if let minutes = WeeklyHours.minutes(text), allowEndOfDay || minutes < 24 * 60 { return text }
        reader.error(item.value(key), "`\(key)` time `\(text)` is not written HH:MM on a 24-hour clock",
                     hint: "Write it in quotes with two digits for hours and minutes, e.g. \"09:00\" or \"17:30\"\(allowEndOfDay ? "; \"24:00\" is midnight at the end of the day" : "").")
        return nil
    }

    /// The ids of one facet (`regions: [north]`), checked against the taxonomy when there is one.
    /// Returns the valid ids and every id listed.
    private func parseTermList(_ map: YAMLMap, facet: Taxonomy.Facet, taxonomy: Taxonomy?,
                               reader: YAMLReader) -> (valid: [String], listed: [String]) {
        let key = facet.rawValue
        guard let nodes = map.list(key, required: true, in: "the service") else { return ([], []) }
        if nodes.isEmpty {
            reader.error(map.value(key), "`\(key)` lists no \(facet.singular)",
                         hint: "List at least one id from the taxonomy, e.g. `\(key): [\(taxonomy?.terms(facet).first?.id ?? "…")]`.")
        }
        var valid: [String] = []
        var listed: [String] = []
        for node in nodes {
            guard let id = node.scalarText else {
                reader.error(node, "items of `\(key)` must be ids")
                continue
            }
            listed.append(id)
            if valid.contains(id) {
                reader.error(node, "\(facet.singular) `\(id)` is listed twice", hint: "List each \(facet.singular) once.")
                continue
            }
            if let taxonomy, !taxonomy.contains(id, in: facet) {
                let allowed = taxonomy.terms(facet).map(\.id)
                let suggestion = allowed.min { editDistance($0, id) < editDistance($1, id) }.flatMap { editDistance($0, id) <= 3 ? $0 : nil }
                let hint = (suggestion.map { "Did you mean `\($0)`? " } ?? "")
                    + "Allowed \(key): \(allowed.joined(separator: ", ")). New ones go in taxonomy.yaml."
                reader.error(node, "\(facet.singular) `\(id)` is not in the taxonomy", hint: hint)
                continue
            }
            if taxonomy == nil, !Slug.isValid(id) {
                reader.error(node, "\(facet.singular) id `\(id)` is not URL-safe",
                             hint: "Use only lowercase letters a–z, digits and single hyphens.")
                continue
            }
            valid.append(id)
        }
        return (valid, listed)
    }

    /// Number of items when `node` is a list, else 0 (the typed accessors report the wrong type).
    private static func sequenceCount(_ node: YAMLNode?) -> Int {
        if let node, case .sequence(let sequence) = node.kind { return sequence.count }
        return 0
    }

    private func requiredBool(_ map: YAMLMap, _ key: String, reader: YAMLReader) -> Bool? {
        guard map.requireKey(key, in: key == "open_24_7" ? "`hours`" : "the service") != nil else { return nil }
        return map.bool(key, in: "the service")
    }

    /// `source:` — a URL, or `{ url, title, date }` where the date is the one the page gives for itself.
    private func parseSource(_ map: YAMLMap, reader: YAMLReader) -> Citation? {
        guard let node = map.requireKey("source", in: "the service") else { return nil }
        if node.isMapping, let source = map.map("source", in: "the service") {
            let what = "`source`"
            source.rejectUnknownKeys(["url", "title", "date"], in: what)
            let url = parseWebAddress(source, key: "url", required: true, reader: reader)
            let title = source.string("title", in: what)
            let date = source.date("date", in: what)
            if let date, date > today {
                reader.error(source.value("date"), "the source's date \(date) is in the future (today is \(today))",
                             hint: "Write the date the source page gives for itself, or leave `date` out.")
            }
            return url.map { Citation(title: title, url: $0, date: date, location: reader.location(of: node)) }
        }
        return parseWebAddress(map, key: "source", required: true, reader: reader).map { Citation(url: $0, location: reader.location(of: node)) }
    }

    private func parseCost(_ map: YAMLMap, reader: YAMLReader) -> ServiceCost? {
        guard let text = map.string("cost", in: "the service") else { return nil }
        guard let cost = ServiceCost(rawValue: text) else {
            reader.error(map.value("cost"), "cost `\(text)` is not known",
                         hint: "Use one of: \(ServiceCost.allCases.map(\.rawValue).joined(separator: ", ")).")
            return nil
        }
        return cost
    }

    private func parseLastVerified(_ map: YAMLMap, reader: YAMLReader) -> Day? {
        guard let day = map.date("last_verified", required: true, in: "the service") else { return nil }
        let node = map.value("last_verified")
        if day > today {
            reader.error(node, "`last_verified` \(day) is in the future (today is \(today))",
                         hint: "Write the date the facts were actually checked against `source`.")
            return nil
        }
        let age = today.ordinal - day.ordinal
        if age > Self.verificationMaxAgeDays {
            reader.warning(node, "the facts were last verified on \(day), \(age) days ago: re-verify them",
                           hint: "Check the phone numbers, hours and website against `source` again, then update `last_verified`.")
        }
        return day
    }

    // MARK: - The whole folder

    /// Loads `Content/services/taxonomy.yaml` and every other `.yaml` file there.
    ///
    /// Returns nil when the site has no `Content/services` folder. Otherwise returns the services that
    /// parsed without errors; the errors themselves are in `diagnostics`, which stop the build.
    /// Files are read and parsed on `workers` threads (a directory at 211's scale has 60,000 of them).
    public func load(from fileSystem: SiteFileSystem, workers: Int = 1, diagnostics: inout DiagnosticList) -> ServiceDirectory? {
        ServiceFolder(reading: fileSystem, loader: self, workers: workers).directory(diagnostics: &diagnostics)
    }

    /// Checks that need every service: unique ids, consistent organizations, taxonomy terms in use.
    package func crossFileDiagnostics(_ files: [ParsedServiceFile], taxonomy: Taxonomy?) -> [Diagnostic] {
        var diagnostics = idAndOrganizationDiagnostics(files)
        if let taxonomy {
            let used = Self.termUses(files)
            diagnostics += unusedTermDiagnostics(taxonomy) { facet, id in used[facet]?[id] != nil }
        }
        return diagnostics
    }

    /// Checks across files of ids and organizations: each id once, each organization named one way.
    package func idAndOrganizationDiagnostics(_ files: [ParsedServiceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: SourceLocation] = [:]
        var organizations: [String: (ServiceOrganization, SourceLocation)] = [:]
        for file in files {
            if let id = file.id, let location = file.idLocation {
                if let first = firstByID[id] {
                    diagnostics.append(.error(location, "service id `\(id)` is also used by \(first.file)",
                                              hint: "Each service needs its own id. Merge the two files or rename one of them and its id."))
                } else {
                    firstByID[id] = location
                }
            }
            if let organization = file.organization, let location = file.organizationLocation {
                if let (first, firstLocation) = organizations[organization.id] {
                    if first.name != organization.name {
                        diagnostics.append(.warning(location, "organization `\(organization.id)` is named differently in \(firstLocation.file)",
                                                    hint: "Use the same name for one organization everywhere, or give the organizations different ids."))
                    }
                } else {
                    organizations[organization.id] = (organization, location)
                }
            }
        }
        return diagnostics
    }

    /// How many files list each term, per facet (valid terms or not).
    package static func termUses(_ files: [ParsedServiceFile]) -> [Taxonomy.Facet: [String: Int]] {
        var uses: [Taxonomy.Facet: [String: Int]] = [:]
        for file in files { count(file, by: 1, in: &uses) }
        return uses
    }

    /// Adds `step` to the uses of each term `file` lists (once per file), dropping terms no file uses.
    package static func count(_ file: ParsedServiceFile, by step: Int, in uses: inout [Taxonomy.Facet: [String: Int]]) {
        for (facet, terms) in file.listedTerms {
            for (index, term) in terms.enumerated() where !terms[..<index].contains(term) {
                let count = (uses[facet]?[term] ?? 0) + step
                uses[facet, default: [:]][term] = count > 0 ? count : nil
            }
        }
    }

    /// Warnings for the terms of `taxonomy` no service uses.
    package func unusedTermDiagnostics(_ taxonomy: Taxonomy, used: (Taxonomy.Facet, String) -> Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for facet in Taxonomy.Facet.allCases {
            for term in taxonomy.terms(facet) where !used(facet, term.id) {
                let location = taxonomy.termLocations[facet]?[term.id] ?? SourceLocation(file: Self.taxonomyPath)
                diagnostics.append(.warning(location, "\(facet.singular) `\(term.id)` is not used by any service",
                                            hint: "Add it to a service's `\(facet.rawValue)`, or remove it from taxonomy.yaml so visitors do not find an empty list."))
            }
        }
        return diagnostics
    }
}
