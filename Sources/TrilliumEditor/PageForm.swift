import Foundation
import TrilliumModel
import Yams

/// One language of a page as the editor's form shows it: the front matter keys a person edits
/// most as fields, every other key as YAML in "other settings", and the Markdown body.
struct PageForm: Sendable, Equatable {
    struct Source: Sendable, Equatable {
        var title = ""
        var url = ""
        var date = ""

        var isEmpty: Bool { title.isEmpty && url.isEmpty && date.isEmpty }
    }

    /// The keys with fields of their own, in the order a new page writes them.
    static let fieldKeys = ["title", "description", "slug", "date", "lastmod", "publishDate", "draft", "weight", "sources"]
    /// The one-line text fields among them.
    static let textKeys = ["title", "description", "slug", "date", "lastmod", "publishDate", "weight"]

    var values: [String: String] = [:]
    var draft = false
    var sources: [Source] = []
    /// Front matter keys without a field of their own, as YAML.
    var other = ""
    var body = ""

    init() {}

    /// Reads a page's text. Keys whose value cannot be read as a field (a list where a title
    /// should be, YAML with errors) go to `other` unchanged, so nothing is lost.
    init(text: String) {
        let parsed = FrontMatterBlocks(parsing: text)
        body = parsed.body
        for block in parsed.blocks {
            if let key = block.key, Self.fieldKeys.contains(key), values[key] == nil, read(block, key: key) { continue }
            other += block.text
        }
    }

    /// Takes the value of a field key from its block; false when it is not a plain value.
    private mutating func read(_ block: FrontMatterBlocks.Block, key: String) -> Bool {
        guard let node = (try? Yams.compose(yaml: block.text)) ?? nil, case .mapping(let mapping) = node,
              let value = mapping[key] else { return false }
        switch key {
        case "sources":
            guard case .sequence(let items) = value else { return false }
            var found: [Source] = []
            for item in items {
                guard case .mapping(let fields) = item else { return false }
                let allowed: Set<String> = ["title", "url", "date"]
                guard fields.keys.allSatisfy({ allowed.contains($0.string ?? "") }) else { return false }
                found.append(Source(title: fields["title"]?.scalar?.string ?? "", url: fields["url"]?.scalar?.string ?? "",
                                    date: fields["date"]?.scalar?.string ?? ""))
            }
            sources = found
            values[key] = ""
        case "draft":
            guard let scalar = value.scalar, ["true", "false"].contains(scalar.string) else { return false }
            draft = scalar.string == "true"
            values[key] = scalar.string
        default:
            guard let scalar = value.scalar, !scalar.string.contains("\n") else { return false }
            values[key] = scalar.string
        }
        return true
    }

    /// Reads the fields of one language from a submitted form (names prefixed `en-`, `fr-`).
    init(form: FormFields, prefix: String) {
        for key in Self.textKeys {
            let value = form.trimmed("\(prefix)-\(key)")
            if !value.isEmpty { values[key] = value }
        }
        draft = form["\(prefix)-draft"] != nil
        var index = 0
        while form["\(prefix)-source-\(index)-url"] != nil || form["\(prefix)-source-\(index)-title"] != nil {
            let source = Source(title: form.trimmed("\(prefix)-source-\(index)-title"), url: form.trimmed("\(prefix)-source-\(index)-url"),
                                date: form.trimmed("\(prefix)-source-\(index)-date"))
            if !source.isEmpty { sources.append(source) }
            index += 1
        }
        other = form["\(prefix)-other"] ?? ""
        if !other.isEmpty, !other.hasSuffix("\n") { other += "\n" }
        body = form["\(prefix)-body"] ?? ""
    }

    /// The value a field key has in this form, for comparing two forms key by key.
    func comparable(_ key: String) -> String {
        switch key {
        case "draft": return draft ? "true" : ""
        case "sources": return sources.map { "\($0.title)\u{1}\($0.url)\u{1}\($0.date)" }.joined(separator: "\u{2}")
        default: return values[key] ?? ""
        }
    }

    /// The YAML lines of one field key, or nil when the field is empty.
    func emit(_ key: String) -> String? {
        switch key {
        case "draft":
            return draft ? "draft: true\n" : nil
        case "sources":
            guard !sources.isEmpty else { return nil }
            var out = "sources:\n"
            for source in sources {
                var lines: [String] = []
                if !source.title.isEmpty { lines.append("title: " + YAMLScalar.string(source.title)) }
                if !source.url.isEmpty { lines.append("url: " + YAMLScalar.string(source.url)) }
                if !source.date.isEmpty { lines.append("date: " + YAMLScalar.dateOrNumber(source.date)) }
                for (index, line) in lines.enumerated() { out += (index == 0 ? "  - " : "    ") + line + "\n" }
            }
            return out
        case "date", "lastmod", "publishDate", "weight":
            return values[key].map { "\(key): \(YAMLScalar.dateOrNumber($0))\n" }
        default:
            return values[key].map { "\(key): \(YAMLScalar.string($0))\n" }
        }
    }

    /// The page's text with this form's values, written over `previous` (the text the form was
    /// opened from): unchanged keys keep their lines exactly, changed keys are rewritten in place,
    /// new keys go at the end, and keys emptied in the form are removed.
    func compose(over previous: String) -> String {
        let old = FrontMatterBlocks(parsing: previous)
        let oldForm = PageForm(text: previous)
        let otherBlocks = FrontMatterBlocks.cut(other.hasSuffix("\n") || other.isEmpty ? other : other + "\n")
        var usedOther = Set<Int>()
        var blocks: [FrontMatterBlocks.Block] = []
        var written = Set<String>()
        for block in old.blocks {
            if let key = block.key, Self.fieldKeys.contains(key), oldForm.values[key] != nil, !written.contains(key) {
                written.insert(key)
                if comparable(key) == oldForm.comparable(key) {
                    blocks.append(block)
                } else if let text = emit(key) {
                    blocks.append(FrontMatterBlocks.Block(key: key, text: text))
                }
                continue
            }
            // A key of "other settings": it keeps its place, with whatever text the form now gives it.
            if let index = otherBlocks.indices.first(where: { !usedOther.contains($0) && otherBlocks[$0].key == block.key }) {
                usedOther.insert(index)
                blocks.append(otherBlocks[index])
            }
        }
        for key in Self.fieldKeys where !written.contains(key) {
            if let text = emit(key) { blocks.append(FrontMatterBlocks.Block(key: key, text: text)) }
        }
        for index in otherBlocks.indices where !usedOther.contains(index) { blocks.append(otherBlocks[index]) }
        if !old.hasFrontMatter, blocks.isEmpty { return body }
        let composed = FrontMatterBlocks(blocks: blocks, body: body).text
        // Same keys and body: give back the previous text byte for byte (its fences, its line endings).
        if composed == FrontMatterBlocks(blocks: old.blocks, body: old.body).text { return previous }
        return composed
    }
}
