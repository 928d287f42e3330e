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

@Suite("Phone numbers and dates written in content")
struct ContentValueParsingTests {
    @Test("North American numbers are read in their usual spellings", arguments: [
        "1-833-900-1010", "833-900-1010", "(833) 900-1010", "+1 833 900 1010", "1 833 900 1010", "8339001010", "+18339001010",
    ])
    func northAmericanNumbers(_ text: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.digits == "18339001010")
        #expect(number.normalized == "1-833-900-1010")
        #expect(number.description == text, "people see the number as it was written")
        #expect(number.telURI == "tel:+18339001010")
        #expect(number.e164 == "+18339001010")
        #expect(!number.isShortCode)
    }

    @Test("short codes are read on their own", arguments: ["211", "911", "988", "311", "811"])
    func shortCodes(_ text: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.isShortCode)
        #expect(number.description == text)
        #expect(number.telURI == "tel:\(text)")
    }

    @Test func textMessageShortCodesAreAcceptedOnlyWhenAsked() throws {
        #expect(PhoneNumber("686868") == nil)
        let code = try #require(PhoneNumber("686868", allowSMSShortCode: true))
        #expect(code.isSMSShortCode)
        #expect(code.telURI == "sms:686868")
        #expect(code.e164 == "686868")
        #expect(PhoneNumber("6868", allowSMSShortCode: true) == nil)
        #expect(PhoneNumber("68-68-68", allowSMSShortCode: true) == nil)
    }

    @Test("things that are not dialable numbers are refused", arguments: [
        "", "123", "1-833-900-101", "1-833-900-10100", "2-833-900-1010", "1-033-900-1010", "1-833-100-1010", "+44 20 7946 0000",
        "1-877-FEM-AIDE", "833.900.1010 ext 2", "+211", "tel:211",
    ])
    func refused(_ text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test("dates are read as YYYY-MM-DD, with any time ignored", arguments: [
        ("2020-03-06", Day(year: 2020, month: 3, day: 6)),
        ("2020-03-06T09:30:00-05:00", Day(year: 2020, month: 3, day: 6)),
        ("2020-03-06 09:30", Day(year: 2020, month: 3, day: 6)),
        ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
        ("2000-02-29", Day(year: 2000, month: 2, day: 29)),
    ])
    func days(_ text: String, _ expected: Day) {
        #expect(Day(parsing: text) == expected)
    }

    @Test("impossible or oddly written dates are refused", arguments: [
        "", "2020-3-6", "2020-02-30", "2023-02-29", "1900-02-29", "2020-04-31", "2020-00-10", "2020-13-01", "20-03-06", "2020/03/06", "March 6, 2020",
    ])
    func badDays(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func daysPrintAsISODatesAndOrderByCalendar() {
        #expect(Day(year: 2020, month: 3, day: 6).description == "2020-03-06")
        #expect(Day(year: 2020, month: 3, day: 6) < Day(year: 2020, month: 3, day: 7))
        #expect(Day(year: 2019, month: 12, day: 31) < Day(year: 2020, month: 1, day: 1))
    }

    @Test func dayOrdinalsCountFromTheUnixEpochAndRoundTrip() {
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(year: 2020, month: 3, day: 6).ordinal - Day(year: 2020, month: 3, day: 5).ordinal == 1)
        #expect(Day(year: 2021, month: 3, day: 1).ordinal - Day(year: 2020, month: 3, day: 1).ordinal == 365)
        for day in [Day(year: 2020, month: 2, day: 29), Day(year: 2026, month: 11, day: 30), Day(year: 1999, month: 12, day: 31)] {
            #expect(Day(ordinal: day.ordinal) == day)
        }
    }
}
