extension RandomAccessCollection where Index == Int {
    /// In a collection whose elements for which `isBefore` holds all come first: where the first
    /// of the others is (`endIndex` when there is none).
    package func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension Array where Element: Comparable {
    /// Where `value` is or would go in this sorted array.
    package func sortedPosition(of value: Element) -> Int {
        partitionPoint { $0 < value }
    }

    /// Whether this sorted array holds `value`.
    package func containsSorted(_ value: Element) -> Bool {
        let at = sortedPosition(of: value)
        return at < count && self[at] == value
    }
}
