/// A value a template reads: text, a flag, a number, a nested view, a list, or a table of UI strings.
public enum TemplateValue {
    case missing
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(any TemplateObject)
    case list([TemplateValue])
    /// `{{t.key}}`: a table looked up by the next part of a dotted name.
    case strings([String: String])

    /// A list of views.
    public static func objects<T: TemplateObject>(_ items: [T]) -> TemplateValue {
        .list(items.map { .object($0) })
    }

    /// A list of texts (`{{.}}` inside the section).
    public static func texts(_ items: [String]) -> TemplateValue {
        .list(items.map { .text($0) })
    }

    /// An optional text: missing when nil.
    public static func text(_ value: String?) -> TemplateValue {
        value.map { .text($0) } ?? .missing
    }

    /// An optional view: missing when nil.
    public static func object(_ value: (any TemplateObject)?) -> TemplateValue {
        value.map { .object($0) } ?? .missing
    }
}

/// A view templates read by field.
public protocol TemplateObject: Sendable {
    func value(of field: TemplateField) -> TemplateValue
}
