import Foundation
import TrilliumModel

/// Gathers the documents of one language, from many threads, into a `SearchIndex`.
///
/// The build numbers documents before rendering (pages in plan order, then services in
/// directory order), so each worker adds its documents as it renders them. A worker splits the
/// text into folded words on its own; then, holding one of a few stripes (`Stripe`), each word
/// is looked up by its bytes (`SearchWordTable`: stemmed once per stripe, the first time that
/// stripe sees it), counted per field and scored: weight × min(occurrences in the field,
/// `SearchIndexBuilder.occurrenceCap`), summed over the fields. Postings are kept as term numbers
/// and packed integers, about five bytes each. A worker takes whichever stripe is free, so
/// workers do not wait for each other; `index()` merges the stripes by term and sorts each
/// posting list by document, so which stripe took a document never shows in the index.
/// Adding a document number again replaces it, which is how the preview updates one edited page.
public final class SearchIndexCollector: @unchecked Sendable {
    public let language: Language
    public let pages: Int
    public let services: Int
    private let stripes: [Stripe]
    private let lock = NSLock()
    /// Per document number: the stripe holding it, or -1.
    private var owners: [Int8]
    /// Seconds of CPU spent adding documents and writing files, on all threads.
    private var cpuSeconds: Double = 0
    private let timed: Bool

    /// Documents `0..<pages` are pages, `pages..<(pages + services)` services.
    /// With `timed`, `analysisSeconds` counts the CPU time of `add` and `files` (two system calls
    /// per document, for `--verbose`); without it, it stays 0.
    public init(language: Language, pages: Int, services: Int, timed: Bool = false) {
        self.timed = timed
        self.language = language
        self.pages = pages
        self.services = services
        let stopWords = SearchText.stopWords(for: language)
        stripes = (0..<Self.stripeCount).map { _ in Stripe(language: language, stopWords: stopWords) }
        owners = Array(repeating: -1, count: pages + services)
    }

    /// More than the workers a build runs on this kind of machine, so a free one is usually found.
    static let stripeCount = 4

