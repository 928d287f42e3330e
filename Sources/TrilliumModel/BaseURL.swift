/// The one rule for a site's base URL and the one parser of its path.
public enum BaseURL {
    /// An absolute `http:` or `https:` URL with a host, e.g. `https://www.example.org/help/`.
    public static func isValid(_ text: String) -> Bool {
        URLCheck.isAbsoluteWebURL(text)
    }

    /// The URL ending in `/`, as every link is built from it.
    public static func normalized(_ text: String) -> String {
        text.hasSuffix("/") ? text : text + "/"
    }

    /// The path part with a slash at both ends: `/` or `/help/` (empty segments dropped).
    public static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        let segments = afterHost.prefix { $0 != "?" && $0 != "#" }.split(separator: "/")
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }
}
