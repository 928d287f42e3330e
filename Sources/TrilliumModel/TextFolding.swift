/// Folding of accented Latin letters to ASCII, shared by heading ids and slugs.
public enum TextFolding {
    static let table: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "î": "i", "ï": "i", "í": "i", "ì": "i", "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "ù": "u", "û": "u",
        "ü": "u", "ú": "u", "ÿ": "y", "ñ": "n", "œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'",
    ]

    /// Lowercases and folds accents; other characters pass through lowercased.
    public static func foldToASCII(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            if character.isASCII { result.append(character) } else if let folded = table[character] { result += folded } else { result.append(character) }
        }
        return result
    }
}
