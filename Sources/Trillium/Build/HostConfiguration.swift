/// HTTP headers for the hosts that serve the site: a `_headers` file (read by Netlify, Cloudflare
/// Pages and similar hosts) and an nginx server block with the same rules.
public struct HostConfiguration: Sendable {
    let config: SiteConfig
    let theme: Theme

    public init(config: SiteConfig, theme: Theme) {
        self.config = config
        self.theme = theme
    }

    /// The page policy. `frame-ancestors` can only be sent as a header, not in `<meta>`.
    public static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

    public var pagePolicy: String { Self.contentSecurityPolicy + "; frame-ancestors 'none'" }
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
    /// nginx drops inherited `add_header`s in a block that adds its own, so each block lists all.
    public func nginxServer(root: String, listen: String = "80", serverName: String = "_") -> String {
        let base = config.basePath
        let alias = root.hasSuffix("/") ? root : root + "/"
        func headers(policy: String, cache: String, cors: Bool = false, indent: String) -> String {
            var lines = Self.commonHeaders.map { "add_header \($0.0) \"\($0.1)\" always;" }
            lines.append("add_header Content-Security-Policy \"\(policy)\" always;")
            lines.append("add_header Cache-Control \"\(cache)\" always;")
            if cors {
                lines.append("add_header Access-Control-Allow-Origin \"*\" always;")
                lines.append("add_header Access-Control-Allow-Methods \"GET, HEAD, OPTIONS\" always;")
            }
            return lines.map { indent + $0 }.joined(separator: "\n")
        }
        let html = "public, max-age=0, must-revalidate"
        var text = """
        # nginx server block for a Trillium site built with base URL \(config.baseURL)
        server {
            listen \(listen);
            server_name \(serverName);
            charset utf-8;
            charset_types application/json application/feed+json application/atom+xml text/css application/javascript;
            server_tokens off;
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            error_page 404 \(base)en/404.html;

            location \(base) {
                alias \(alias);
                index index.html;
                try_files $uri $uri/ =404;
        \(headers(policy: pagePolicy, cache: html, indent: "        "))
            }

        """
        for language in Language.allCases {
            text += """
                location \(base)\(language.rawValue)/ {
                    alias \(alias)\(language.rawValue)/;
                    index index.html;
                    try_files $uri $uri/ =404;
                    error_page 404 \(base)\(language.rawValue)/404.html;
            \(headers(policy: pagePolicy, cache: html, indent: "            "))
                }
                location \(base)\(language.rawValue)/embed/ {
                    alias \(alias)\(language.rawValue)/embed/;
                    index index.html;
                    try_files $uri $uri/ =404;
            \(headers(policy: embedPolicy, cache: html, indent: "            "))
                }

            """
        }
        text += """
            location \(base)assets/ {
                alias \(alias)assets/;
        \(headers(policy: pagePolicy, cache: "public, max-age=31536000, immutable", indent: "        "))
            }
            location \(base)api/ {
                alias \(alias)api/;
                if ($request_method = OPTIONS) { return 204; }
        \(headers(policy: pagePolicy, cache: "public, max-age=300, must-revalidate", cors: true, indent: "        "))
            }
            location = \(base)embed.js {
                alias \(alias)embed.js;
        \(headers(policy: pagePolicy, cache: "public, max-age=3600, must-revalidate", cors: true, indent: "        "))
            }
            location ~ /_headers$ { return 404; }
        }

        """
        return text
    }
}
