import FlyingFox
import Foundation
import TrilliumModel

extension EditorRequestHandler {
    func publish(_ context: Context) async -> HTTPResponse { notFound() }
}
