import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

/// One test per validation rule of a service file: each asserts the message and its file:line.
@Suite("Service files are validated")
struct ServiceLoaderTests {
    typealias F = ServiceFixtures

    /// The single error of `text`, checked to contain `message` and to sit on the line containing `lineFragment`.
    @discardableResult
    func expectError(_ text: String, _ message: String, onLineWith lineFragment: String, hint: String? = nil,
                     file: String = F.file, taxonomy: Taxonomy? = F.taxonomy,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let (service, diagnostics) = F.parse(text, file: file, taxonomy: taxonomy)
        #expect(service == nil, "a file with errors gives no service", sourceLocation: sourceLocation)
        guard let found = diagnostic(containing: message, in: diagnostics, sourceLocation: sourceLocation) else { return nil }
        #expect(found.severity == .error, sourceLocation: sourceLocation)
        #expect(found.location.file == file, sourceLocation: sourceLocation)
        #expect(found.location.line == F.line(of: lineFragment, in: text), "line of \(found)", sourceLocation: sourceLocation)
        if let hint { #expect(found.hint?.contains(hint) == true, "hint of \(found)", sourceLocation: sourceLocation) }
        return found
    }

    // MARK: - A valid file

    @Test func aValidServiceRoundTripsEveryField() throws {
        let (parsed, diagnostics) = F.parse(F.serviceYAML)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let service = try #require(parsed)
        #expect(service.id == "test-helpline")
        #expect(service.name == Localized(en: "Test Helpline", fr: "Ligne d'essai"))
        #expect(service.summary[.fr] == "Une ligne d'écoute utilisée par les tests.")
        #expect(service.description[.en] == "Call any time.\n\n- It is free.\n")
        #expect(service.organization == ServiceOrganization(id: "test-organization",
                                                             name: Localized(en: "Test Organization", fr: "Organisme d'essai"),
                                                             description: Localized(en: "An organization for tests.", fr: "Un organisme pour les tests.")))
        #expect(service.phones.map(\.number.description) == ["1-833-900-1010", "211"])
        #expect(service.phones.map(\.kind) == [.voice, .text])
        #expect(service.phones[0].label == Localized(en: "Call", fr: "Appeler"))
        #expect(service.website == "https://www.example.org/help/")
        #expect(service.email == "help@example.org")
        #expect(service.hours == ServiceHours(open24_7: false,
                                              weekly: [WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri], opens: "09:00", closes: "17:00"),
                                                       WeeklyHours(days: [.sat], opens: "10:00", closes: "24:00")],
                                              note: Localized(en: "Closed on holidays.", fr: "Fermé les jours fériés.")))
        #expect(service.regions == ["ontario", "north"])
        #expect(service.categories == ["crisis-line"])
        #expect(service.audiences == ["everyone"])
        #expect(service.languages == ["en", "fr", "interpretation"])
        #expect(service.indigenousLed == false)
        #expect(service.cost == .free)
        #expect(service.confidential == true)
        #expect(service.lastVerified == Day(year: 2026, month: 11, day: 1))
        #expect(service.source.url == "https://www.example.org/about/")
        #expect(service.source.title == nil && service.source.date == nil)
        #expect(service.source.location == SourceLocation(file: F.file, line: F.line(of: "source: https://www.example.org/about/", in: F.serviceYAML), column: 9))
        #expect(service.sourcePath == F.file)
    }

    @Test func descriptionLinesPointAtTheFirstLineOfEachLanguagesText() throws {
        let service = try #require(F.parse(F.serviceYAML).0)
        #expect(service.descriptionLines[.en] == F.line(of: "Call any time.", in: F.serviceYAML))
        #expect(service.descriptionLines[.fr] == F.line(of: "Appelez en tout temps.", in: F.serviceYAML))
        let inline = F.service(replacing: "en: |", with: "en: Call any time.")
            .replacingOccurrences(of: "    Call any time.\n\n    - It is free.\n", with: "")
        let inlineService = try #require(F.parse(inline).0)
        #expect(inlineService.descriptionLines[.en] == F.line(of: "en: Call any time.", in: inline))
    }

    @Test func aServiceOpen24_7WithoutWeeklyHoursIsValid() throws {
        let text = F.serviceYAML.replacingOccurrences(of: """
          open_24_7: false
          weekly:
            - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
            - { days: [sat], opens: "10:00", closes: "24:00" }
        """, with: "  open_24_7: true")
        let (service, diagnostics) = F.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(service?.hours.open24_7 == true)
        #expect(service?.hours.weekly.isEmpty == true)
    }

    @Test func withoutATaxonomyOnlyTheFormOfTermIdsIsChecked() {
        let text = F.service(replacing: "categories: [crisis-line]", with: "categories: [anything-goes]")
        let (service, diagnostics) = F.parse(text, taxonomy: nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(service?.categories == ["anything-goes"])
    }

    // MARK: - YAML and keys

    @Test func aYAMLSyntaxErrorIsReportedOnItsLine() {
        let text = F.service(replacing: "cost: free", with: "cost: [free")
        let (service, diagnostics) = F.parse(text)
        #expect(service == nil)
        let found = diagnostic(containing: "YAML syntax error", in: diagnostics)
        #expect(found?.location.file == F.file)
        // libyaml notices the unclosed bracket on the next line at the latest.
        let line = F.line(of: "cost: [free", in: text)
        #expect(found.map { (line...line + 1).contains($0.location.line) } == true, "\(String(describing: found))")
    }

    @Test func anUnknownKeySuggestsTheNearestKnownKey() {
        let text = F.service(replacing: "confidential: true", with: "confidental: true")
        let found = diagnostic(containing: "unknown key `confidental`", in: F.parse(text).1)
        #expect(found?.location.line == F.line(of: "confidental", in: text))
        #expect(found?.hint == "Did you mean `confidential`?")
    }

    @Test func anUnknownKeyInsideHoursIsAnError() {
        let text = F.service(replacing: "open_24_7: false", with: "open_247: false")
        let found = diagnostic(containing: "unknown key `open_247`", in: F.parse(text).1)
        #expect(found?.location.line == F.line(of: "open_247", in: text))
        #expect(found?.hint == "Did you mean `open_24_7`?")
    }

    @Test func aMissingRequiredKeyIsReportedAtTheServiceMapping() {
        // The service's mapping starts on the file's first line; a missing key belongs to it.
        let text = F.service(removing: "last_verified: 2026-11-01")
        let found = diagnostic(containing: "missing required key `last_verified`", in: F.parse(text).1)
        #expect(found?.location.line == F.line(of: "id: test-helpline", in: text))
    }

    // MARK: - Text in both languages

    @Test func aMissingFrenchNameIsAnError() {
        let text = F.service(removing: "fr: Ligne d'essai")
        // Reported where the `{ en: …, fr: … }` mapping starts, which is where the French line belongs.
        expectError(text, "`name` has no French text", onLineWith: "en: Test Helpline", hint: "both English and French")
    }

    @Test func anEmptyEnglishSummaryIsAnError() {
        let text = F.service(replacing: "en: A helpline used by the tests.", with: "en: \"\"")
        expectError(text, "`summary` has no English text", onLineWith: "en: \"\"")
    }

    @Test func aSummaryLongerThan160CharactersIsAWarning() throws {
        let long = String(repeating: "word ", count: 40)
        let text = F.service(replacing: "en: A helpline used by the tests.", with: "en: \(long)")
        let (service, diagnostics) = F.parse(text)
        #expect(service != nil)
        let found = diagnostic(containing: "English summary is", in: diagnostics)
        #expect(found?.severity == .warning)
        #expect(found?.location.line == F.line(of: long, in: text))
    }

    // MARK: - Ids

    @Test func anIdThatIsNotURLSafeIsAnError() {
        let text = F.service(replacing: "id: test-helpline", with: "id: Test_Helpline")
        expectError(text, "service id `Test_Helpline` is not URL-safe", onLineWith: "id: Test_Helpline", hint: "lowercase letters")
    }

    @Test func anIdThatDiffersFromTheFileNameIsAnError() {
        let text = F.service(replacing: "id: test-helpline", with: "id: other-helpline")
        expectError(text, "service id `other-helpline` does not match the file name `test-helpline.yaml`",
                    onLineWith: "id: other-helpline", hint: "rename the file to `other-helpline.yaml`")
    }

    @Test func anOrganizationIdThatIsNotURLSafeIsAnError() {
        let text = F.service(replacing: "id: test-organization", with: "id: Test Organization")
        expectError(text, "organization id `Test Organization` is not URL-safe", onLineWith: "id: Test Organization")
    }

    // MARK: - Taxonomy references

    @Test(arguments: [
        ("categories: [crisis-line]", "categories: [crisis-line, shelters]", "category `shelters` is not in the taxonomy", "crisis-line, legal"),
        ("regions: [ontario, north]", "regions: [ontario, nord]", "region `nord` is not in the taxonomy", "Did you mean `north`?"),
        ("audiences: [everyone]", "audiences: [women]", "audience `women` is not in the taxonomy", "Allowed audiences: everyone."),
        ("languages: [en, fr, interpretation]", "languages: [en, es]", "language `es` is not in the taxonomy", "en, fr, interpretation"),
    ])
    func aTermMissingFromTheTaxonomyIsAnErrorThatListsTheAllowedIds(old: String, new: String, message: String, hint: String) {
        let text = F.service(replacing: old, with: new)
        expectError(text, message, onLineWith: new, hint: hint)
    }

    @Test func aTermListedTwiceIsAnError() {
        let text = F.service(replacing: "regions: [ontario, north]", with: "regions: [north, north]")
        expectError(text, "region `north` is listed twice", onLineWith: "regions: [north, north]")
    }

    @Test func anEmptyTermListIsAnError() {
        let text = F.service(replacing: "audiences: [everyone]", with: "audiences: []")
        expectError(text, "`audiences` lists no audience", onLineWith: "audiences: []")
    }

    // MARK: - Contact

    @Test func aMalformedPhoneNumberIsAnError() {
        let text = F.service(replacing: "- number: 1-833-900-1010", with: "- number: 1-833-900-101")
        expectError(text, "`1-833-900-101` is not a phone number that can be dialled in North America",
                    onLineWith: "1-833-900-101", hint: "such as 1-800-555-0199")
    }

    @Test func anUnknownPhoneKindIsAnError() {
        let text = F.service(replacing: "kind: voice", with: "kind: fax")
        expectError(text, "phone kind `fax` is not known", onLineWith: "kind: fax", hint: "voice, text, tty")
    }

    @Test func aWebsiteWithoutHTTPSIsAnError() {
        let text = F.service(replacing: "website: https://www.example.org/help/", with: "website: http://www.example.org/help/")
        expectError(text, "`website` must use https", onLineWith: "website:", hint: "https://")
    }

    @Test func aMalformedWebsiteIsAnError() {
        let text = F.service(replacing: "website: https://www.example.org/help/", with: "website: www.example.org")
        expectError(text, "`website` is not a valid web address", onLineWith: "website:")
    }

    @Test func aSourceWithoutHTTPSIsAnError() {
        let text = F.service(replacing: "source: https://www.example.org/about/", with: "source: http://www.example.org/about/")
        expectError(text, "`source` must use https", onLineWith: "source:")
    }

    @Test(arguments: ["help@example", "help.example.org", "help @example.org", "mailto:help@example.org", "help@@example.org"])
    func aMalformedEmailIsAnError(address: String) {
        let text = F.service(replacing: "email: help@example.org", with: "email: \"\(address)\"")
        expectError(text, "`\(address)` is not a valid email address", onLineWith: "email:")
    }

    @Test func aServiceWithNoWayToContactItIsAnError() {
        let text = F.removingLines(F.phoneLines.union(["website: https://www.example.org/help/", "email: help@example.org"]),
                                   from: F.service(replacing: "phones:", with: "phones: []"))
        expectError(text, "the service gives no way to contact it", onLineWith: "id: test-helpline", hint: "`phones`, `website` or `email`")
    }

    @Test func aServiceWithOnlyAWebsiteIsValid() {
        let text = F.removingLines(F.phoneLines.union(["email: help@example.org"]),
                                   from: F.service(replacing: "phones:", with: "phones: []"))
        let (service, diagnostics) = F.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(service?.phones.isEmpty == true)
    }

    // MARK: - Hours

    @Test func anOpeningTimeNotWrittenHHMMIsAnError() {
        let old = "- { days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"17:00\" }"
        let text = F.service(replacing: old, with: "- { days: [mon, tue, wed, thu, fri], opens: \"9am\", closes: \"17:00\" }")
        expectError(text, "`opens` time `9am` is not written HH:MM", onLineWith: "9am", hint: "\"09:00\"")
    }

    @Test func aClosingTimeBeforeTheOpeningTimeIsAnError() {
        let old = "- { days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"17:00\" }"
        let text = F.service(replacing: old, with: "- { days: [mon, tue, wed, thu, fri], opens: \"17:00\", closes: \"09:00\" }")
        expectError(text, "closing time 09:00 is not after opening time 17:00", onLineWith: "opens: \"17:00\"", hint: "two lines")
    }

    @Test func anUnknownDayIsAnError() {
        let old = "- { days: [sat], opens: \"10:00\", closes: \"24:00\" }"
        let text = F.service(replacing: old, with: "- { days: [saturday], opens: \"10:00\", closes: \"24:00\" }")
        expectError(text, "`saturday` is not a day of the week", onLineWith: "saturday", hint: "mon, tue, wed, thu, fri, sat, sun")
    }

    @Test func overlappingHoursOnOneDayAreAnError() {
        let old = "- { days: [sat], opens: \"10:00\", closes: \"24:00\" }"
        let text = F.service(replacing: old, with: "- { days: [fri, sat], opens: \"16:00\", closes: \"20:00\" }")
        expectError(text, "the hours for `fri` overlap with another line of `weekly`", onLineWith: "days: [fri, sat]")
    }

    @Test func aServiceOpen24_7CannotAlsoListWeeklyHours() {
        let text = F.service(replacing: "open_24_7: false", with: "open_24_7: true")
        expectError(text, "a service open 24/7 cannot also list weekly hours", onLineWith: "- { days: [mon", hint: "Remove `weekly`")
    }

    @Test func hoursThatSayNothingAreAnError() {
        let text = F.removingLines(["weekly:", "- { days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"17:00\" }",
                                    "- { days: [sat], opens: \"10:00\", closes: \"24:00\" }",
                                    "note: { en: Closed on holidays., fr: Fermé les jours fériés. }"], from: F.serviceYAML)
        expectError(text, "the hours do not say when the service is open", onLineWith: "open_24_7: false", hint: "`weekly:`")
    }

    // MARK: - Cost, flags, dates

    @Test func anUnknownCostIsAnError() {
        let text = F.service(replacing: "cost: free", with: "cost: cheap")
        expectError(text, "cost `cheap` is not known", onLineWith: "cost: cheap", hint: "free, low-cost, varies")
    }

    @Test func aFlagThatIsNotTrueOrFalseIsAnError() {
        let text = F.service(replacing: "indigenous_led: false", with: "indigenous_led: maybe")
        expectError(text, "`indigenous_led` must be true or false", onLineWith: "indigenous_led: maybe")
    }

    @Test func aLastVerifiedDateInTheFutureIsAnError() {
        let text = F.service(replacing: "last_verified: 2026-11-01", with: "last_verified: 2026-12-01")
        expectError(text, "`last_verified` 2026-12-01 is in the future (today is 2026-11-30)", onLineWith: "last_verified:")
    }

    @Test func aLastVerifiedDateOlderThan12MonthsIsAWarningToReverify() {
        let text = F.service(replacing: "last_verified: 2026-11-01", with: "last_verified: 2025-11-29")
        let (service, diagnostics) = F.parse(text)
        #expect(service != nil, "a warning does not reject the service")
        let found = diagnostic(containing: "re-verify", in: diagnostics)
        #expect(found?.severity == .warning)
        #expect(found?.location.line == F.line(of: "last_verified:", in: text))
        #expect(found?.message.contains("366 days ago") == true)
    }

    @Test func aLastVerifiedDateExactly365DaysOldIsStillFine() {
        let text = F.service(replacing: "last_verified: 2026-11-01", with: "last_verified: 2025-11-30")
        #expect(F.parse(text).1.isEmpty)
    }

    @Test func aMalformedLastVerifiedDateIsAnError() {
        let text = F.service(replacing: "last_verified: 2026-11-01", with: "last_verified: 30/11/2026")
        expectError(text, "`last_verified` must be a date written YYYY-MM-DD", onLineWith: "last_verified:")
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        let text = F.service(replacing: "kind: voice", with: "kind: fax")
            .replacingOccurrences(of: "cost: free", with: "cost: cheap")
            .replacingOccurrences(of: "website: https://", with: "website: http://")
        let errors = F.parse(text).1.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(errors)")
    }
}
