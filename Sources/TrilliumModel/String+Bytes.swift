/// Splitting and searching strings by ASCII bytes: paths, URLs and keys are ASCII, and working on
/// UTF-8 avoids the Character-by-Character work of `split(separator:)` and `firstIndex(of:)`.
extension String {
    /// Pieces between `separator` bytes (an ASCII character), empty pieces left out.
    package func splitting(byte separator: UInt8) -> [Substring] {
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == separator {
                if index != start { pieces.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { pieces.append(self[start...]) }
        return pieces
    }

    /// The index of the first `byte` (an ASCII character), if any.
    package func firstIndex(ofByte byte: UInt8) -> String.Index? {
        utf8.firstIndex(of: byte)
    }
}
