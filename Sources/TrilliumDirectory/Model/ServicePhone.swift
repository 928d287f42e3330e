import TrilliumModel
import TrilliumSource

/// A phone number of a service, with what it is for.
public struct ServicePhone: Sendable, Hashable {
    /// How the number is used. The raw value is the word written in a service file and in exports.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case voice
        /// Text messages (SMS).
        case text
        /// Teletypewriter for Deaf and hard-of-hearing callers.
        case tty
    }

    public var number: PhoneNumber
    public var kind: Kind
    /// What the link says, e.g. "Call" / « Appeler ».
    public var label: Localized<String>

    public init(number: PhoneNumber, kind: Kind, label: Localized<String>) {
        self.number = number
        self.kind = kind
        self.label = label
    }
}
