import FlyingFox
import Foundation
import TrilliumModel

/// Publishing: check, show the diffs, commit with the person's message, push.
extension EditorRequestHandler {
    func publish(_ context: Context) async -> HTTPResponse {
        let text = self.text(context.ui)
        let publisher = Publisher(options: session.publishOptions)
        let unsaved = session.drafts.all().map(\.path)
        let preparation = await publisher.prepare()
        func view(message: String = "", error: String? = nil, outcome: Publisher.Outcome? = nil, failure: Publisher.Failure? = nil,
                  status: HTTPStatusCode = .ok) -> HTTPResponse {
            EditorResponses.html(PublishView(layout: layout(context), preparation: preparation, unsaved: unsaved, message: message,
                                             messageError: error, outcome: outcome, failure: failure).render(), status: status)
        }
        guard context.isPost, case .ready(let changes, _) = preparation else { return view() }
        let message = context.form.trimmed("message")
        guard !message.isEmpty else { return view(error: text.t("publishMessageMissing"), status: .unprocessableContent) }
        // Only files that are still changed, and that the person saw: nothing else is committed.
        let shown = Set(context.form.all("paths"))
        let paths = changes.map(\.path).filter { shown.contains($0) }
        guard !paths.isEmpty, paths.allSatisfy({ $0.hasPrefix("Content/") && ContentPath(String($0.dropFirst(8))) != nil || $0 == "Content/services/taxonomy.yaml" || $0 == "Content/site.yaml" }) else {
            return view(message: message, error: text.t("publishChangedMeanwhile"), status: .conflict)
        }
        do {
            let outcome = try await publisher.publish(paths: paths, message: message)
            console.info("Editor: published \(paths.count) file\(paths.count == 1 ? "" : "s") as \(outcome.commit)")
            return view(outcome: outcome)
        } catch let failure as Publisher.Failure {
            return view(message: message, failure: failure, status: .internalServerError)
        } catch {
            return view(message: message, status: .internalServerError)
        }
    }
}
