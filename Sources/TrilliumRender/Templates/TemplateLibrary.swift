import TrilliumModel

/// The compiled templates of a theme, rendered straight into bytes.
///
/// A lookup climbs the context stack as Mustache does (the innermost view that has the first part
/// of a name wins), then follows the rest of a dotted name. Values are escaped with
/// `MarkupEscaping` as they are appended.
struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateNode]]

    init(_ templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// This library with every variable whose name starts with one of `fields` rendered in advance
    /// with `root` as the context: for pages whose root view has the same values in those fields.
    ///
    /// That gives the same bytes when no other view answers those fields (`TemplateField.pageConstants`),
    /// so that such a name always climbs to the root, and when no table of UI strings (which could
    /// answer any name) is on the stack: there the variable is looked up as usual.
    func folding(_ fields: Set<TemplateField>, of root: any TemplateObject) -> TemplateLibrary {
        let stack: [TemplateValue] = [.object(root)]
        func fold(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.map { node in
                switch node {
                case .variable(let name, let escaped):
                    guard let field = name.parts.first?.field, fields.contains(field) else { return node }
                    var bytes: [UInt8] = []
                    Renderer.append(Renderer.resolve(name, in: stack), escaped: escaped, to: &bytes)
                    return .folded(bytes, name, escaped: escaped)
                case .section(let name, let children, let inverted):
                    return .section(name, fold(children), inverted: inverted)
                case .partial(let name, let indentation, let overrides):
                    return .partial(name, indentation: indentation, overrides: overrides?.mapValues(fold))
                case .block(let name, let defaultNodes, let indentation):
                    return .block(name, defaultNodes: fold(defaultNodes), indentation: indentation)
                case .blockDefinition(let name, let children):
                    return .blockDefinition(name, fold(children))
                case .text, .folded:
                    return node
                }
            }
        }
        return TemplateLibrary(templates.mapValues(fold))
    }

    /// The bytes of template `name` rendered with `root`, or nil when there is no such template.
    func render(_ name: String, with root: any TemplateObject) -> [UInt8]? {
        render(name, stack: [root], capacity: 32 * 1024)
    }

    /// The bytes of template `name` rendered with `stack` as its context, outermost first (a
    /// partial rendered on its own, such as a card, with the page's view below its own).
    func render(_ name: String, stack objects: [any TemplateObject], capacity: Int) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = Renderer(library: self)
        renderer.output.reserveCapacity(capacity)
        var stack: [TemplateValue] = objects.map { .object($0) }
        renderer.render(nodes, stack: &stack, inherited: nil, indentation: nil)
        return renderer.output
    }

    private struct Renderer {
        let library: TemplateLibrary
        var output: [UInt8] = []
        /// How many tables of UI strings sections have put on the stack.
        var tables = 0

        mutating func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], inherited: [String: [TemplateNode]]?,
                             indentation: [UInt8]?) {
            // swift-mustache indents an indented partial's output where a node starts on a new line.
            let start = output.count
            for node in nodes {
                let before = output.count
                render(node, stack: &stack, inherited: inherited, indentation: indentation)
                if let indentation, !indentation.isEmpty, output.count > before, before > start, output[before - 1] == 0x0A {
                    output.insert(contentsOf: indentation, at: before)
                }
            }
        }

        mutating func render(_ node: TemplateNode, stack: inout [TemplateValue], inherited: [String: [TemplateNode]]?,
                             indentation: [UInt8]?) {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                Self.append(Self.resolve(name, in: stack), escaped: escaped, to: &output)
            case .folded(let bytes, let name, let escaped):
                if tables == 0 {
                    output.append(contentsOf: bytes)
                } else {
                    Self.append(Self.resolve(name, in: stack), escaped: escaped, to: &output)
                }
            case .section(let name, let children, let inverted):
                let value = Self.resolve(name, in: stack)
                if inverted {
                    let empty: Bool = switch value {
                    case .missing: true
                    case .flag(let flag): !flag
                    case .list(let items): items.isEmpty
                    default: false
                    }
                    if empty { render(children, stack: &stack, inherited: inherited, indentation: indentation) }
                    return
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
            case .partial(let name, let indented, let overrides):
                guard let template = library.templates[name] else { return }
                let nested = indented.map { (indentation ?? []) + $0 } ?? indentation
                var merged = inherited
                if let overrides {
                    merged = (inherited ?? [:]).merging(overrides) { outer, _ in outer }
                }
                render(template, stack: &stack, inherited: merged, indentation: nested)
            case .block(let name, let defaultNodes, let indented):
                let nested = (indentation ?? []) + indented
                render(inherited?[name] ?? defaultNodes, stack: &stack, inherited: inherited, indentation: nested.isEmpty ? indentation : nested)
            case .blockDefinition:
                break
            }
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

        static func resolve(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue {
            let parts = name.parts
            guard !parts.isEmpty else { return stack.last ?? .missing }
            // By index, not by copying each value and part out: this runs for every name on every page.
            var level = stack.count - 1
            while level >= 0 {
                var found = Self.child(of: stack[level], parts[0])
                level -= 1
                if case .missing = found { continue }
                var index = 1
                while index < parts.count {
                    found = Self.child(of: found, parts[index])
                    if case .missing = found { return .missing }
                    index += 1
                }
                return found
            }
            return .missing
        }

        static func child(of value: TemplateValue, _ part: TemplateName.Part) -> TemplateValue {
            switch value {
            case .object(let object): part.field.map { object.value(of: $0) } ?? .missing
            case .strings(let table): table[part.raw].map { .text($0) } ?? .missing
            default: .missing
            }
        }
    }
}
