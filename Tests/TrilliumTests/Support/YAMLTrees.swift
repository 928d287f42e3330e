import Yams
@testable import TrilliumSource

/// Yams's reading of a YAML text, and a tree written out with every node's position and style,
/// so the fast readers (`FlatYAML`, `BlockYAML`) can be compared with Yams as text.
enum YAMLTrees {
    static func yams(_ text: String) throws -> YAMLNode? {
        try Yams.compose(yaml: text, Resolver.basic).map(YAMLNode.init)
    }

    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "\(node.line):\(node.column)"
        switch node.kind {
        case .scalar(let text, let style): return "\(at) \(style) \(text.debugDescription)"
        case .mapping(let pairs): return "\(at) {" + pairs.map { describe($0.key) + " => " + describe($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let items): return "\(at) [" + items.map(describe).joined(separator: ", ") + "]"
        case .alias: return "\(at) alias"
        }
    }
}
