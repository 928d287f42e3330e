import Foundation
import TrilliumModel
#if canImport(Glibc)
import Glibc
#endif

/// What the directory's lists repeat: each service's card (HTML, with its typography) and its list
/// record (JSON), made the first time a page of one render asks for them, then copied.
///
/// A service appears on about a dozen lists (all, its regions, its categories, each region with
/// each category, its audiences) on the site, in the embeddable page and in the widget's data;
/// rendering it once per language keeps the lists as cheap as copying bytes. A value depends only
/// on the service and the language, so every job that reads it stays a function of its own kind
/// and the directory, whichever job made the value first. Workers share it.
final class ServiceRenderCache: @unchecked Sendable {
    private enum Piece: Int, CaseIterable {
        case card, record
    }

    private let lock = NSLock()
    /// By piece, then language, then position.
    private var slots: [[[[UInt8]?]]]

    init(services count: Int) {
        let column = [[UInt8]?](repeating: nil, count: count)
        slots = Array(repeating: Array(repeating: column, count: Language.allCases.count), count: Piece.allCases.count)
    }

    /// The card of the service at `position`, made by `make` if no page asked for it before.
    func card(_ position: Int, _ language: Language, make: () -> [UInt8]) -> [UInt8] {
        value(.card, position, language, make: make)
    }

    /// The list record of the service at `position`, made by `make` if no page asked for it before.
    func record(_ position: Int, _ language: Language, make: () -> [UInt8]) -> [UInt8] {
        value(.record, position, language, make: make)
    }

    /// Drops every piece: once the lists are written, the memory is better spent on the exports.
    func clear() {
        lock.withLock {
            let empty = Array(repeating: Array(repeating: [[UInt8]?](), count: Language.allCases.count), count: Piece.allCases.count)
            slots = empty
        }
        Self.returnFreedMemory()
    }

    /// Drops the pieces of one language: a build renders a language's jobs together, so once they
    /// are done the other language's lists have the memory. Asked for again, a piece is made afresh.
    func clear(_ language: Language) {
        let column = Self.column(language)
        lock.withLock {
            for piece in Piece.allCases { slots[piece.rawValue][column] = [] }
        }
        Self.returnFreedMemory()
    }

    /// glibc keeps freed small blocks for later, while the large files that follow are mapped
    /// afresh: giving the freed pages back (`malloc_trim`) keeps the peak at what is in use.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }

    private func value(_ piece: Piece, _ position: Int, _ language: Language, make: () -> [UInt8]) -> [UInt8] {
        let column = Self.column(language)
        // A cleared column is empty: its pieces are made without being kept.
        if let made = lock.withLock({ slots[piece.rawValue][column].indices.contains(position) ? slots[piece.rawValue][column][position] : nil }) {
            return made
        }
        // Made outside the lock: two workers may both make it, and both get the same bytes.
        let made = make()
        lock.withLock {
            if slots[piece.rawValue][column].indices.contains(position) { slots[piece.rawValue][column][position] = made }
        }
        return made
    }

    private static func column(_ language: Language) -> Int { language == .en ? 0 : 1 }
}
