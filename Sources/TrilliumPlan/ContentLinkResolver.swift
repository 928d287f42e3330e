import TrilliumModel
import TrilliumDirectory

/// A question a link asks of the plan while it is resolved.
public enum LinkLookup: Hashable, Sendable {
    /// Which URL, if any, the page at this key has.
    case page(PageKey)
    /// Whether the build writes this site path, and which page, if any, has it.
    case sitePath(String)

}

/// Resolves links written in a page: relative `.md` paths become the URL of that page in the
/// same language; site URLs (`/fr/…/`) are checked against what the build will write.
package struct ContentLinkResolver {
    /// A `page.md#anchor` link whose anchor is checked once every page's headings are known.
    package struct AnchorCheck: Sendable {
        package var targetIndex: Int
        /// The target page, which keeps its identity when plan indices change (the preview).
        package var targetKey: PageKey
        package var fragment: String
        package var location: SourceLocation
    }

    package let plan: SitePlan
    package let page: Page
    package let config: SiteConfig
    /// Anchors to check after rendering, collected while resolving.
    package var anchors: [AnchorCheck] = []
    /// Pages this page links to (by index), relative links and site URLs alike.
    package var linkedPages: [Int] = []
    /// Every question the links asked of the plan: the page's HTML and problems depend on the
    /// answers, so an edit that changes an answer must re-render the page (the preview).
    package var lookups: [LinkLookup] = []

    package init(plan: SitePlan, page: Page, config: SiteConfig) {
        self.plan = plan
        self.page = page
        self.config = config
    }

    package mutating func resolve(_ url: String, at location: SourceLocation, diagnostics: inout DiagnosticList) -> String? {
        if url.isEmpty {
            diagnostics.error(location, "this link has no target", hint: "Write the page or URL between the parentheses: [text](page.md).")
            return nil
        }
        if url.hasPrefix("#") {
            if let index = plan.index(page.language, page.relativePath) {
                anchors.append(AnchorCheck(targetIndex: index, targetKey: PageKey(page.language, page.relativePath),
                                           fragment: String(url.dropFirst()), location: location))
            }
            return nil
        }
        let lower = url.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            if lower.hasPrefix("tel:"), PhoneNumber(String(url.dropFirst(4))) == nil {
                diagnostics.error(location, "`\(url)` is not a valid phone link",
                                  hint: "Write tel: followed by a North American number (tel:+18005550199) or a short code (tel:211).")
            }
            return nil
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            if !URLCheck.isAbsoluteWebURL(url) {
                diagnostics.error(location, "`\(url)` is not a well-formed web address", hint: "Check for spaces or a missing domain.")
            } else if lower.hasPrefix("http://") {
                diagnostics.warning(location, "`\(url)` is not https", hint: "Use the site's https:// address so the visit stays private.")
            }
            return nil
        }
        let (pathPart, fragment) = Self.splitFragment(url)
        if pathPart.hasPrefix("/") {
            return resolveSitePath(pathPart, fragment: fragment, url: url, at: location, diagnostics: &diagnostics)
        }
        return resolveRelative(pathPart, fragment: fragment, url: url, at: location, diagnostics: &diagnostics)
    }

    private mutating func resolveSitePath(_ path: String, fragment: String?, url: String, at location: SourceLocation,
                                          diagnostics: inout DiagnosticList) -> String? {
        var normalized = path
        let namesAFile = normalized.splitting(byte: UInt8(ascii: "/")).last?.utf8.contains(UInt8(ascii: ".")) ?? false
        if !normalized.hasSuffix("/") && !namesAFile { normalized += "/" }
        lookups.append(.sitePath(normalized))
        guard plan.knownPaths.contains(normalized) else {
            diagnostics.error(location, "link to `\(url)`, but no page of this site has that URL",
                              hint: "Link to the Markdown file instead (e.g. `../get-help/_index.md`), or check the page's URL.")
            return nil
        }
        if let index = plan.indexByURL[normalized] {
            linkedPages.append(index)
            if let fragment { anchors.append(AnchorCheck(targetIndex: index, targetKey: Self.key(plan.pages[index]), fragment: fragment, location: location)) }
        }
        return config.href(normalized) + (fragment.map { "#" + $0 } ?? "")
    }

    private mutating func resolveRelative(_ path: String, fragment: String?, url: String, at location: SourceLocation,
                                          diagnostics: inout DiagnosticList) -> String? {
        guard var target = Self.joined(path, from: page.relativePath) else {
            diagnostics.error(location, "link to `\(url)` leaves Content/\(page.language.rawValue)/",
                              hint: "Relative links point to pages of the same language; the right language is chosen for you.")
            return nil
        }
        if path.hasSuffix("/") || !target.hasSuffix(".md") {
            if !target.hasSuffix(".md") { lookups.append(.page(PageKey(page.language, target + "/_index.md"))) }
            if target.hasSuffix(".md") == false, plan.page(page.language, target + "/_index.md") != nil {
                target += "/_index.md"
            } else if target.isEmpty {
                target = "_index.md"
            }
        }
        guard target.hasSuffix(".md") else {
            diagnostics.error(location, "link to `\(url)` is neither a Markdown page nor a site URL",
                              hint: "Link to a page's .md file (e.g. `warning-signs/_index.md`) or a site URL starting with /.")
            return nil
        }
        lookups.append(.page(PageKey(page.language, target)))
        guard let index = plan.index(page.language, target) else {
            diagnostics.error(location, "link to `\(url)`, but there is no page Content/\(page.language.rawValue)/\(target)",
                              hint: "Check the file name and the number of `../`; links are relative to this file's folder.")
            return nil
        }
        linkedPages.append(index)
        if let fragment { anchors.append(AnchorCheck(targetIndex: index, targetKey: Self.key(plan.pages[index]), fragment: fragment, location: location)) }
        return config.href(plan.pages[index].urlPath) + (fragment.map { "#" + $0 } ?? "")
    }

    static func key(_ page: Page) -> PageKey { PageKey(page.language, page.relativePath) }

    /// `path` (relative, without its fragment) read from the folder of the file at `relativePath`:
    /// the folders' names and the path's parts joined by `/`, `.` and empty parts skipped, `..`
    /// going up one folder; nil when it goes above the language's folder. On bytes: every link
    /// of every page comes through here.
    package static func joined(_ path: String, from relativePath: String) -> String? {
        var path = path, relativePath = relativePath
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        // Where each part starts in `out` (at its `/`, but for the first).
        var starts: [Int] = []
        let failed: Bool = relativePath.withUTF8 { base in
            path.withUTF8 { link in
                out.reserveCapacity(base.count + link.count)
                func push(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
                    starts.append(out.count)
                    if !out.isEmpty { out.append(slash) }
                    out.append(contentsOf: part)
                }
                // The file's folders: every part of its path but the last.
                var start = 0, index = 0
                var lastStart = -1, lastEnd = -1
                while index <= base.count {
                    if index == base.count || base[index] == slash {
                        if index > start {
                            if lastStart >= 0 { push(base[lastStart..<lastEnd]) }
                            (lastStart, lastEnd) = (start, index)
                        }
                        start = index + 1
                    }
                    index += 1
                }
                start = 0
                index = 0
                while index <= link.count {
                    if index == link.count || link[index] == slash {
                        let length = index - start
                        if length == 1 && link[start] == dot {
                            // `.`: this folder.
                        } else if length == 2 && link[start] == dot && link[start + 1] == dot {
                            guard let up = starts.popLast() else { return true }
                            out.removeSubrange(up...)
                        } else if length > 0 {
                            push(link[start..<index])
                        }
                        start = index + 1
                    }
                    index += 1
                }
                return false
            }
        }
        return failed ? nil : String(decoding: out, as: UTF8.self)
    }

    package static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(ofByte: UInt8(ascii: "#")) else { return (url, nil) }
        let fragment = String(url[url.utf8.index(after: hash)...])
        return (String(url[..<hash]), fragment.isEmpty ? nil : fragment)
    }
}
