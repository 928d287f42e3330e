/// A language the site is published in. The site is bilingual: every page and string exists in both.
public enum Language: String, Sendable, CaseIterable, Comparable, Codable {
    case en
    case fr

    /// The other language of the pair, used for twins and the language toggle.
    public var other: Language { self == .en ? .fr : .en }

    /// The language's name written in that language ("English", "Français").
    public var nativeName: String { self == .en ? "English" : "Français" }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
