/// Compact JSON written straight into bytes by code that knows its document's shape, for the
/// records written once per service (tens of thousands per build): no `Encodable` containers, no
/// nodes, no sorting. The writer puts keys in `JSONWriter`'s sorted order itself, and a test
/// compares each such writer with `JSONBytesEncoder` on the same values.
///
/// Commas are placed here: a value, key or container after another one in the same container
/// gets one.
public struct JSONStream {
    public private(set) var bytes: [UInt8]
    /// Whether nothing has been written yet in the innermost open container (or right after a key).
    private var first = true

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        first = true
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A member's key (plain ASCII without characters to escape); its value comes next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    public mutating func string(_ text: String) {
        separate()
        JSONWriter.quote(text, into: &bytes)
        first = false
    }

    public mutating func int(_ number: Int) {
        separate()
        JSONWriter.appendInteger(number, to: &bytes)
        first = false
    }

    public mutating func bool(_ flag: Bool) {
        separate()
        JSONWriter.appendBool(flag, to: &bytes)
        first = false
    }

    /// `"name":"text"`.
    public mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    /// `"name":"text"` when there is a text; nothing otherwise (as `encodeIfPresent` leaves out `nil`).
    public mutating func member(_ name: StaticString, ifPresent text: String?) {
        guard let text else { return }
        member(name, text)
    }

    /// `"name":[…]` of strings.
    public mutating func member(_ name: StaticString, _ texts: [String]) {
        key(name)
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// `"name":{…}` with the members `body` writes.
    public mutating func object(_ name: StaticString, _ body: (inout JSONStream) -> Void) {
        key(name)
        beginObject()
        body(&self)
        endObject()
    }

    /// `"name":[…]` with one item per element, each written by `body`.
    public mutating func array<S: Sequence>(_ name: StaticString, _ items: S, _ body: (inout JSONStream, S.Element) -> Void) {
        key(name)
        beginArray()
        for item in items { body(&self, item) }
        endArray()
    }
}
