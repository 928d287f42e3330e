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
        // Over bytes: digits, `-`, `(`, `)`, space, `.` and `+` only.
        var digitBytes: [UInt8] = []
        var hasPlus = false, onlyDigits = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digitBytes.append(byte)
            case UInt8(ascii: "+"): hasPlus = true; onlyDigits = false
            case UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: " "), UInt8(ascii: "."): onlyDigits = false
            default: return nil
            }
        }
        guard !text.isEmpty else { return nil }
        written = text
        var digits = String(decoding: digitBytes, as: UTF8.self)
        if hasPlus && !text.hasPrefix("+1") && !text.hasPrefix("+ 1") { return nil }
        if Self.shortCodes.contains(digits), !hasPlus {
            self.digits = digits
            return
        }
        if allowSMSShortCode, (5...6).contains(digitBytes.count), onlyDigits {
            self.digits = digits
            return
        }
        if digitBytes.count == 10 {
            digits = "1" + digits
            digitBytes.insert(UInt8(ascii: "1"), at: 0)
        }
        // NANP: a leading 1, then an area code and an exchange that start with 2–9.
        guard digitBytes.count == 11, digitBytes[0] == UInt8(ascii: "1"), digitBytes[1] >= UInt8(ascii: "2"), digitBytes[4] >= UInt8(ascii: "2") else {
            return nil
        }
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
