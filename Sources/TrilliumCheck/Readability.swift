import TrilliumModel
import TrilliumPlan
import TrilliumRender
import TrilliumPipeline

/// Readability of a page's text: Flesch–Kincaid grade for English, Kandel–Moles ease for French.
public struct ReadabilityScore: Sendable, CustomStringConvertible {
    public var file: String
    public var language: Language
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// School grade the text needs (for French, estimated from the Kandel–Moles ease score).
    public var grade: Double
    /// Kandel–Moles reading ease (French only; higher is easier).
    public var ease: Double?

    public var description: String {
        let formula = language == .en ? "Flesch–Kincaid grade \(format(grade))" : "Kandel–Moles ease \(format(ease ?? 0)) (about grade \(format(grade)))"
        return "\(file): readability: \(formula), \(words) words"
    }

    public func format(_ value: Double) -> String { String(Double((value * 10).rounded()) / 10) }
}

public enum Readability {
    /// Scores `text`; nil when there is too little text to judge (under 30 words).
    public static func score(_ text: String, language: Language, file: String) -> ReadabilityScore? {
        let words = text.split { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "-") }.filter { $0.contains(where: \.isLetter) }
        guard words.count >= 30 else { return nil }
        let sentences = max(1, text.split { ".!?\n".contains($0) }.filter { $0.contains(where: \.isLetter) }.count)
        let syllables = words.reduce(0) { $0 + syllableCount(String($1), language) }
        let wordsPerSentence = Double(words.count) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(words.count)
        switch language {
        case .en:
            let grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
            return ReadabilityScore(file: file, language: language, words: words.count, sentences: sentences, syllables: syllables, grade: grade, ease: nil)
        case .fr:
            let ease = 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord
            return ReadabilityScore(file: file, language: language, words: words.count, sentences: sentences, syllables: syllables,
                                    grade: gradeFromEase(ease), ease: ease)
        }
    }

    /// Flesch's table from reading ease to school grade, used for Kandel–Moles' adaptation of it.
    static func gradeFromEase(_ ease: Double) -> Double {
        switch ease {
        case 90...: return 5
        case 80..<90: return 6
        case 70..<80: return 7
        case 60..<70: return 8.5
        case 50..<60: return 11
        case 30..<50: return 14
        default: return 16
        }
    }

    /// Vowel groups, with a silent final e dropped (English `-e`, French mute `-e`, `-es`, `-ent` after a consonant).
    static func syllableCount(_ word: String, _ language: Language) -> Int {
        let lower = TextFolding.fold(word).filter(\.isLetter)
        guard !lower.isEmpty else { return 0 }
        let vowels: Set<Character> = language == .en ? ["a", "e", "i", "o", "u", "y"] : ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for character in lower {
            let vowel = vowels.contains(character)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        let chars = Array(lower)
        if chars.count > 2 {
            switch language {
            case .en:
                if lower.hasSuffix("e") && !lower.hasSuffix("le") && !vowels.contains(chars[chars.count - 2]) { count -= 1 }
            case .fr:
                if lower.hasSuffix("e") || lower.hasSuffix("es") || (lower.hasSuffix("ent") && chars.count > 4) {
                    let stem = lower.hasSuffix("ent") ? chars.count - 4 : lower.hasSuffix("es") ? chars.count - 3 : chars.count - 2
                    if stem >= 0, !vowels.contains(chars[stem]) { count -= 1 }
                }
            }
        }
        return max(1, count)
    }
}
