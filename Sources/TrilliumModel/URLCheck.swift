import Foundation

/// Checks for URLs written by people.
public enum URLCheck {
    /// An absolute `http:` or `https:` URL with a host and no spaces.
    public static func isAbsoluteWebURL(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }), let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, host.contains(".") || host == "localhost" || host == "127.0.0.1"
        else { return false }
        return true
    }

    public static func isHTTPS(_ text: String) -> Bool {
        isAbsoluteWebURL(text) && text.lowercased().hasPrefix("https://")
    }
}
