import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// Dates and times written the way each language writes them.
public enum LocalizedDate {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// "March 6, 2020" / "6 mars 2020" ("1er mars 2020" on the first of the month).
    public static func format(_ day: Day, _ language: Language) -> String {
        switch language {
        case .en: return "\(englishMonths[day.month - 1]) \(day.day), \(day.year)"
        case .fr: return "\(day.day == 1 ? "1er" : String(day.day)) \(frenchMonths[day.month - 1]) \(day.year)"
        }
    }

    /// The date as it reads inside a sentence: "March 6, 2020" / "le 6 mars 2020".
    public static func inSentence(_ day: Day, _ language: Language) -> String {
        language == .fr ? "le " + format(day, .fr) : format(day, .en)
    }

    /// A time of day written `HH:MM`: "9:30 a.m." / "9 h 30".
    public static func time(_ hhmm: String, _ language: Language) -> String {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return hhmm }
        let (hour, minute) = (parts[0], parts[1])
        switch language {
        case .fr:
            return minute == 0 ? "\(hour) h" : "\(hour) h \(minute < 10 ? "0" : "")\(minute)"
        case .en:
            if hour == 0 && minute == 0 || hour == 24 { return "midnight" }
            if hour == 12 && minute == 0 { return "noon" }
            let h12 = hour % 12 == 0 ? 12 : hour % 12
            let suffix = hour < 12 ? "a.m." : "p.m."
            return minute == 0 ? "\(h12) \(suffix)" : "\(h12):\(minute < 10 ? "0" : "")\(minute) \(suffix)"
        }
    }
}
