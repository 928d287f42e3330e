import TrilliumModel

extension SearchText {
    /// Words too common to search for, in their folded spelling ("à" is "a", "où" is "ou").
    ///
    /// Kept short on purpose: "not" and "no" stay searchable ("no cost"). The lists are
    /// written out in search-core.js too, and both are checked against the "stopWords" of
    /// Tests/Fixtures/search-vectors.json.
    static func stopWords(for language: Language) -> Set<String> {
        switch language {
        case .en: return englishStopWords
        case .fr: return frenchStopWords
        }
    }

    static let englishStopWords: Set<String> = [
        "a", "about", "all", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
        "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "so", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was",
        "we", "were", "what", "when", "where", "which", "who", "will", "with", "you", "your",
    ]

    /// Includes the single letters left by an elision written without its word ("l' ").
    static let frenchStopWords: Set<String> = [
        "a", "au", "aux", "avec", "c", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "elles",
        "en", "est", "et", "etre", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs",
        "lui", "m", "ma", "mais", "me", "mes", "n", "ne", "nous", "on", "ou", "par", "pas", "pour",
        "qu", "que", "qui", "s", "sa", "se", "ses", "si", "son", "sont", "sur", "t", "ta", "te", "tes",
        "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
    ]
}
