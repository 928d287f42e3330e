import TrilliumModel

extension SiteLoader {
    /// The errors a build reports when twins disagree on `draft` or `publishDate`, for pages
    /// checked one pair at a time (the editor).
    public func publishingAgreementProblems(_ pages: [Page]) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        _ = Self.checkPublishingAgreement(pages, diagnostics: &diagnostics)
        return diagnostics.items
    }
}
