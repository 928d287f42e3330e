/// The one rule for ids and URL segments written by people (slugs, translation keys, service,
/// organization and taxonomy ids): lowercase ASCII letters, digits and single hyphens, at most 120 characters.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 120, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
