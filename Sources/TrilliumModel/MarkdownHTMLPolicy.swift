/// Which raw HTML elements may pass through Markdown when a site allows them.
public enum MarkdownHTMLPolicy {
    /// Phrasing elements that cannot run script or load anything.
    public static let permitted: Set<String> = ["abbr", "b", "br", "cite", "dfn", "em", "i", "kbd", "mark", "q", "s", "small", "strong", "sub", "sup", "u", "wbr"]
}
