import Foundation
import TrilliumModel

extension SearchIndex {
    /// The index as compact JSON, the same bytes for the same index:
    /// `{"docs":[[id,url,title],...],"lang":"fr","terms":{"term":[doc,score,doc,score,...],...},"v":1}`
    /// with keys and terms sorted and postings in document order.
    public func jsonData() -> Data {
        var termValues: [String: JSONValue] = [:]
        termValues.reserveCapacity(terms.count)
        for (term, postings) in terms {
            termValues[term] = .array(postings.flatMap { [JSONValue.int($0.document), .int($0.score)] })
        }
        let document: JSONValue = [
            "docs": .array(documents.map { [.string($0.id), .string($0.url), .string($0.title)] }),
            "lang": .string(language.rawValue),
            "terms": .object(termValues),
            "v": .int(Self.formatVersion),
        ]
        return JSONWriter.data(document)
    }
}
