/// A phone number a person can dial in North America: a North American number or a short code.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// Short codes accepted on their own.
    public static let shortCodes: Set<String> = ["211", "311", "811", "911", "988"]

    /// Digits only, with country code for long numbers: `18005550199`, or a short code `211`.
    public let digits: String
    /// The number as the service writes it (`416-597-8808`, `1-800-555-0199`, `211`), shown to people.
    public let written: String

    /// Parses `1-800-555-0199`, `800-555-0199`, `(800) 555-0199`, `+1 800 555 0199` or a short code.
    /// With `allowSMSShortCode`, five- and six-digit text-message codes (`686868`) are accepted too.
    public init?(_ text: String, allowSMSShortCode: Bool = false) {
        let allowed = Set("0123456789-() .+")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }) else { return nil }
        written = text
        var digits = text.filter(\.isNumber)
        if text.contains("+") && !text.hasPrefix("+1") && !text.hasPrefix("+ 1") { return nil }
        if Self.shortCodes.contains(digits), !text.contains("+") {
            self.digits = digits
            return
        }
        if allowSMSShortCode, (5...6).contains(digits.count), text.allSatisfy(\.isNumber) {
            self.digits = digits
            return
        }
        if digits.count == 10 { digits = "1" + digits }
        guard digits.count == 11, digits.first == "1" else { return nil }
        let area = Array(digits.dropFirst())
        // NANP: area code and exchange start with 2–9.
        guard let a = area.first, let e = area.dropFirst(3).first, a >= "2", e >= "2" else { return nil }
        self.digits = digits
    }

    public var isShortCode: Bool { digits.count <= 6 }

    /// A five- or six-digit code that only takes text messages.
    public var isSMSShortCode: Bool { (5...6).contains(digits.count) }

    /// Link target: `tel:+18005550199`, `tel:211`, or `sms:686868` for a text-only code.
    public var telURI: String { isSMSShortCode ? "sms:\(digits)" : isShortCode ? "tel:\(digits)" : "tel:+\(digits)" }

    /// E.164 form for data exports: `+18005550199` or the short code.
    public var e164: String { isShortCode ? digits : "+\(digits)" }

    /// One form for every number: `1-800-555-0199`; short codes as they are (`211`).
    public var normalized: String {
        if isShortCode { return digits }
        let d = Array(digits)
        return "1-\(String(d[1...3]))-\(String(d[4...6]))-\(String(d[7...10]))"
    }

    /// What people see: the number as written.
    public var description: String { written }
}
