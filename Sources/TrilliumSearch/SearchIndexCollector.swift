import Foundation
import TrilliumModel

/// Gathers the documents of one language, from many threads, into a `SearchIndex`.
///
/// The build numbers documents before rendering (pages in plan order, then services in
/// directory order), so each worker adds its documents as it renders them. A worker splits the
/// text into folded words on its own; under a lock, each word is looked up by its bytes
/// (`SearchWordTable`: stemmed once, the first time it is seen), counted per field and scored:
/// weight × min(occurrences in the field, `SearchIndexBuilder.occurrenceCap`), summed over the
/// fields. Postings are kept as term numbers and packed integers, about five bytes each.
/// Adding a document number again replaces it, which is how the preview updates one edited page.
public final class SearchIndexCollector: @unchecked Sendable {
    public let language: Language
    public let pages: Int
    public let services: Int
    private let lock = NSLock()
    private var words = SearchWordTable()
    private var termNumbers: [String: Int32] = [:]
    private var termNames: [String] = []
    /// Per term: document << 8 | score, in the order added.
    private var postings: [[UInt32]] = []
    /// Per document: its term numbers, so it can be replaced.
    private var documentTerms: [Int: [Int32]] = [:]
    /// Scratch counters per term number, zero between documents.
    private var fieldCounts: [Int32] = []
    private var scores: [Int32] = []
    private let stopWords: Set<String>
    /// Seconds of CPU spent adding documents and writing files, on all threads.
    private var cpuSeconds: Double = 0

    /// Documents `0..<pages` are pages, `pages..<(pages + services)` services.
    public init(language: Language, pages: Int, services: Int) {
        self.language = language
        self.pages = pages
        self.services = services
        self.stopWords = SearchText.stopWords(for: language)
    }

    /// The folded words of a document's fields, in one buffer.
    private struct FieldWords {
        var bytes: [UInt8] = []
        /// End of each word in `bytes`.
        var ends: [Int] = []
        /// Per field: its weight and the number of words it has in `ends`.
        var fields: [(weight: Int, words: Int)] = []

        init(_ document: SearchDocument, language: Language) {
            for field in document.fields where field.weight > 0 {
                let before = ends.count
                SearchText.forEachWord(field.text, language: language) { word in
                    bytes.append(contentsOf: word)
                    ends.append(bytes.count)
                }
                if field.isName {
                    for word in SearchText.joinedWords(field.text) {
                        bytes.append(contentsOf: word.utf8)
                        ends.append(bytes.count)
                    }
                }
                fields.append((field.weight, ends.count - before))
            }
        }
    }

    /// Adds document `number` (replacing what it held before) and returns its fragment file.
    /// Scores above 255 are stored as 255.
    @discardableResult
    public func add(_ document: SearchDocument, number: Int) -> OutputFile {
        add(number: number) { document }
    }

    /// `add(_:number:)` for a document made by `make`, whose time counts as the index's.
    public func add(number: Int, _ make: () -> SearchDocument) -> OutputFile {
        let started = ThreadClock.seconds()
        let document = make()
        let analyzed = FieldWords(document, language: language)
        let fragment = SearchFragment.file(document, number: number, language: language)
        lock.withLock {
            remove(number)
            // Work on local copies of the tables (moved out and back): a stored property of a
            // class is checked for exclusive access on every use, which the inner loop cannot afford.
            var table = SearchWordTable(capacity: 0), counts: [Int32] = [], sums: [Int32] = []
            swap(&table, &words)
            swap(&counts, &fieldCounts)
            swap(&sums, &scores)
            var touched: [Int32] = []
            var fieldTouched: [Int32] = []
            analyzed.bytes.withUnsafeBufferPointer { bytes in
                var word = 0
                for field in analyzed.fields {
                    for _ in 0..<field.words {
                        let start = word == 0 ? 0 : analyzed.ends[word - 1]
                        let text = UnsafeBufferPointer(rebasing: bytes[start..<analyzed.ends[word]])
                        word += 1
                        let term = table.value(for: text) ?? newTerm(text, table: &table, counts: &counts, sums: &sums)
                        guard term >= 0 else { continue }
                        if counts[Int(term)] == 0 { fieldTouched.append(term) }
                        counts[Int(term)] += 1
                    }
                    for term in fieldTouched {
                        let index = Int(term)
                        if sums[index] == 0 { touched.append(term) }
                        sums[index] += Int32(field.weight) * min(counts[index], Int32(SearchIndexBuilder.occurrenceCap))
                        counts[index] = 0
                    }
                    fieldTouched.removeAll(keepingCapacity: true)
                }
            }
            for term in touched {
                postings[Int(term)].append(UInt32(number) << 8 | UInt32(min(sums[Int(term)], 255)))
                sums[Int(term)] = 0
            }
            swap(&table, &words)
            swap(&counts, &fieldCounts)
            swap(&sums, &scores)
            documentTerms[number] = touched
            cpuSeconds += ThreadClock.seconds() - started
        }
        return fragment
    }

    /// The term number of a word not in `table` yet (-1 for a stop word or no term): stems it,
    /// numbers a new term and remembers the word. The lock is held.
    private func newTerm(_ word: UnsafeBufferPointer<UInt8>, table: inout SearchWordTable, counts: inout [Int32], sums: inout [Int32]) -> Int32 {
        let text = String(decoding: word, as: UTF8.self)
        var result: Int32 = -1
        let term = stopWords.contains(text) ? "" : SearchText.term(forWord: text, language: language)
        if !term.isEmpty {
            if let known = termNumbers[term] {
                result = known
            } else {
                result = Int32(termNames.count)
                termNumbers[term] = result
                termNames.append(term)
                postings.append([])
                counts.append(0)
                sums.append(0)
            }
        }
        table.insert(word, result)
        return result
    }

    /// Takes document `number` out of every posting list (the lock is held).
    private func remove(_ number: Int) {
        guard let numbers = documentTerms.removeValue(forKey: number) else { return }
        for termNumber in numbers {
            postings[Int(termNumber)].removeAll { Int($0 >> 8) == number }
        }
    }

    /// The index as it stands: every term with its postings in document order.
    public func index() -> SearchIndex {
        lock.withLock {
            var terms: [String: [SearchIndex.Posting]] = [:]
            terms.reserveCapacity(termNames.count)
            for (termNumber, list) in postings.enumerated() where !list.isEmpty {
                terms[termNames[termNumber]] = list.sorted().map { SearchIndex.Posting(document: Int($0 >> 8), score: Int($0 & 0xFF)) }
            }
            return SearchIndex(language: language, pages: pages, services: services, terms: terms)
        }
    }

    /// The index's files (`SearchIndex.files()`).
    public func files() -> [OutputFile] {
        let started = ThreadClock.seconds()
        let files = index().files()
        lock.withLock { cpuSeconds += ThreadClock.seconds() - started }
        return files
    }

    /// CPU seconds spent in `add` and `files` so far, summed over threads.
    public var analysisSeconds: Double { lock.withLock { cpuSeconds } }
}

/// CPU time of the calling thread, for measuring work spread over workers.
enum ThreadClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
