import TrilliumModel
import TrilliumRender
import TrilliumPipeline

/// The script and stylesheet the preview adds to pages. They are served from `/__trillium/` only
/// by `trillium serve` and never written into a built site.
///
/// The script builds its dialog with DOM calls and `textContent` only (file paths and messages are
/// author-controlled text), and styles it with a same-origin stylesheet, so the site's strict
/// content security policy (`script-src 'self'`, `style-src 'self'`) needs no exception.
enum LiveReloadAssets {
    static let scriptPath = "/__trillium/live.js"
    static let stylesheetPath = "/__trillium/live.css"
    static let eventsPath = "/__trillium/events"

    /// The script, from `Resources/live-reload.js` in the preview's resource bundle.
    static let script = PreviewResources.text("live-reload.js")
    /// The dialog's stylesheet, from `Resources/live-reload.css`.
    static let stylesheet = PreviewResources.text("live-reload.css")
}
