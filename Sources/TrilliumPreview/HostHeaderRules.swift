import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// The production host's headers, read from the `_headers` file the build writes, so the preview
/// sends exactly what visitors will get (CSP, referrer policy, framing rules for embeds…).
///
/// The format: a line starting at column 0 is a path pattern (`/*`, `/en/embed/*`, `/embed.js`);
/// indented lines below it are `Name: value` headers, or `! Name` to drop one set by an earlier rule.
/// Every matching rule applies, in file order.
struct HostHeaderRules: Sendable {
    struct Rule: Sendable {
        var pattern: String
        var set: [(name: String, value: String)] = []
        var removed: [String] = []

        func matches(_ path: String) -> Bool {
            pattern.hasSuffix("*") ? path.hasPrefix(pattern.dropLast()) : path == pattern
        }
    }

    var rules: [Rule]

    /// Rules used before the first good build, when there is no `_headers` file yet.
    static let fallback = HostHeaderRules(rules: [
        Rule(pattern: "/*",
             set: [("Content-Security-Policy", HostConfiguration.contentSecurityPolicy + "; frame-ancestors 'none'")]
                + HostConfiguration.commonHeaders.map { (name: $0.0, value: $0.1) }),
    ])

    init(rules: [Rule]) {
        self.rules = rules
    }

    init(parsing text: String) {
        var rules: [Rule] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if !(rawLine.first?.isWhitespace ?? false) {
                rules.append(Rule(pattern: trimmed))
            } else if !rules.isEmpty {
                if trimmed.hasPrefix("!") {
                    rules[rules.count - 1].removed.append(trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
                } else if let colon = trimmed.firstIndex(of: ":") {
                    let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
                    let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    rules[rules.count - 1].set.append((name, value))
                }
            }
        }
        self.rules = rules
    }

    /// The headers for a URL path (with the base path), in a stable order; one value per name.
    func headers(forPath path: String) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for rule in rules where rule.matches(path) {
            for name in rule.removed {
                result.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            }
            for header in rule.set {
                result.removeAll { $0.name.caseInsensitiveCompare(header.name) == .orderedSame }
                result.append(header)
            }
        }
        return result
    }
}
