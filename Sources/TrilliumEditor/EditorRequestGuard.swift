import FlyingFox
import Foundation

/// Decides whether a request that changes something may go ahead: it must carry this session's
/// token (a form field or the `X-Trillium-Token` header) and an `Origin` equal to the address it
/// was sent to. Another site's page can send a form to 127.0.0.1 but cannot read the token, and
/// its browser names its own origin. The preview has already checked the Host header.
struct EditorRequestGuard: Sendable {
    let token: String

    /// A new random token: 32 bytes from the system's generator, in hex.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Nil when the request may change something; otherwise why not.
    func refusal(host: String?, origin: String?, token sent: String?) -> String? {
        guard let host, !host.isEmpty else { return "the request has no Host header" }
        guard let origin else { return "the request has no Origin header" }
        guard origin.lowercased() == "http://" + host.lowercased() else { return "the request comes from another site (\(origin))" }
        guard let sent, Self.equalInConstantTime(sent, token) else { return "the request does not carry this editor session's token" }
        return nil
    }

    func refusal(_ request: HTTPRequest, form: FormFields) -> String? {
        refusal(host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")],
                token: request.headers[HTTPHeader("X-Trillium-Token")] ?? form["token"])
    }

    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
