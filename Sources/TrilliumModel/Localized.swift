/// A value given once per language. Construction guarantees both languages are present.
public struct Localized<Value: Sendable>: Sendable {
    private var values: [Language: Value]

    public init(_ values: [Language: Value]) {
        precondition(Language.allCases.allSatisfy { values[$0] != nil }, "Localized needs every language")
        self.values = values
    }

    public init(en: Value, fr: Value) {
        self.values = [.en: en, .fr: fr]
    }

    public subscript(language: Language) -> Value {
        // Safe: the initializers require a value for every language.
        values[language]!
    }

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Localized<T> {
        var result: [Language: T] = [:]
        for language in Language.allCases { result[language] = try transform(self[language]) }
        return Localized<T>(result)
    }
}

extension Localized: Equatable where Value: Equatable {}
extension Localized: Hashable where Value: Hashable {}
