import TrilliumModel

extension SearchText {
    /// Folds text to lowercase ASCII: `TextFolding.fold`, the one folding shared with heading ids.
    /// search-core.js implements the same rules; the shared vectors prove them equal.
    public static func fold(_ text: String) -> String {
        TextFolding.fold(text)
    }
}
