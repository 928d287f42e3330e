import Foundation
import TrilliumModel

extension SearchIndex {
    /// The index as compact JSON, the same bytes for the same index:
    /// `{"docs":[[id,url,title],...],"lang":"fr","terms":{"term":[doc,score,doc,score,...],...},"v":1}`
    /// with keys and terms sorted and postings in document order.
    public func jsonData() -> Data {
        var out = "{\"docs\":["
        out += documents.map { "[\(Self.quoted($0.id)),\(Self.quoted($0.url)),\(Self.quoted($0.title))]" }
            .joined(separator: ",")
        out += "],\"lang\":\(Self.quoted(language.rawValue)),\"terms\":{"
        out += terms.keys.sorted().map { term in
            let postings = terms[term, default: []].map { "\($0.document),\($0.score)" }.joined(separator: ",")
            return "\(Self.quoted(term)):[\(postings)]"
        }.joined(separator: ",")
        out += "},\"v\":\(Self.formatVersion)}"
        return Data(out.utf8)
    }

    /// A JSON string literal. Non-ASCII text stays as UTF-8; quotes, backslashes, control
    /// characters and the JavaScript line separators U+2028/U+2029 are escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", "\u{00}"..."\u{1F}":
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
