import Foundation
import Trillium

/// Placeholder until the preview server lands.
public struct PreviewServer: Sendable {
    let options: BuildOptions
    let port: UInt16

    public init(options: BuildOptions, port: UInt16) {
        self.options = options
        self.port = port
    }

    public func run() async throws {}
}
