/// The one escaper for HTML and XML text and attribute values: `& < > " '` become
/// `&amp; &lt; &gt; &quot; &#39;` (the five characters swift-mustache escapes).
///
/// Works over UTF-8 bytes, with a fast path for text that needs nothing.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard needsEscaping(bytes) else { return String(decoding: bytes, as: UTF8.self) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            append(escaping: bytes, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends `text`, escaped, to `output`: one pass over its bytes, copied whole when nothing needs escaping.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard needsEscaping(bytes) else {
                output.append(contentsOf: bytes)
                return
            }
            append(escaping: bytes, to: &output)
        }
    }

    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
    }

    /// Copies the runs between characters to escape at once, and an entity for each of those.
    private static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var copied = 0
        for (index, byte) in bytes.enumerated() {
            let entity: StaticString
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            copied = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}
