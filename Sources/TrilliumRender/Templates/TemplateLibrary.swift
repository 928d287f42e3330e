import TrilliumModel

/// The compiled templates of a theme, rendered straight into bytes.
///
/// A lookup climbs the context stack as Mustache does (the innermost view that has the first part
/// of a name wins), then follows the rest of a dotted name. Values are escaped with
/// `MarkupEscaping` as they are appended.
struct TemplateLibrary: Sendable {
    /// One step of a compiled template. The templates are one flat program: a section's or a
    /// block's contents follow it, up to `end`; nothing in it is counted by reference, so walking
    /// it copies no node (it ran for every tag of every page).
    fileprivate struct Instruction: Sendable {
        enum Op: UInt8, Sendable {
            /// `bytes[start..<end]`.
            case text
            /// The value of `names[name]`.
            case variable
            /// `bytes[start..<end]`, the value of `names[name]` rendered in advance (`folding`).
            case folded
            /// The instructions up to `end`, with the value of `names[name]`.
            case section
            case inverted
            /// Template `name` (an index in `templates`, -1 when there is none), indented by
            /// `indentations[indentation]` (-1: none), with the blocks `overrides[overrides]` (-1: none).
            case partial
            /// Block `blockNames[name]`, indented by `indentations[indentation]`: the override
            /// inherited, or the instructions up to `end`.
            case block
        }
        var op: Op
        var escaped = false
        var name: Int32 = -1
        var start: Int32 = 0
        var end: Int32 = 0
        var indentation: Int32 = -1
        var overrides: Int32 = -1
    }

    /// Where a template's (or an override's) instructions are.
    fileprivate typealias Span = Range<Int32>

    fileprivate var code: [Instruction] = []
    /// The bytes of texts and folded variables.
    fileprivate var bytes: [UInt8] = []
    /// Names: a range of `fields` and `raws` (empty: the implicit iterator `.`).
    fileprivate var names: [Span] = []
    fileprivate var fields: [TemplateField?] = []
    fileprivate var raws: [String] = []
    fileprivate var indentations: [[UInt8]] = []
    fileprivate var overrides: [[String: Span]] = []
    fileprivate var blockNames: [String] = []
    fileprivate var templates: [Span] = []
    private var templateIndex: [String: Int32] = [:]

    init(_ templates: [String: [TemplateNode]]) {
        let names = templates.keys.sorted()
        for (number, name) in names.enumerated() { templateIndex[name] = Int32(number) }
        self.templates = Array(repeating: 0..<0, count: names.count)
        for (number, name) in names.enumerated() { self.templates[number] = emit(templates[name]!) }
    }

    /// Appends `nodes` (and what they contain) to the program; returns where they are.
    private mutating func emit(_ nodes: [TemplateNode]) -> Span {
        // Overrides are emitted after the nodes that use them, so a sequence stays in one piece.
        var pending: [(table: Int, nodes: [String: [TemplateNode]])] = []
        let start = Int32(code.count)
        emit(nodes, pending: &pending)
        let end = Int32(code.count)
        for (table, bodies) in pending {
            for (block, body) in bodies.sorted(by: { $0.key < $1.key }) {
                let span = emit(body)
                overrides[table][block] = span
            }
        }
        return start..<end
    }

    private mutating func emit(_ nodes: [TemplateNode], pending: inout [(table: Int, nodes: [String: [TemplateNode]])]) {
        for node in nodes {
            switch node {
            case .text(let text):
                code.append(Instruction(op: .text, start: Int32(bytes.count), end: Int32(bytes.count + text.count)))
                bytes += text
            case .variable(let name, let escaped):
                code.append(Instruction(op: .variable, escaped: escaped, name: intern(name)))
            case .folded(let text, let name, let escaped):
                code.append(Instruction(op: .folded, escaped: escaped, name: intern(name), start: Int32(bytes.count), end: Int32(bytes.count + text.count)))
                bytes += text
            case .section(let name, let children, let inverted):
                let at = code.count
                code.append(Instruction(op: inverted ? .inverted : .section, name: intern(name)))
                emit(children, pending: &pending)
                code[at].end = Int32(code.count)
            case .partial(let name, let indentation, let blocks):
                var instruction = Instruction(op: .partial, name: templateIndex[name] ?? -1)
                if let indentation {
                    instruction.indentation = Int32(indentations.count)
                    indentations.append(indentation)
                }
                if let blocks {
                    instruction.overrides = Int32(overrides.count)
                    pending.append((overrides.count, blocks))
                    overrides.append([:])
                }
                code.append(instruction)
            case .block(let name, let defaultNodes, let indentation):
                let at = code.count
                code.append(Instruction(op: .block, name: Int32(blockNames.count), indentation: Int32(indentations.count)))
                blockNames.append(name)
                indentations.append(indentation)
                emit(defaultNodes, pending: &pending)
                code[at].end = Int32(code.count)
            case .blockDefinition:
                // Renders nothing where it stands (its parent tag reads it as an override).
                break
            }
        }
    }

