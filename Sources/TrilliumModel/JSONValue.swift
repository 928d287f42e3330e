import Foundation

/// A JSON document as a value. Every JSON file Trillium writes goes through `JSONWriter`, so all
/// of them share one set of rules: keys sorted, slashes not escaped, the same string escapes.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The one JSON encoder: deterministic bytes for the same value.
///
/// Compact output has no spaces; pretty output indents by two spaces and writes `"key" : value`
/// (the layout of Foundation's `JSONEncoder`, which the published files have always used).
/// Strings keep non-ASCII text as UTF-8 and escape `"` `\`, control characters and U+2028/U+2029,
/// so every file is also safe to embed in JavaScript.
public enum JSONWriter {
    public static func data(_ value: JSONValue, pretty: Bool = false, trailingNewline: Bool = false) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, pretty: pretty, indent: 0, into: &out)
        if trailingNewline { out.append(0x0A) }
        return Data(out)
    }

    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: data(value, pretty: pretty), as: UTF8.self)
    }

    /// Compact bytes of `value`, to be put together with `data(_:inserting:count:as:)`.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, pretty: false, indent: 0, into: &out)
        return out
    }

    /// The compact object `members` plus the array `key`, whose `count` items are given already
    /// encoded (`item(i)`, e.g. from `bytes(_:)`): the same bytes as `data(_:)` of the whole object,
    /// without holding the whole value. For files made of records encoded one at a time.
    public static func data(_ members: [String: JSONValue], inserting count: Int, as key: String,
                            item: (Int) -> [UInt8]) -> Data {
        var data = Data()
        var reserved = false
        var piece: [UInt8] = []
        let keys = (Array(members.keys.filter { $0 != key }) + [key]).sorted()
        data.append(UInt8(ascii: "{"))
        for (index, name) in keys.enumerated() {
            piece.removeAll(keepingCapacity: true)
            if index > 0 { piece.append(UInt8(ascii: ",")) }
            quote(name, into: &piece)
            piece.append(UInt8(ascii: ":"))
            if name == key {
                piece.append(UInt8(ascii: "["))
                data.append(contentsOf: piece)
                for position in 0..<count {
                    if position > 0 { data.append(UInt8(ascii: ",")) }
                    let bytes = item(position)
                    // Room for every item at twice the size of the first, so a file of hundreds of
                    // megabytes is not copied as it grows (pages never written take no memory).
                    if !reserved, count > 1 {
                        data.reserveCapacity(data.count + (bytes.count + 1) * count * 2)
                        reserved = true
                    }
                    data.append(contentsOf: bytes)
                }
                data.append(UInt8(ascii: "]"))
            } else {
                // Safe: `name` comes from `members.keys`.
                write(members[name] ?? .null, pretty: false, indent: 0, into: &piece)
                data.append(contentsOf: piece)
            }
        }
        data.append(UInt8(ascii: "}"))
        return data
    }

    /// Appends the compact bytes of `value`.
    static func append(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, pretty: false, indent: 0, into: &out)
    }

    static func appendBool(_ flag: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    static func appendNull(to out: inout [UInt8]) {
        out.append(contentsOf: "null".utf8)
    }

    static func appendDouble(_ number: Double, to out: inout [UInt8]) {
        out.append(contentsOf: format(number).utf8)
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text): quote(text, into: &out)
        case .int(let number): appendInteger(number, to: &out)
        case .double(let number): appendDouble(number, to: &out)
        case .bool(let flag): appendBool(flag, to: &out)
        case .null: appendNull(to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if pretty {
                newline(indent + 2, &out)
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")); newline(indent + 2, &out) }
                    write(item, pretty: true, indent: indent + 2, into: &out)
                }
                newline(indent, &out)
            } else {
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    write(item, pretty: false, indent: 0, into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted()
            if pretty { newline(indent + 2, &out) }
            for (index, key) in keys.enumerated() {
                if index > 0 {
                    out.append(UInt8(ascii: ","))
                    if pretty { newline(indent + 2, &out) }
                }
                quote(key, into: &out)
                out.append(contentsOf: (pretty ? " : " : ":").utf8)
                // Safe: `key` comes from `members.keys`.
                write(members[key] ?? .null, pretty: pretty, indent: indent + 2, into: &out)
            }
            if pretty { newline(indent, &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Shortest text that reads back as the same number; whole numbers without a fraction.
    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and U+2028
    /// and U+2029, which end a line in JavaScript. Runs of other bytes are copied at once.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var copied = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                    index += 1
                    continue
                }
                let length: Int
                if byte == 0xE2 {
                    // U+2028 and U+2029 end a line in JavaScript.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    length = 3
                } else {
                    length = 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(0x5C)
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0xE2: out.append(contentsOf: "u202".utf8); out.append(bytes[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                default: out.append(contentsOf: "u00".utf8); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0xF)])
                }
                index += length
                copied = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Decimal digits of `number` without making a String.
    static func appendInteger(_ number: Int, to out: inout [UInt8]) {
        if number == 0 { out.append(UInt8(ascii: "0")); return }
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var value = number.magnitude
        var count = 0
        var rest = value
        while rest > 0 { count += 1; rest /= 10 }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var position = start + count - 1
        while value > 0 {
            out[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            position -= 1
        }
    }
}

/// Typed documents (`Encodable` structs with their own coding keys) go through `JSONWriter` too.
public enum DeterministicJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false, trailingNewline: Bool = false) -> Data {
        if pretty { return JSONWriter.data(JSONValueEncoder.value(of: value), pretty: true, trailingNewline: trailingNewline) }
        var bytes = JSONBytesEncoder.bytes(of: value)
        if trailingNewline { bytes.append(0x0A) }
        return Data(bytes)
    }
}

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
