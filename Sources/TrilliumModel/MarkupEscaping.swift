/// The one escaper for HTML and XML text and attribute values: `& < > " '` become
/// `&amp; &lt; &gt; &quot; &#39;` (the five characters swift-mustache escapes).
///
/// Works over UTF-8 bytes, with a fast path for text that needs nothing.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: output.append(contentsOf: Array("&amp;".utf8))
                case 0x3C: output.append(contentsOf: Array("&lt;".utf8))
                case 0x3E: output.append(contentsOf: Array("&gt;".utf8))
                case 0x22: output.append(contentsOf: Array("&quot;".utf8))
                case 0x27: output.append(contentsOf: Array("&#39;".utf8))
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends `text`, escaped, to `output`: one pass over its bytes, copied whole when nothing needs escaping.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                output.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])              // &amp;
                case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                    // &lt;
                case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                    // &gt;
                case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])        // &quot;
                case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])              // &#39;
                default: output.append(byte)
                }
            }
        }
    }
}
