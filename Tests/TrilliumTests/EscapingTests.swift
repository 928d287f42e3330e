import Foundation
import Testing
@testable import TrilliumModel

/// The two escapers every page and JSON file goes through, against plain character-by-character
/// definitions, on texts made of every character they treat specially and their neighbours.
@Suite("Escaping")
struct EscapingTests {
    static let pieces: [String] = ["a", "Zz", " ", "é", "«\u{a0}", "…", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202a}", "😀", "\"", "\\", "&", "<", ">", "'", "/"]
        + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\u{7f}", "plain words of some length"]

    static func texts() -> [String] {
        var random = LiveSiteTests.Seeded(state: 2026)
        var texts = pieces + ["", "\u{e2}", String(repeating: "x", count: 300)]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        return texts
    }

    static func jsonReference(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{c}": result += "\\f"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func markupReference(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test func jsonStringsEscapeWhatJSONAndJavaScriptNeed() throws {
        for text in Self.texts() {
            var out: [UInt8] = [0x5B]
            JSONWriter.quote(text, into: &out)
            #expect(String(decoding: out.dropFirst(), as: UTF8.self) == Self.jsonReference(text), "\(text.debugDescription)")
            out.append(0x5D)
            let decoded = try JSONSerialization.jsonObject(with: Data(out)) as? [String]
            #expect(decoded == [text])
        }
    }

    @Test func markupEscapesTheFiveCharacters() {
        for text in Self.texts() {
            var out: [UInt8] = Array("x".utf8)
            MarkupEscaping.append(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + Self.markupReference(text), "\(text.debugDescription)")
            #expect(MarkupEscaping.escape(text) == Self.markupReference(text))
        }
    }
}
