import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumPlan
import TrilliumRender

/// Whether what a page states has a source: figures (money, percentages, counts, years of events)
/// need `sources:` in the front matter, and a source more than two years older than the page's
/// reference date (its own date for a dated post, else today) is flagged for re-checking.
public enum SourceCheck {
    /// Sources older than this many days get a warning.
    public static let maximumSourceAgeDays = 730

    /// Warnings for one page, given its text without markup.
    public static func diagnostics(page: Page, plainText: String, today: Day) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let sources = page.frontMatter.sources
        if sources.isEmpty, let figure = firstFigure(in: plainText) {
            found.append(.warning(page.location, "this page states figures (such as “\(figure)”) but lists no sources",
                                  hint: "Add `sources:` to the front matter: each with `title`, `url` and the `date` the source gives for itself."))
        }
        let reference = page.frontMatter.date ?? today
        for source in sources {
            if let warning = ageWarning(source, reference: reference, what: "source “\(source.title ?? source.url)”", fallback: page.location) {
                found.append(warning)
            }
        }
        return found
    }

    /// A warning when `source` is dated more than two years before `reference`.
    public static func ageWarning(_ source: Citation, reference: Day, what: String, fallback: SourceLocation) -> Diagnostic? {
        guard let date = source.date, reference.ordinal - date.ordinal > maximumSourceAgeDays else { return nil }
        return .warning(source.location ?? fallback, "\(what) is dated \(date), more than two years before \(reference)",
                        hint: "Check the facts against a current source and cite it, or keep this one only for a past event.")
    }

    // Numbers that are not figures: phone numbers, short codes and "24/7"-style opening hours.
    private static let notFigures = [
        #"(\+?1[- .]?)?\(?\d{3}\)?[- .]\d{3}[- .]\d{4}"#,
        #"\b(211|311|811|911|988)\b"#,
        #"\b24\s?/\s?7(\s?/\s?365)?\b"#,
        #"\b24 (hours|heures)\b"#,
        #"\b7 (days|jours)\b"#,
        #"\b365 (days|jours)\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    private static let figures = [
        #"\$\s?\d[\d,.]*(\s?(million|billion))?"#,
        #"\d[\d ,.]*\s?(millions?|milliards?|billions?)(\s+de\s+dollars)?"#,
        #"\d[\d ,.]*\s?(M\$|G\$|\$)"#,
        #"\d+([.,]\d+)?\s?(%|per cent|percent|pour cent)"#,
        #"\b(two-thirds|one-third|three-quarters|deux tiers|un tiers|trois quarts)\b"#,
        #"\b(19|20)\d{2}\b"#,
        #"\b\d{2,}\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// The first figure stated in `text`, or nil.
    public static func firstFigure(in text: String) -> String? {
        var cleaned = text
        for pattern in notFigures {
            cleaned = pattern.stringByReplacingMatches(in: cleaned, range: NSRange(cleaned.startIndex..., in: cleaned), withTemplate: " ")
        }
        var first: (NSRange, String)?
        for pattern in figures {
            guard let match = pattern.firstMatch(in: cleaned, range: NSRange(cleaned.startIndex..., in: cleaned)),
                  let range = Range(match.range, in: cleaned) else { continue }
            if first == nil || match.range.location < first!.0.location {
                first = (match.range, String(cleaned[range]).trimmingCharacters(in: .whitespaces))
            }
        }
        return first?.1
    }
}
