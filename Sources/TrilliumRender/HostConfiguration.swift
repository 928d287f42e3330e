import TrilliumModel
import TrilliumMarkdown
import TrilliumDirectory
import TrilliumSearch
import TrilliumPlan

/// HTTP headers for the hosts that serve the site: a `_headers` file and an nginx server block
/// with the same rules.
///
/// The `_headers` file uses Cloudflare Pages' syntax: a narrower rule replaces a header of a wider
/// one with a `! Name` line first. Netlify does not know that line (it keeps the most specific
/// rule's value on its own), so strip those lines before deploying there.
public struct HostConfiguration: Sendable {
    let config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    /// The page policy. `frame-ancestors` can only be sent as a header, not in `<meta>`.
    public static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

    public static let pagePolicy = contentSecurityPolicy + "; frame-ancestors 'none'"
    public var pagePolicy: String { Self.pagePolicy }
    /// Embeddable pages may be framed by partners' sites.
    public var embedPolicy: String { Self.contentSecurityPolicy + "; frame-ancestors *" }

    public static let commonHeaders = [
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]

    public func headersFile() -> String {
        let base = config.basePath
        var lines: [String] = ["\(base)*"]
        lines.append("  Content-Security-Policy: \(pagePolicy)")
        for (name, value) in Self.commonHeaders { lines.append("  \(name): \(value)") }
        lines.append("  Cache-Control: public, max-age=0, must-revalidate")
        for language in Language.allCases {
            lines.append("\(base)\(language.rawValue)/embed/*")
            lines.append("  ! Content-Security-Policy")
            lines.append("  Content-Security-Policy: \(embedPolicy)")
        }
        lines.append("\(base)assets/*")
        lines.append("  ! Cache-Control")
        lines.append("  Cache-Control: public, max-age=31536000, immutable")
        lines.append("\(base)api/*")
        lines.append("  Access-Control-Allow-Origin: *")
        lines.append("  Access-Control-Allow-Methods: GET, HEAD, OPTIONS")
        lines.append("  ! Cache-Control")
        lines.append("  Cache-Control: public, max-age=300, must-revalidate")
        lines.append("\(base)embed.js")
        lines.append("  Access-Control-Allow-Origin: *")
        lines.append("  ! Cache-Control")
        lines.append("  Cache-Control: public, max-age=3600, must-revalidate")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An nginx `server` block serving `root` at the base URL's path with the same headers.
    ///
    /// nginx drops inherited `add_header`s in a block that adds its own, so each location lists all
    /// of them; the nested feed locations add none and so keep their parent's. `try_files … =404`
    /// plus a per-language `error_page` gives a missing page the 404 page in the right language,
    /// and a folder without an index gets the same 404 instead of nginx's bare 403.
    public func nginxServer(root: String, listen: String = "80", serverName: String = "_") -> String {
        let base = config.basePath
        let folder = root.hasSuffix("/") ? root : root + "/"
        let html = "public, max-age=0, must-revalidate"
        var lines = [
            "# nginx server block for a Trillium site built with base URL \(config.baseURL)",
            "server {",
        ]
        var body = [
            "listen \(listen);",
            "server_name \(serverName);",
            "server_tokens off;",
            // Relative redirects (`/en/about` to `/en/about/`) stay right behind a TLS proxy.
            "absolute_redirect off;",
            "charset utf-8;",
            "charset_types text/plain text/xml text/css application/javascript application/json application/feed+json application/atom+xml;",
            "include /etc/nginx/mime.types;",
            "default_type application/octet-stream;",
            "gzip on;",
            "gzip_vary on;",
            "gzip_types text/plain text/xml text/css application/javascript application/json application/feed+json application/atom+xml image/svg+xml;",
            "error_page 403 404 =404 \(base)\(Language.en.rawValue)/404.html;",
            "",
        ]
        if base != "/" {
            let bare = String(base.dropLast())
            body.append("location = \(bare) { return 301 \(base); }")
        }
        body += location(base, alias: folder, policy: pagePolicy, cache: html, pages: true)
        for language in Language.allCases {
            let code = language.rawValue
            let notFound = "error_page 403 404 =404 \(base)\(code)/404.html;"
            body += location("\(base)\(code)/", alias: folder + code + "/", policy: pagePolicy, cache: html, pages: true, extra: [
                notFound,
                // Feeds keep the types their <link> tags announce; mime.types would say text/xml and application/json.
                "location ~ /feed\\.xml$ { types { } default_type application/atom+xml; }",
                "location ~ /feed\\.json$ { types { } default_type application/feed+json; }",
            ])
            body += location("\(base)\(code)/embed/", alias: folder + code + "/embed/", policy: embedPolicy, cache: html, pages: true, extra: [notFound])
        }
        body += location("\(base)assets/", alias: folder + "assets/", policy: pagePolicy, cache: "public, max-age=31536000, immutable")
        body += location("\(base)api/", alias: folder + "api/", policy: pagePolicy, cache: "public, max-age=300, must-revalidate", cors: true, extra: [
            "if ($request_method = OPTIONS) { return 204; }",
        ])
        body += location("= \(base)embed.js", alias: folder + "embed.js", policy: pagePolicy, cache: "public, max-age=3600, must-revalidate", cors: true)
        // The host rules file is for other hosts; never serve it.
        body.append("location = \(base)_headers { return 404; }")
        lines += body.map { $0.isEmpty ? "" : "    " + $0 }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One `location` block with the full header set.
    private func location(_ match: String, alias: String, policy: String, cache: String,
                          pages: Bool = false, cors: Bool = false, extra: [String] = []) -> [String] {
        var inner = ["alias \(Self.nginxQuoted(alias));"]
        if pages { inner.append("try_files $uri $uri/ =404;") }
        inner += Self.commonHeaders.map { "add_header \($0.0) \"\($0.1)\" always;" }
        inner.append("add_header Content-Security-Policy \"\(policy)\" always;")
        inner.append("add_header Cache-Control \"\(cache)\" always;")
        if cors {
            inner.append("add_header Access-Control-Allow-Origin \"*\" always;")
            inner.append("add_header Access-Control-Allow-Methods \"GET, HEAD, OPTIONS\" always;")
        }
        inner += extra
        return ["location \(match) {"] + inner.map { "    " + $0 } + ["}"]
    }

    /// A path as one nginx argument: quoted so spaces survive, with quotes and backslashes escaped.
    static func nginxQuoted(_ path: String) -> String {
        let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
