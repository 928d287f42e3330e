/// A Mustache template parsed into nodes: text as bytes, names compiled to `TemplateField`s.
///
/// The rules are Mustache's, as swift-mustache (which rendered Trillium's themes before) applies
/// them, so themes render byte for byte as they did: standalone tags take their whole line,
/// partials and parents (`{{<base}}` with `{{$block}}` overrides), comments, set delimiters.
/// Lambdas, transforms and dynamic partials are not supported (views are plain values).
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}` (block overrides).
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a template others extend.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside a parent tag: an override.
    case blockDefinition(String, [TemplateNode])
    /// A variable whose value is the same on every page of a language, rendered once in advance
    /// (`TemplateLibrary.folding`); the variable itself is kept for a context where a table of UI
    /// strings could answer its name first.
    case folded([UInt8], TemplateName, escaped: Bool)
}

/// A dotted name (`contact.hotline.tel`) or the implicit iterator (`.`).
struct TemplateName: Sendable {
    struct Part: Sendable {
        var raw: String
        var field: TemplateField?
    }

    var parts: [Part]
    var isImplicit: Bool { parts.isEmpty }

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".").map { Part(raw: String($0), field: TemplateField(rawValue: String($0))) }
    }
}

/// A syntax error with the line and column where it was found.
struct TemplateSyntaxError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

struct TemplateParser {
    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start = Array("{{".utf8)
        var end = Array("}}".utf8)
        var partialDefinitionIndent: [UInt8]?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            return try parser.parse(State())
        } catch let problem as Problem {
            let (line, column) = parser.lineAndColumn()
            throw TemplateSyntaxError(message: problem.message, line: line, column: column)
        } catch {
            throw TemplateSyntaxError(message: "\(error)", line: 1, column: 1)
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private struct Problem: Error {
        var message: String
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Length of the newline at `index` (`\n` or `\r\n`), or 0.
    private func newlineLength(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == Self.newline { return 1 }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.newline { return 2 }
        return 0
    }

    private func lineAndColumn() -> (Int, Int) {
        var line = 1, lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        return (line, position - lineStart + 1)
    }

    @discardableResult
    private mutating func readWhile(_ keep: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while position < bytes.count, keep(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    private func starts(with sequence: [UInt8], at index: Int) -> Bool {
        guard index + sequence.count <= bytes.count else { return false }
        for (offset, byte) in sequence.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private mutating func read(_ sequence: [UInt8]) -> Bool {
        guard starts(with: sequence, at: position) else { return false }
        position += sequence.count
        return true
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?".utf8)
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?/".utf8)

    /// Text up to the next newline (not consumed) or start delimiter (consumed), or the end.
    private mutating func readText(_ state: State) -> [UInt8] {
        let start = position
        while position < bytes.count {
            if newlineLength(at: position) > 0 { return Array(bytes[start..<position]) }
            if starts(with: state.start, at: position) {
                let text = Array(bytes[start..<position])
                position += state.start.count
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    private mutating func parseName(_ state: State) throws -> String {
        readWhile(Self.isWhitespace)
        let name = readWhile { Self.nameCharacters.contains($0) }
        readWhile(Self.isWhitespace)
        if current == UInt8(ascii: "(") || current == UInt8(ascii: "*") {
            throw Problem(message: "transforms and dynamic names are not supported")
        }
        guard read(state.end) else { throw Problem(message: "unfinishedName") }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        readWhile(Self.isWhitespace)
        if current == UInt8(ascii: "*") { throw Problem(message: "dynamic partials are not supported") }
        let name = readWhile { Self.partialNameCharacters.contains($0) }
        readWhile(Self.isWhitespace)
        guard read(state.end) else { throw Problem(message: "unfinishedName") }
        return String(decoding: name, as: UTF8.self)
    }

    /// At the end, or only spaces and tabs before a newline (which is then consumed).
    private mutating func hasLineFinished() -> Bool {
        if atEnd { return true }
        var look = position
        while look < bytes.count, bytes[look] == Self.space || bytes[look] == Self.tab { look += 1 }
        let length = newlineLength(at: look)
        guard length > 0 else { return false }
        position = look + length
        return true
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && hasLineFinished()
    }

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(whitespaceBefore))
                whitespaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let white = readWhile { $0 == Self.space || $0 == Self.tab }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = Array(white.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = white
                    }
                } else {
                    whitespaceBefore = white
                }
            }
            let text = readText(state)
            let newlineLength = newlineLength(at: position)
            if newlineLength > 0 {
                nodes.append(.text(whitespaceBefore + text + bytes[position..<position + newlineLength]))
                state.newLine = true
                position += newlineLength
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let children = try parse(state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(TemplateName(name), children, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let start = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    position = start
                    throw Problem(message: "sectionCloseNameIncorrect")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                while !atEnd, !starts(with: state.end, at: position) { position += 1 }
                guard read(state.end) else { throw Problem(message: "unfinished comment") }
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let name = try parseName(state)
                guard read([UInt8(ascii: "}")]) else { throw Problem(message: "unfinishedName") }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let name = try parseName(state)
                nodes.append(.variable(TemplateName(name), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = []
            case UInt8(ascii: "<"):
                position += 1
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let children = try parse(state.withInheritancePartial(name))
                var overrides: [String: [TemplateNode]] = [:]
                for child in children {
                    switch child {
                    case .blockDefinition(let block, let content): overrides[block] = content
                    case .text: continue
                    default: throw Problem(message: "illegalTokenInsideInheritSection")
                    }
                }
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try parseName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, children))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, defaultNodes: children, indentation: whitespaceBefore))
                    whitespaceBefore = []
                }
            case UInt8(ascii: "="):
                position += 1
                state = try parseDelimiters(state)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                // Pragmas (`{{% CONTENT_TYPE: … }}`) change nothing here: values are always HTML-escaped.
                while !atEnd, !starts(with: state.end, at: position) { position += 1 }
                guard read(state.end) else { throw Problem(message: "invalidConfigVariableSyntax") }
                setNewLine = isStandalone(state)
            default:
                flushWhitespace()
                let name = try parseName(state)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Problem(message: "expectedSectionEnd") }
        return nodes
    }

    private mutating func parseDelimiters(_ state: State) throws -> State {
        readWhile(Self.isWhitespace)
        let start = readWhile { !Self.isWhitespace($0) }
        readWhile(Self.isWhitespace)
        let end = readWhile { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") }
        readWhile(Self.isWhitespace)
        guard read([UInt8(ascii: "=")]), read(state.end), !start.isEmpty, !end.isEmpty else {
            throw Problem(message: "invalidSetDelimiter")
        }
        var next = state
        next.start = start
        next.end = end
        next.isPartialDefinitionTopLevel = false
        return next
    }
}
