/// Compact JSON bytes of an `Encodable` value, written without building a `JSONValue` first: the
/// same bytes as `JSONWriter.bytes(JSONValueEncoder.value(of:))` (keys sorted, `nil` optionals
/// left out, the same escapes and numbers), for the documents written once per service.
///
/// Scalars go straight into one buffer; each object and array is a node that records where its
/// members' bytes are, so an object's keys can be sorted when the value is finished. If a key is
/// encoded twice, the last value wins.
public enum JSONBytesEncoder {
    public static func bytes<T: Encodable>(of value: T) -> [UInt8] {
        let scratch = Scratch()
        let root = scratch.encodeValue(value)
        var out: [UInt8] = []
        out.reserveCapacity(scratch.buffer.count + scratch.keyBytes + 64)
        scratch.write(root, into: &out)
        return out
    }

    /// Where a value's bytes are: a range of the scratch buffer, or an object or array node.
    enum Part {
        case bytes(Range<Int>)
        case node(Node)
    }

    final class Node {
        enum Kind { case unset, object, array, scalar }
        var kind = Kind.unset
        /// The bytes of a scalar given through a single-value container.
        var scalar: Range<Int> = 0..<0
        var members: [(key: String, part: Part)] = []
        var items: [Part] = []

        func makeObject() {
            guard kind != .object else { return }
            kind = .object
            items = []
        }

        func makeArray() {
            guard kind != .array else { return }
            kind = .array
            members = []
        }
    }

    final class Scratch {
        var buffer: [UInt8] = []
        var keyBytes = 0

        init() { buffer.reserveCapacity(2048) }

        /// Appends `body` to the buffer and gives the range it filled.
        @inline(__always)
        func scalar(_ body: (inout [UInt8]) -> Void) -> Part {
            let start = buffer.count
            body(&buffer)
            return .bytes(start..<buffer.count)
        }

        func encodeValue<T: Encodable>(_ value: T, codingPath: [any CodingKey] = []) -> Part {
            // Comparing the types first spares a dynamic cast for each structure and array.
            if T.self == String.self { return scalar { JSONWriter.quote(unsafeBitCast(value, to: String.self), into: &$0) } }
            if T.self == Int.self { return scalar { JSONWriter.appendInteger(unsafeBitCast(value, to: Int.self), to: &$0) } }
            if T.self == Bool.self { return scalar { JSONWriter.appendBool(unsafeBitCast(value, to: Bool.self), to: &$0) } }
            if T.self == Double.self { return scalar { JSONWriter.appendDouble(unsafeBitCast(value, to: Double.self), to: &$0) } }
            if T.self == JSONValue.self { return scalar { JSONWriter.append(unsafeBitCast(value, to: JSONValue.self), into: &$0) } }
            let node = Node()
            // Encoding into memory cannot fail for the documents Trillium writes; a value that
            // throws is written as null, as `JSONValueEncoder` does.
            do { try value.encode(to: NodeEncoder(scratch: self, node: node, codingPath: codingPath)) } catch {
                return scalar { JSONWriter.appendNull(to: &$0) }
            }
            return .node(node)
        }