    private mutating func intern(_ name: TemplateName) -> Int32 {
        let start = Int32(fields.count)
        for part in name.parts {
            fields.append(part.field)
            raws.append(part.raw)
        }
        names.append(start..<Int32(fields.count))
        return Int32(names.count - 1)
    }

    func contains(_ name: String) -> Bool { templateIndex[name] != nil }

    /// This library with every variable whose name starts with one of `fields` rendered in advance
    /// with `root` as the context: for pages whose root view has the same values in those fields.
    ///
    /// That gives the same bytes when no other view answers those fields (`TemplateField.pageConstants`),
    /// so that such a name always climbs to the root, and when no table of UI strings (which could
    /// answer any name) is on the stack: there the variable is looked up as usual.
    func folding(_ fields: Set<TemplateField>, of root: any TemplateObject) -> TemplateLibrary {
        var result = self
        let stack: [TemplateValue] = [.object(root)]
        for index in code.indices where code[index].op == .variable {
            let name = names[Int(code[index].name)]
            guard !name.isEmpty, let field = self.fields[Int(name.lowerBound)], fields.contains(field) else { continue }
            let start = Int32(result.bytes.count)
            Renderer.append(resolve(code[index].name, in: stack), escaped: code[index].escaped, to: &result.bytes)
            result.code[index].op = .folded
            result.code[index].start = start
            result.code[index].end = Int32(result.bytes.count)
        }
        return result
    }

    /// The bytes of template `name` rendered with `root`, or nil when there is no such template.
    func render(_ name: String, with root: any TemplateObject) -> [UInt8]? {
        render(name, stack: [root], capacity: 32 * 1024)
    }

    /// The bytes of template `name` rendered with `stack` as its context, outermost first (a
    /// partial rendered on its own, such as a card, with the page's view below its own).
    func render(_ name: String, stack objects: [any TemplateObject], capacity: Int) -> [UInt8]? {
        guard let template = templateIndex[name] else { return nil }
        var stack: [TemplateValue] = objects.map { .object($0) }
        return code.withUnsafeBufferPointer { code in
            bytes.withUnsafeBufferPointer { bytes in
                var renderer = Renderer(library: self, code: code, bytes: bytes)
                renderer.output.reserveCapacity(capacity)
                renderer.render(templates[Int(template)], stack: &stack, inherited: nil, indentation: nil)
                return renderer.output
            }
        }
    }

    /// The value of `names[name]` in `stack`: the innermost value that has the name's first part,
    /// then the rest of the name from there.
    fileprivate func resolve(_ name: Int32, in stack: [TemplateValue]) -> TemplateValue {
        let parts = names[Int(name)]
        guard !parts.isEmpty else { return stack.last ?? .missing }
        // By index, not by copying each value and part out: this runs for every name on every page.
        let first = Int(parts.lowerBound), end = Int(parts.upperBound)
        var level = stack.count - 1
        while level >= 0 {
            var found = child(of: stack[level], first)
            level -= 1
            if case .missing = found { continue }
            var index = first + 1
            while index < end {
                found = child(of: found, index)
                if case .missing = found { return .missing }
                index += 1
            }
            return found
        }
        return .missing
    }

    private func child(of value: TemplateValue, _ part: Int) -> TemplateValue {
        switch value {
        case .object(let object): fields[part].map { object.value(of: $0) } ?? .missing
        case .strings(let table): table[raws[part]].map { .text($0) } ?? .missing
        default: .missing
        }
    }

