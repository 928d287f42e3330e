import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Adds the live-reload script to an HTML page, just before its closing `</body>` tag.
///
/// The script is a same-origin file, so the site's `script-src 'self'` policy allows it and no
/// inline script is needed. Pages are only changed in the preview's responses, never on disk.
enum LiveReloadInjection {
    static let scriptTag = #"<script src="/__trillium/live.js" defer></script>"#

    static func inject(into html: Data) -> Data {
        let tag = Data(scriptTag.utf8)
        guard let end = lastClosingBody(in: html) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<end])
        result.append(tag)
        result.append(html[end...])
        return result
    }

    /// Where the last `</body` starts, in any letter case.
    static func lastClosingBody(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                let byte = bytes[start + offset]
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if lowered != needle[offset] { matches = false; break }
            }
            if matches { return html.startIndex + start }
            start -= 1
        }
        return nil
    }
}
