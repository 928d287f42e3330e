/// A value given once per language. Construction guarantees both languages are present.
///
/// Stored as two fields, not a dictionary: a directory of 60,000 services holds about a dozen of
/// these each, and reading one is a branch rather than a hash.
public struct Localized<Value: Sendable>: Sendable {
    private var english: Value
    private var french: Value

    public init(_ values: [Language: Value]) {
        precondition(Language.allCases.allSatisfy { values[$0] != nil }, "Localized needs every language")
        // Safe: checked just above.
        self.init(en: values[.en]!, fr: values[.fr]!)
    }

    public init(en: Value, fr: Value) {
        english = en
        french = fr
    }

    public subscript(language: Language) -> Value {
        language == .en ? english : french
    }

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Localized<T> {
        Localized<T>(en: try transform(english), fr: try transform(french))
    }
}

extension Localized: Equatable where Value: Equatable {}
extension Localized: Hashable where Value: Hashable {}
