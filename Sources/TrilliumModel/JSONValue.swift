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

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text): quote(text, into: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: format(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
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

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0, safeStart = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Most bytes need no escape: copy them in runs.
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                    index += 1
                    continue
                }
                let isLineSeparator = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                if byte == 0xE2 && !isLineSeparator {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[safeStart..<index]))
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0xE2:
                    // U+2028 and U+2029 end a line in older JavaScript.
                    unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    index += 2
                default: unicodeEscape(UInt32(byte), into: &out)
                }
                index += 1
                safeStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[safeStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}

/// Typed documents (`Encodable` structs with their own coding keys) go through `JSONWriter` too.
public enum DeterministicJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false, trailingNewline: Bool = false) -> Data {
        JSONWriter.data(JSONValueEncoder.value(of: value), pretty: pretty, trailingNewline: trailingNewline)
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
