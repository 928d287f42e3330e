import FlyingFox
import Foundation
import TrilliumModel

extension EditorRequestHandler {
    func service(_ context: Context) async -> HTTPResponse { notFound() }
    func serviceCheckJSON(form: FormFields) async -> HTTPResponse { notFound() }
}