        func write(_ part: Part, into out: inout [UInt8]) {
            switch part {
            case .bytes(let range): out.append(contentsOf: buffer[range])
            case .node(let node):
                switch node.kind {
                case .unset: out.append(contentsOf: "null".utf8)
                case .scalar: out.append(contentsOf: buffer[node.scalar])
                case .array:
                    out.append(UInt8(ascii: "["))
                    for (index, item) in node.items.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: ",")) }
                        write(item, into: &out)
                    }
                    out.append(UInt8(ascii: "]"))
                case .object:
                    out.append(UInt8(ascii: "{"))
                    var first = true
                    for (key, part) in Self.sortedUnique(node.members) {
                        if !first { out.append(UInt8(ascii: ",")) }
                        first = false
                        JSONWriter.quote(key, into: &out)
                        out.append(UInt8(ascii: ":"))
                        write(part, into: &out)
                    }
                    out.append(UInt8(ascii: "}"))
                }
            }
        }

        /// Members sorted by key as `JSONWriter` sorts them; of repeated keys, the last one.
        static func sortedUnique(_ members: [(key: String, part: Part)]) -> [(key: String, part: Part)] {
            var sorted = members.enumerated().sorted { left, right in
                left.element.key != right.element.key ? left.element.key < right.element.key : left.offset < right.offset
            }
            var index = sorted.count - 1
            while index > 0 {
                if sorted[index - 1].element.key == sorted[index].element.key { sorted.remove(at: index - 1) }
                index -= 1
            }
            return sorted.map(\.element)
        }
    }

    struct NodeEncoder: Encoder {
        let scratch: Scratch
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.makeObject()
            return KeyedEncodingContainer(Keyed<Key>(scratch: scratch, node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.makeArray()
            return Unkeyed(scratch: scratch, node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(scratch: scratch, node: node, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let scratch: Scratch
        let node: Node
        var codingPath: [any CodingKey]

        private func add(_ key: Key, _ part: Part) {
            let name = key.stringValue
            scratch.keyBytes += name.utf8.count + 4
            node.members.append((name, part))
        }

        mutating func encodeNil(forKey key: Key) throws { add(key, scratch.scalar { JSONWriter.appendNull(to: &$0) }) }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, scratch.scalar { JSONWriter.quote(value, into: &$0) }) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, scratch.scalar { JSONWriter.appendBool(value, to: &$0) }) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(key, scratch.scalar { JSONWriter.appendInteger(value, to: &$0) }) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(key, scratch.scalar { JSONWriter.appendDouble(value, to: &$0) }) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(key, scratch.encodeValue(value, codingPath: codingPath + [key]))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Node()
            child.makeObject()
            add(key, .node(child))
            return KeyedEncodingContainer(Keyed<NestedKey>(scratch: scratch, node: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node()
            child.makeArray()
            add(key, .node(child))
            return Unkeyed(scratch: scratch, node: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder {
            let child = Node()
            node.members.append(("super", .node(child)))
            return NodeEncoder(scratch: scratch, node: child, codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Node()
            add(key, .node(child))
            return NodeEncoder(scratch: scratch, node: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let scratch: Scratch
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.items.count }

        mutating func encodeNil() throws { node.items.append(scratch.scalar { JSONWriter.appendNull(to: &$0) }) }
        mutating func encode(_ value: String) throws { node.items.append(scratch.scalar { JSONWriter.quote(value, into: &$0) }) }
        mutating func encode(_ value: Bool) throws { node.items.append(scratch.scalar { JSONWriter.appendBool(value, to: &$0) }) }
        mutating func encode(_ value: Int) throws { node.items.append(scratch.scalar { JSONWriter.appendInteger(value, to: &$0) }) }
        mutating func encode(_ value: Double) throws { node.items.append(scratch.scalar { JSONWriter.appendDouble(value, to: &$0) }) }
        mutating func encode<T: Encodable>(_ value: T) throws { node.items.append(scratch.encodeValue(value, codingPath: codingPath)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Node()
            child.makeObject()
            node.items.append(.node(child))
            return KeyedEncodingContainer(Keyed<NestedKey>(scratch: scratch, node: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            child.makeArray()
            node.items.append(.node(child))
            return Unkeyed(scratch: scratch, node: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder {
            let child = Node()
            node.items.append(.node(child))
            return NodeEncoder(scratch: scratch, node: child, codingPath: codingPath)
        }
    }

    /// A value encoded on its own (`encode(to:)` through a single-value container): its node
    /// takes the value's shape.
    struct Single: SingleValueEncodingContainer {
        let scratch: Scratch
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { set(scratch.scalar { JSONWriter.appendNull(to: &$0) }) }
        mutating func encode<T: Encodable>(_ value: T) throws { set(scratch.encodeValue(value, codingPath: codingPath)) }

        private func set(_ part: Part) {
            switch part {
            case .node(let inner):
                node.kind = inner.kind
                node.members = inner.members
                node.items = inner.items
                node.scalar = inner.scalar
            case .bytes(let range):
                node.kind = .scalar
                node.scalar = range
                node.members = []
                node.items = []
            }
        }
    }
}