    private struct Renderer {
        let library: TemplateLibrary
        let code: UnsafeBufferPointer<Instruction>
        let bytes: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        /// How many tables of UI strings sections have put on the stack.
        var tables = 0

        init(library: TemplateLibrary, code: UnsafeBufferPointer<Instruction>, bytes: UnsafeBufferPointer<UInt8>) {
            self.library = library
            self.code = code
            self.bytes = bytes
        }

        /// The instructions of `span`, a sequence: each one's contents are skipped after it.
        mutating func render(_ span: Span, stack: inout [TemplateValue], inherited: [String: Span]?, indentation: [UInt8]?) {
            // swift-mustache indents an indented partial's output where a node starts on a new line.
            let start = output.count
            var index = Int(span.lowerBound)
            let end = Int(span.upperBound)
            while index < end {
                let before = output.count
                index = render(at: index, stack: &stack, inherited: inherited, indentation: indentation)
                if let indentation, !indentation.isEmpty, output.count > before, before > start, output[before - 1] == 0x0A {
                    output.insert(contentsOf: indentation, at: before)
                }
            }
        }

        /// Renders the instruction at `index`; returns the index of the one after it (and its contents).
        mutating func render(at index: Int, stack: inout [TemplateValue], inherited: [String: Span]?, indentation: [UInt8]?) -> Int {
            let instruction = code[index]
            switch instruction.op {
            case .text:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(instruction.start)..<Int(instruction.end)]))
            case .variable:
                Self.append(library.resolve(instruction.name, in: stack), escaped: instruction.escaped, to: &output)
            case .folded:
                if tables == 0 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(instruction.start)..<Int(instruction.end)]))
                } else {
                    Self.append(library.resolve(instruction.name, in: stack), escaped: instruction.escaped, to: &output)
                }
            case .section, .inverted:
                let children = Int32(index + 1)..<instruction.end
                let value = library.resolve(instruction.name, in: stack)
                if instruction.op == .inverted {
                    let empty: Bool = switch value {
                    case .missing: true
                    case .flag(let flag): !flag
                    case .list(let items): items.isEmpty
                    default: false
                    }
                    if empty { render(children, stack: &stack, inherited: inherited, indentation: indentation) }
                    return Int(instruction.end)
                }
                switch value {
                case .missing: break
                case .flag(let flag):
                    if flag { render(children, stack: &stack, inherited: inherited, indentation: indentation) }
                case .list(let items):
                    for item in items {
                        let table = if case .strings = item { 1 } else { 0 }
                        tables += table
                        stack.append(item)
                        render(children, stack: &stack, inherited: inherited, indentation: indentation)
                        stack.removeLast()
                        tables -= table
                    }
                case .strings:
                    tables += 1
                    stack.append(value)
                    render(children, stack: &stack, inherited: inherited, indentation: indentation)
                    stack.removeLast()
                    tables -= 1
                default:
                    stack.append(value)
                    render(children, stack: &stack, inherited: inherited, indentation: indentation)
                    stack.removeLast()
                }
                return Int(instruction.end)
            case .partial:
                guard instruction.name >= 0 else { break }
                let nested = instruction.indentation >= 0 ? (indentation ?? []) + library.indentations[Int(instruction.indentation)] : indentation
                var merged = inherited
                if instruction.overrides >= 0 {
                    merged = (inherited ?? [:]).merging(library.overrides[Int(instruction.overrides)]) { outer, _ in outer }
                }
                render(library.templates[Int(instruction.name)], stack: &stack, inherited: merged, indentation: nested)
            case .block:
                let nested = (indentation ?? []) + library.indentations[Int(instruction.indentation)]
                let body = inherited?[library.blockNames[Int(instruction.name)]] ?? Int32(index + 1)..<instruction.end
                render(body, stack: &stack, inherited: inherited, indentation: nested.isEmpty ? indentation : nested)
                return Int(instruction.end)
            }
            return index + 1
        }

        /// A variable's value as a template writes it.
        static func append(_ value: TemplateValue, escaped: Bool, to output: inout [UInt8]) {
            switch value {
            case .text(let text):
                if escaped { MarkupEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            case .number(let number): output.append(contentsOf: String(number).utf8)
            case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .missing, .object, .list, .strings: break
            }
        }
    }
}
