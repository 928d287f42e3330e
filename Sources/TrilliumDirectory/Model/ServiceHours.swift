import TrilliumModel
import TrilliumSource

/// When a service can be reached.
public struct ServiceHours: Sendable, Hashable {
    /// Open 24 hours a day, 7 days a week.
    public var open24_7: Bool
    /// Regular opening hours, Eastern time. Empty when open 24/7 or when only a note is given.
    public var weekly: [WeeklyHours]
    /// Anything the weekly hours cannot say (holidays, chat hours, "hours vary").
    public var note: Localized<String>?

    public init(open24_7: Bool, weekly: [WeeklyHours] = [], note: Localized<String>? = nil) {
        self.open24_7 = open24_7
        self.weekly = weekly
        self.note = note
    }
}

/// One line of opening hours: the same times on a set of days.
public struct WeeklyHours: Sendable, Hashable {
    public var days: [Weekday]
    /// `HH:MM`, 24-hour clock.
    public var opens: String
    /// `HH:MM`, 24-hour clock, later than `opens` (`24:00` means midnight at the end of the day).
    public var closes: String

    public init(days: [Weekday], opens: String, closes: String) {
        self.days = days
        self.opens = opens
        self.closes = closes
    }

    /// Minutes after midnight of a valid `HH:MM` time (`24:00` is 1440), or nil when `text` is not one.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...59).contains(minutes), (0...23).contains(hours) || (hours == 24 && minutes == 0)
        else { return nil }
        return hours * 60 + minutes
    }
}

/// A day of the week, written as in service files (`mon` … `sun`), Monday first.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The two-letter iCalendar (RFC 5545) code used by HSDS schedules: `MO` … `SU`.
    public var iCalendarCode: String { String(rawValue.prefix(2)).uppercased() }

    private var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
