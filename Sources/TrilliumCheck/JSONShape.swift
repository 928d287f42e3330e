import TrilliumModel

/// The fields a JSON document has, or a JSON Schema declares, and their JSON types.
///
/// A field is a path of keys, with `[]` for the items of an array: `services[].phones[].tel`.
/// Every item of an array shares one path, so a shape says which fields exist somewhere in a
/// file, not in which record. Integers and other numbers are both `number`.
struct JSONShape: Sendable, Equatable {
    /// Path → the JSON types seen or declared there (`string`, `number`, `boolean`, `array`, `object`, `null`).
    var types: [String: Set<String>] = [:]

    var paths: Set<String> { Set(types.keys) }

    mutating func add(_ type: String, at path: String) {
        types[path, default: []].insert(type)
    }

    mutating func merge(_ other: JSONShape) {
        for (path, kinds) in other.types { types[path, default: []].formUnion(kinds) }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The shape of a document: every field it has and the types it holds there.
    static func of(_ value: JSONValue) -> JSONShape {
        var shape = JSONShape()
        func visit(_ value: JSONValue, _ path: String) {
            if !path.isEmpty { shape.add(typeName(value), at: path) }
            switch value {
            case .object(let members): for (key, member) in members { visit(member, join(path, key)) }
            case .array(let items): for item in items { visit(item, path + "[]") }
            default: break
            }
        }
        visit(value, "")
        return shape
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .string: "string"
        case .int, .double: "number"
        case .bool: "boolean"
        case .array: "array"
        case .object: "object"
        case .null: "null"
        }
    }

    /// The fields `schema` declares, following `properties`, `items`, `allOf`/`anyOf`/`oneOf` and local
    /// `$ref`s (`#/$defs/x`, `#/components/schemas/x`) inside `document`. Types come from `type`, or
    /// else from `const`/`enum` values; a field whose schema gives neither has no types.
    static func declared(by schema: JSONValue, in document: JSONValue) -> JSONShape {
        var shape = JSONShape()
        var expanding: Set<String> = []
        func visit(_ schema: JSONValue, _ path: String, depth: Int) {
            guard depth < 40, case .object(let keywords) = schema else { return }
            if !path.isEmpty { shape.types[path, default: []].formUnion(declaredTypes(keywords)) }
            if let target = keywords["$ref"]?.stringValue, let resolved = resolve(target, in: document) {
                // A schema that refers to itself (a tree) is expanded once per path.
                let key = target + "@" + path
                if !expanding.contains(key) {
                    expanding.insert(key)
                    visit(resolved, path, depth: depth + 1)
                    expanding.remove(key)
                }
            }
            if case .object(let properties)? = keywords["properties"] {
                for (key, property) in properties { visit(property, join(path, key), depth: depth + 1) }
            }
            if let items = keywords["items"] { visit(items, path + "[]", depth: depth + 1) }
            for combinator in ["allOf", "anyOf", "oneOf"] {
                for part in keywords[combinator]?.arrayItems ?? [] { visit(part, path, depth: depth + 1) }
            }
        }
        visit(schema, "", depth: 0)
        return shape
    }

    static func declaredTypes(_ keywords: [String: JSONValue]) -> Set<String> {
        func normalized(_ name: String) -> String { name == "integer" ? "number" : name }
        switch keywords["type"] {
        case .string(let name)?: return [normalized(name)]
        case .array(let names)?: return Set(names.compactMap(\.stringValue).map(normalized))
        default: break
        }
        if let constant = keywords["const"] { return [typeName(constant)] }
        return Set((keywords["enum"]?.arrayItems ?? []).map(typeName))
    }

    /// The value a local JSON Pointer (`#/a/b`) names in `document`.
    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var value: JSONValue? = document
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            value = value?[key]
        }
        return value
    }
}
