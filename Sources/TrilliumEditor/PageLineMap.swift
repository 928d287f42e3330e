import TrilliumSource

/// Tells where a line of a page's file is shown in the form: a field (title, sources, other
/// settings…), a line of the body text area, or the page as a whole (line 1, the fences).
struct PageLineMap: Sendable {
    enum Target: Sendable, Equatable {
        case field(String)
        /// The line within the body text area, from 1.
        case body(line: Int)
        case page
    }

    private var ranges: [(lines: ClosedRange<Int>, field: String)] = []
    private var bodyStartLine = Int.max

    init(text: String) {
        guard case .success(let parts) = FrontMatterSplitter().split(text) else { return }
        bodyStartLine = parts.bodyStartLine
        var line = parts.yamlLineOffset + 1
        for block in FrontMatterBlocks.cut(parts.yaml) {
            let count = block.text.filter { $0 == "\n" }.count
            guard count > 0 else { continue }
            let field = block.key.flatMap { PageForm.fieldKeys.contains($0) ? $0 : nil } ?? "other"
            ranges.append((line...(line + count - 1), field))
            line += count
        }
    }

    func target(_ line: Int) -> Target {
        if line >= bodyStartLine { return .body(line: line - bodyStartLine + 1) }
        if line <= 1 { return .page }
        return ranges.first { $0.lines.contains(line) }.map { .field($0.field) } ?? .page
    }
}
