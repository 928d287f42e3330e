import Foundation
import TrilliumModel
import TrilliumPipeline
import TrilliumRender

/// Where the preview tells the author what happens: progress to standard output, problems to
/// standard error. Tests pass a quiet or recording console instead.
public struct PreviewConsole: Sendable {
    public var info: @Sendable (String) -> Void
    public var problem: @Sendable (String) -> Void

    public init(info: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.problem = problem
    }

    /// Writes to the terminal.
    public static let terminal = PreviewConsole(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        problem: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    /// Says nothing.
    public static let quiet = PreviewConsole(info: { _ in }, problem: { _ in })
}
