extension SiteRenderer.PageOutcome {
    /// The page's text without markup, when it was rendered with `keepPlainText: true`
    /// (for readability and source checks of a single page, as the editor runs them).
    public var text: String { plainText }
}
