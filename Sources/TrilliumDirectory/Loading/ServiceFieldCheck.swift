import TrilliumModel
import TrilliumSource

/// Format checks for values written in service files: file-name ids and email addresses.
///
/// Ids use `Slug`, web addresses `URLCheck`, phone numbers `PhoneNumber`; these cover what none does.
public enum ServiceFieldCheck {
    /// The id a service file must declare: its file name without the `.yaml` extension.
    public static func expectedID(forFile path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// A plain `local@domain.tld` address as people publish them (no quoted parts, no IP literals).
    ///
    /// Deliberately stricter than RFC 5322: an address on a help page must be one a visitor can type.
    public static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) else { return false }
        let local = parts[0], domain = parts[1]
        let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")
        guard (1...64).contains(local.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.allSatisfy({ $0.isLetter || $0.isNumber || localSymbols.contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.count <= 253 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        guard let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else { return false }
        return true
    }
}
