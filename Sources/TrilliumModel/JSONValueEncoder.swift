/// Turns an `Encodable` value into a `JSONValue`, honouring its coding keys; `nil` optionals
/// encoded with `encodeIfPresent` (the synthesized default) are left out, as `JSONEncoder` does.
public enum JSONValueEncoder {
    public static func value<T: Encodable>(of value: T) -> JSONValue {
        if let json = value as? JSONValue { return json }
        let root = Box()
        let encoder = ValueEncoder(box: root, codingPath: [])
        // Encoding into memory cannot fail for the documents Trillium writes (strings, numbers,
        // booleans, arrays and objects); a value that throws is written as null.
        do { try value.encode(to: encoder) } catch { return .null }
        return root.value
    }

    /// A node under construction: a finished value, or an object or array still being filled.
    final class Box {
        enum State {
            case value(JSONValue)
            case object([String: Box])
            case array([Box])
        }

        var state: State = .value(.null)

        var value: JSONValue {
            switch state {
            case .value(let value): value
            case .object(let members): .object(members.mapValues(\.value))
            case .array(let items): .array(items.map(\.value))
            }
        }

        func member(_ key: String) -> Box {
            var members: [String: Box] = [:]
            if case .object(let existing) = state { members = existing }
            let box = members[key] ?? Box()
            members[key] = box
            state = .object(members)
            return box
        }

        func makeObject() {
            if case .object = state { return }
            state = .object([:])
        }

        func append() -> Box {
            var items: [Box] = []
            if case .array(let existing) = state { items = existing }
            let box = Box()
            items.append(box)
            state = .array(items)
            return box
        }

        func makeArray() {
            if case .array = state { return }
            state = .array([])
        }

        var count: Int {
            if case .array(let items) = state { return items.count }
            return 0
        }
    }

    struct ValueEncoder: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            box.makeObject()
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            box.makeArray()
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    static func encode<T: Encodable>(_ value: T, into box: Box, codingPath: [any CodingKey]) throws {
        if let json = value as? JSONValue {
            box.state = .value(json)
            return
        }
        switch value {
        case let text as String: box.state = .value(.string(text))
        case let flag as Bool: box.state = .value(.bool(flag))
        case let number as Int: box.state = .value(.int(number))
        case let number as Double: box.state = .value(.double(number))
        default: try value.encode(to: ValueEncoder(box: box, codingPath: codingPath))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).state = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONValueEncoder.encode(value, into: box.member(key.stringValue), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = box.member(key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(box: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = box.member(key.stringValue)
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(box: box.member("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { box.count }

        mutating func encodeNil() throws { box.append().state = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.encode(value, into: box.append(), codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = box.append()
            child.makeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = box.append()
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(box: box.append(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { box.state = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.encode(value, into: box, codingPath: codingPath)
        }
    }
}