    /// The folded words of a document's fields, in one buffer.
    fileprivate struct FieldWords {
        /// The folded text of each field, then the joined names.
        var bytes: [UInt8] = []
        /// Where each word starts and ends in `bytes`, two numbers a word.
        var ranges: [Int32] = []
        /// Per field: its weight and the number of words it has in `ranges`.
        var fields: [(weight: Int, words: Int)] = []

        var count: Int { ranges.count / 2 }

        init(_ document: SearchDocument, language: Language) {
            // Folded text is never longer than the text, so the buffer grows once or not at all.
            let size = document.fields.reduce(0) { $0 + ($1.weight > 0 ? $1.text.utf8.count : 0) }
            bytes.reserveCapacity(size + size / 4)
            ranges.reserveCapacity(size / 2)
            for field in document.fields where field.weight > 0 {
                let before = count
                SearchText.appendWords(field.text, language: language, to: &bytes, ranges: &ranges)
                if field.isName {
                    for word in SearchText.joinedWords(field.text) {
                        ranges.append(Int32(bytes.count))
                        bytes.append(contentsOf: word.utf8)
                        ranges.append(Int32(bytes.count))
                    }
                }
                fields.append((field.weight, count - before))
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
        add(number: number, stripe: nil, make)
    }

    /// `add(number:_:)` into stripe `stripe` (tests place documents in every stripe with it),
    /// or, when nil, into the first stripe no other thread holds.
    func add(number: Int, stripe: Int?, _ make: () -> SearchDocument) -> OutputFile {
        let started = timed ? ThreadClock.seconds() : 0
        let document = make()
        let analyzed = FieldWords(document, language: language)
        let fragment = SearchFragment.file(document, number: number, language: language)
        // A document added before (the preview's edits) leaves the stripe that holds it first.
        // (A number outside the collector's range is looked for in every stripe.)
        let previous = lock.withLock { () -> Int? in
            guard owners.indices.contains(number) else { return nil }
            let owner = owners[number]
            owners[number] = -1
            return Int(owner)
        }
        for (position, stripe) in stripes.enumerated() where previous == nil || previous == position {
            stripe.withLock { $0.remove(number) }
        }
        var chosen = stripe.map { $0 % stripes.count } ?? stripes.firstIndex { $0.tryLock() } ?? -1
        if stripe != nil {
            stripes[chosen].lock()
        } else if chosen < 0 {
            chosen = number % stripes.count
            stripes[chosen].lock()
        }
        stripes[chosen].add(analyzed, number: number)
        stripes[chosen].unlock()
        lock.withLock {
            if owners.indices.contains(number) { owners[number] = Int8(chosen) }
            if timed { cpuSeconds += ThreadClock.seconds() - started }
        }
        return fragment
    }

    /// The index as it stands: every term with its postings in document order.
    public func index() -> SearchIndex {
        // Each term's list is made at its final size (lists grown by appending would hold up to
        // twice their size, at the moment the build's memory peaks).
        var sizes: [String: Int] = [:]
        for stripe in stripes {
            stripe.withLock { stripe in
                for (termNumber, list) in stripe.postings.enumerated() where !list.isEmpty {
                    sizes[stripe.termNames[termNumber], default: 0] += list.count
                }
            }
        }
        var terms: [String: [SearchIndex.Posting]] = [:]
        terms.reserveCapacity(sizes.count)
        for (term, size) in sizes {
            var list: [SearchIndex.Posting] = []
            list.reserveCapacity(size)
            terms[term] = list
        }
        for stripe in stripes {
            stripe.withLock { stripe in
                for (termNumber, list) in stripe.postings.enumerated() where !list.isEmpty {
                    terms[stripe.termNames[termNumber], default: []]
                        .append(contentsOf: list.lazy.map { SearchIndex.Posting(document: Int($0 >> 8), score: Int($0 & 0xFF)) })
                }
            }
        }
        // A document is in one stripe only, so ordering by document alone is a total order.
        for term in terms.keys { terms[term]?.sort { $0.document < $1.document } }
        return SearchIndex(language: language, pages: pages, services: services, terms: terms)
    }

    /// The index's files (`SearchIndex.files()`).
    public func files() -> [OutputFile] {
        guard timed else { return index().files() }
        let started = ThreadClock.seconds()
        let files = index().files()
        lock.withLock { cpuSeconds += ThreadClock.seconds() - started }
        return files
    }

    /// CPU seconds spent in `add` and `files` so far, summed over threads (0 unless `timed`).
    public var analysisSeconds: Double { lock.withLock { cpuSeconds } }
}

/// One part of a collector's index: its own word table, terms and postings, behind its own lock.
private final class Stripe: @unchecked Sendable {
    let language: Language
    let stopWords: Set<String>
    private let mutex = NSLock()
    private var words = SearchWordTable()
    private var termNumbers: [String: Int32] = [:]
    private(set) var termNames: [String] = []
    /// Per term: document << 8 | score, in the order added.
    private(set) var postings: [[UInt32]] = []
    /// Per document: its term numbers, so it can be replaced.
    private var documentTerms: [Int: [Int32]] = [:]
    /// Scratch counters per term number, zero between documents.
    private var fieldCounts: [Int32] = []
    private var scores: [Int32] = []

    init(language: Language, stopWords: Set<String>) {
        self.language = language
        self.stopWords = stopWords
    }

    func tryLock() -> Bool { mutex.try() }
    func lock() { mutex.lock() }
    func unlock() { mutex.unlock() }
    func withLock<T>(_ body: (Stripe) -> T) -> T { mutex.withLock { body(self) } }

    /// Adds a document's words (the lock is held).
    func add(_ analyzed: SearchIndexCollector.FieldWords, number: Int) {
        // Work on local copies of the tables (moved out and back): a stored property of a
        // class is checked for exclusive access on every use, which the inner loop cannot afford.
        var table = SearchWordTable(capacity: 0), counts: [Int32] = [], sums: [Int32] = [], lists: [[UInt32]] = []
        swap(&table, &words)
        swap(&counts, &fieldCounts)
        swap(&sums, &scores)
        swap(&lists, &postings)
        let wordCount = analyzed.count
        // First each word's term (numbering new terms grows the tables), then the counting, on
        // tables that no longer grow: through pointers, with no check per word that an array
        // is not shared.
        let terms = [Int32](unsafeUninitializedCapacity: wordCount) { terms, written in
            analyzed.bytes.withUnsafeBufferPointer { bytes in
                analyzed.ranges.withUnsafeBufferPointer { ranges in
                    for word in 0..<wordCount {
                        let text = UnsafeBufferPointer(rebasing: bytes[Int(ranges[2 * word])..<Int(ranges[2 * word + 1])])
                        terms[word] = table.value(for: text) ?? newTerm(text, table: &table, counts: &counts, sums: &sums, lists: &lists)
                    }
                }
            }
            written = wordCount
        }
        let touched = [Int32](unsafeUninitializedCapacity: wordCount) { touched, touchedCount in
            touchedCount = 0
            var fieldTouched = [Int32](repeating: 0, count: wordCount)
            counts.withUnsafeMutableBufferPointer { counts in
                sums.withUnsafeMutableBufferPointer { sums in
                    var word = 0
                    for field in analyzed.fields {
                        var fieldTouchedCount = 0
                        for _ in 0..<field.words {
                            let term = terms[word]
                            word += 1
                            guard term >= 0 else { continue }
                            if counts[Int(term)] == 0 {
                                fieldTouched[fieldTouchedCount] = term
                                fieldTouchedCount += 1
                            }
                            counts[Int(term)] += 1
                        }
                        for term in fieldTouched[0..<fieldTouchedCount] {
                            let index = Int(term)
                            if sums[index] == 0 {
                                touched[touchedCount] = term
                                touchedCount += 1
                            }
                            sums[index] += Int32(field.weight) * min(counts[index], Int32(SearchIndexBuilder.occurrenceCap))
                            counts[index] = 0
                        }
                    }
                }
            }
        }
        sums.withUnsafeMutableBufferPointer { sums in
            lists.withUnsafeMutableBufferPointer { lists in
                for term in touched {
                    lists[Int(term)].append(UInt32(number) << 8 | UInt32(min(sums[Int(term)], 255)))
                    sums[Int(term)] = 0
                }
            }
        }
        swap(&table, &words)
        swap(&counts, &fieldCounts)
        swap(&sums, &scores)
        swap(&lists, &postings)
        documentTerms[number] = touched
    }

    /// The term number of a word not in `table` yet (-1 for a stop word or no term): stems it,
    /// numbers a new term and remembers the word. The lock is held.
    private func newTerm(_ word: UnsafeBufferPointer<UInt8>, table: inout SearchWordTable, counts: inout [Int32], sums: inout [Int32],
                         lists: inout [[UInt32]]) -> Int32 {
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
                lists.append([])
                counts.append(0)
                sums.append(0)
            }
        }
        table.insert(word, result)
        return result
    }

    /// Takes document `number` out of every posting list (the lock is held).
    func remove(_ number: Int) {
        guard let numbers = documentTerms.removeValue(forKey: number) else { return }
        for termNumber in numbers {
            postings[Int(termNumber)].removeAll { Int($0 >> 8) == number }
        }
    }
}

/// CPU time of the calling thread, for measuring work spread over workers.
enum ThreadClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
