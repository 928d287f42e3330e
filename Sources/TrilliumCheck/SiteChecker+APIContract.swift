import Foundation
import TrilliumDirectory
import TrilliumModel
import TrilliumPipeline

/// Where the last published partner API is: a previous build's `Public/` folder or a copy of its `api/` folder.
public struct APIBaseline: Sendable {
    public var folder: URL
    /// The folder as the person wrote it, for messages.
    public var shownAs: String

    public init(folder: URL, shownAs: String) {
        self.folder = folder
        self.shownAs = shownAs
    }
}

extension SiteChecker {
    /// `--api-baseline`: the partner API files this render would publish, compared with the baseline (see `APIContract`).
    func apiContractDiagnostics(_ site: LoadedSite, published: [OutputFile]) -> [Diagnostic] {
        guard let apiBaseline else { return [] }
        let serviceFiles = Dictionary((site.services?.services ?? ServiceList([])).map { ($0.id, $0.sourcePath) }, uniquingKeysWith: { first, _ in first })
        return APIContract.check(baseline: apiBaseline.folder, shownAs: apiBaseline.shownAs, published: published, serviceFiles: serviceFiles)
    }
}
