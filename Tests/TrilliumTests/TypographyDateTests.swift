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

@Suite("Dates and times in each language")
struct TypographyDateTests {
    @Test func englishDatesReadMonthDayYear() {
        #expect(LocalizedDate.format(Day(year: 2020, month: 3, day: 6), .en) == "March 6, 2020")
        #expect(LocalizedDate.format(Day(year: 2019, month: 5, day: 29), .en) == "May 29, 2019")
        #expect(LocalizedDate.inSentence(Day(year: 2020, month: 3, day: 6), .en) == "March 6, 2020")
    }

    @Test func frenchDatesUseLowercaseMonthsAndNoComma() {
        #expect(LocalizedDate.format(Day(year: 2020, month: 3, day: 6), .fr) == "6 mars 2020")
        #expect(LocalizedDate.format(Day(year: 2025, month: 8, day: 15), .fr) == "15 août 2025")
        #expect(LocalizedDate.format(Day(year: 2020, month: 12, day: 31), .fr) == "31 décembre 2020")
    }

    @Test func theFirstOfTheMonthIsWrittenPremierInFrench() {
        #expect(LocalizedDate.format(Day(year: 2020, month: 3, day: 1), .fr) == "1er mars 2020")
        #expect(LocalizedDate.format(Day(year: 2020, month: 3, day: 1), .en) == "March 1, 2020")
    }

    @Test func frenchDatesInASentenceTakeTheArticle() {
        #expect(LocalizedDate.inSentence(Day(year: 2020, month: 3, day: 6), .fr) == "le 6 mars 2020")
    }

    @Test("French times use 24 hours and h", arguments: [
        ("09:00", "9 h"), ("18:15", "18 h 15"), ("00:00", "0 h"), ("07:05", "7 h 05"), ("24:00", "24 h"),
    ])
    func frenchTimes(_ input: String, _ expected: String) {
        #expect(LocalizedDate.time(input, .fr) == expected)
    }

    @Test("English times use a.m. and p.m.", arguments: [
        ("09:00", "9 a.m."), ("18:15", "6:15 p.m."), ("12:00", "noon"), ("00:00", "midnight"), ("24:00", "midnight"), ("12:30", "12:30 p.m."),
    ])
    func englishTimes(_ input: String, _ expected: String) {
        #expect(LocalizedDate.time(input, .en) == expected)
    }

    @Test func aTimeThatIsNotHHMMIsReturnedAsWritten() {
        #expect(LocalizedDate.time("noonish", .fr) == "noonish")
    }
}
