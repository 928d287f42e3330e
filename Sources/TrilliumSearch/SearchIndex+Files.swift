import Foundation
import TrilliumModel

/// The sharded index on disk, for one language, under `search/<lang>/`:
///
/// - `meta.json`: `{"docs":N,"id":…,"lang":"en","pages":P,"services":S,"shards":["","ca","ho",…],"v":2}`.
///   `shards[i]` is the smallest key of shard `i`: a term belongs to the last shard whose key is
///   not greater than it. `id` changes whenever any shard changes.
/// - `t/<i>.json`: shard `i`, `{"id":…,"terms":{"term":"<gaps>.<scores>",…},"v":2}` with the
///   terms in order and, for each, its documents as gaps (the first document's number, then
///   each next one minus the previous minus one) and their scores, both written with
///   `SearchPostingCoding`.
/// - `d/<n>.json`: document `n`'s fragment (`SearchFragment`), written as documents are added.
///
/// A query fetches `meta.json`, the shards its words fall in and the fragments of the results
/// it shows; nothing else grows with the site.
extension SearchIndex {
    /// Where a language's index lives, below the site root.
    public static func folder(_ language: Language) -> String { "search/\(language.rawValue)/" }

    public static func metaPath(_ language: Language) -> String { folder(language) + "meta.json" }

    /// A shard is closed once its terms take this many bytes (uncompressed; 3 to 5 KB once a
    /// host compresses it). One term is never split, so a very common term's shard is larger.
    public static let shardTargetBytes = 8 * 1024

    /// `meta.json` and the term shards (smaller shards than the default only for tests).
    public func files(shardTargetBytes: Int = shardTargetBytes) -> [OutputFile] {
        var shards: [[(String, String)]] = [[]]
        var size = 0
        for term in terms.keys.sorted() {
            guard let postings = terms[term], !postings.isEmpty else { continue }
            let encoded = SearchPostingCoding.encode(postings)
            if size >= shardTargetBytes {
                shards.append([])
                size = 0
            }
            shards[shards.count - 1].append((term, encoded))
            size += term.utf8.count + encoded.utf8.count + 6
        }
        var keys: [String] = [""]
        for index in shards.indices.dropFirst() {
            guard let previous = shards[index - 1].last?.0, let first = shards[index].first?.0 else { continue }
            keys.append(Self.separator(after: previous, upTo: first))
        }
        let bodies = shards.map { shard in JSONWriter.data(.object(Dictionary(uniqueKeysWithValues: shard.map { ($0.0, JSONValue.string($0.1)) }))) }
        var digest = Data()
        for body in bodies { digest.append(body) }
        let id = ContentHash.hex(digest)
        var files: [OutputFile] = [OutputFile(path: Self.metaPath(language), data: JSONWriter.data([
            "docs": .int(documentCount), "id": .string(id), "lang": .string(language.rawValue), "pages": .int(pages),
            "services": .int(services), "shards": .array(keys.map(JSONValue.string)), "v": .int(Self.formatVersion),
        ]))]
        for (index, shard) in shards.enumerated() {
            let value: JSONValue = [
                "id": .string(id),
                "terms": .object(Dictionary(uniqueKeysWithValues: shard.map { ($0.0, JSONValue.string($0.1)) })),
                "v": .int(Self.formatVersion),
            ]
            files.append(OutputFile(path: Self.folder(language) + "t/\(index).json", data: JSONWriter.data(value)))
        }
        return files
    }

    /// The shortest prefix of `next` that sorts after `previous` (terms are ASCII).
    static func separator(after previous: String, upTo next: String) -> String {
        let next = Array(next.utf8)
        for length in 1...next.count {
            let prefix = String(decoding: next[0..<length], as: UTF8.self)
            if prefix > previous { return prefix }
        }
        return String(decoding: next, as: UTF8.self)
    }
}

/// Numbers as text for the shards: each number in groups of five bits, lowest first, one
/// character per group from `alphabet`; a character from the first half ends the number, one
/// from the second half says more groups follow. 0–31 take one character, up to 1,023 two.
public enum SearchPostingCoding {
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// `"<gaps>.<scores>"` for postings in document order.
    public static func encode(_ postings: [SearchIndex.Posting]) -> String {
        var gaps: [UInt8] = [], scores: [UInt8] = []
        gaps.reserveCapacity(postings.count * 2)
        scores.reserveCapacity(postings.count)
        var previous = -1
        for posting in postings {
            append(posting.document - previous - 1, to: &gaps)
            append(posting.score, to: &scores)
            previous = posting.document
        }
        return String(decoding: gaps + [UInt8(ascii: ".")] + scores, as: UTF8.self)
    }

    static func append(_ number: Int, to out: inout [UInt8]) {
        var rest = max(0, number)
        while rest >= 32 {
            out.append(alphabet[32 + (rest & 31)])
            rest >>= 5
        }
        out.append(alphabet[rest])
    }

    /// The numbers in `text` (the inverse of `append`); used by the tests.
    public static func decode(_ text: Substring) -> [Int] {
        var numbers: [Int] = []
        var value = 0, shift = 0
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { continue }
            value |= (digit & 31) << shift
            if digit >= 32 { shift += 5 } else { numbers.append(value); value = 0; shift = 0 }
        }
        return numbers
    }
}
