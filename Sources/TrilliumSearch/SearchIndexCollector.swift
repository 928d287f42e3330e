import Foundation
import TrilliumModel

/// Gathers the documents of one language from many threads into a `SearchIndex`.
///
/// The build numbers documents before rendering (pages in plan order, then services in
/// directory order), so each worker adds its documents as it renders them: the words are
/// counted on the worker, and only the stemming (cached, since words repeat) and the postings
/// are taken under a lock. Postings are kept as term numbers and packed integers, about five
/// bytes each. Adding a document number again replaces it, which is how the preview updates
/// one edited page.
public final class SearchIndexCollector: @unchecked Sendable {
    public let language: Language
    public let pages: Int
    public let services: Int
    private let lock = NSLock()
    private var termNumbers: [String: Int32] = [:]
    private var termNames: [String] = []
    /// Per term: document << 8 | score, in the order added.
    private var postings: [[UInt32]] = []
    /// Per document: its term numbers, so it can be replaced.
    private var documentTerms: [Int: [Int32]] = [:]
    private var termOfWord: [String: String] = [:]
    /// Seconds of CPU spent analyzing and adding documents, on all threads.
    private var cpuSeconds: Double = 0
    /// How many shards the index had when its files were last written.
    private var writtenShards = 0

    /// Documents `0..<pages` are pages, `pages..<(pages + services)` services.
    public init(language: Language, pages: Int, services: Int) {
        self.language = language
        self.pages = pages
        self.services = services
    }

    /// Adds document `number` (replacing what it held before) and returns its fragment file.
    /// Scores above 255 are stored as 255.
    @discardableResult
    public func add(_ document: SearchDocument, number: Int) -> OutputFile {
        let started = ThreadClock.seconds()
        let fields = SearchIndexBuilder.wordCounts(of: document.fields, language: language)
        let fragment = SearchFragment.file(document, number: number, language: language)
        lock.withLock {
            remove(number)
            let scores = SearchIndexBuilder.scores(of: fields) { word in
                if let known = termOfWord[word] { return known }
                let term = SearchText.term(forWord: word, language: language)
                termOfWord[word] = term
                return term
            }
            var numbers: [Int32] = []
            numbers.reserveCapacity(scores.count)
            for (term, score) in scores {
                let termNumber: Int32
                if let known = termNumbers[term] {
                    termNumber = known
                } else {
                    termNumber = Int32(termNames.count)
                    termNumbers[term] = termNumber
                    termNames.append(term)
                    postings.append([])
                }
                postings[Int(termNumber)].append(UInt32(number) << 8 | UInt32(min(score, 255)))
                numbers.append(termNumber)
            }
            documentTerms[number] = numbers
        }
        let spent = ThreadClock.seconds() - started
        lock.withLock { cpuSeconds += spent }
        return fragment
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

    /// The index's files (`SearchIndex.files()`), remembering how many shards they hold.
    public func files() -> [OutputFile] {
        let started = ThreadClock.seconds()
        let files = index().files()
        lock.withLock {
            writtenShards = files.count - 1
            cpuSeconds += ThreadClock.seconds() - started
        }
        return files
    }

    /// Shards in the files last written (0 before).
    public var shardCount: Int { lock.withLock { writtenShards } }

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
