"""Local HTTP servers for the tests, bound to 127.0.0.1 only.

`SiteServer` serves the built site the way a static host would: directory
URLs serve their index.html, missing paths get the language's 404 page with
status 404, and the headers in `public/_headers` (the Netlify / Cloudflare
Pages format the generator writes) are applied to matching paths. It also
serves `/__neutral__/`, the stand-in for the neutral website that
"Exit this page" leads to, and records who asked for it.

`PageServer` serves a few in-memory pages from another port: a second origin
that plays a partner's website embedding the widget.
"""
from __future__ import annotations

import functools
import http.server
import re
import socketserver
import threading
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

NEUTRAL_PATH = "/__neutral__/"
# Tests may post observations here (navigator.sendBeacon survives leaving the page).
PROBE_PATH = "/__probe__"
NEUTRAL_PAGE = (
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Weather</title></head><body><main><h1>Today's weather</h1>"
    "<p>Sunny with a light breeze.</p></main></body></html>"
)

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".ico": "image/x-icon",
    ".png": "image/png",
}


@dataclass
class HeaderRule:
    pattern: str
    regex: re.Pattern
    headers: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _pattern_regex(pattern: str) -> re.Pattern:
    """`/api/*` → any path under /api/; `:name` → one path segment."""
    out = ""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "*":
            out += ".*"
            i += 1
        elif ch == ":" and i + 1 < len(pattern) and (pattern[i + 1].isalpha() or pattern[i + 1] == "_"):
            j = i + 1
            while j < len(pattern) and (pattern[j].isalnum() or pattern[j] == "_"):
                j += 1
            out += "[^/]+"
            i = j
        else:
            out += re.escape(ch)
            i += 1
    return re.compile("^" + out + "$")


def parse_headers_file(text: str) -> list[HeaderRule]:
    """Parse a `_headers` file: a path line, then indented `Name: value` lines."""
    rules: list[HeaderRule] = []
    current: Optional[HeaderRule] = None
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            pattern = raw.strip()
            if pattern.startswith("http://") or pattern.startswith("https://"):
                # Host-specific rules do not apply to 127.0.0.1.
                current = HeaderRule(pattern, re.compile(r"(?!)"))
            else:
                current = HeaderRule(pattern, _pattern_regex(pattern))
            rules.append(current)
            continue
        if current is None:
            raise ValueError(f"_headers: header line before any path: {raw!r}")
        line = raw.strip()
        if line.startswith("!"):
            current.removed.append(line[1:].strip().lower())
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"_headers: not a `Name: value` line: {raw!r}")
        current.headers.append((name.strip(), value.strip()))
    return rules


def headers_for(rules: list[HeaderRule], path: str) -> list[tuple[str, str]]:
    collected: list[tuple[str, str]] = []
    for rule in rules:
        if rule.regex.match(path):
            collected = [h for h in collected if h[0].lower() not in rule.removed]
            collected.extend(rule.headers)
    return collected


class _QuietThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:  # noqa: D401
        # Browsers drop connections mid-response (navigation, bfcache); that is not a test failure.
        pass


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    server: "_SiteHTTPServer"
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def log_message(self, format: str, *args) -> None:
        pass

    def _url_path(self) -> str:
        return urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)

    def end_headers(self) -> None:
        for name, value in headers_for(self.server.header_rules, self._url_path()):
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_POST(self) -> None:
        if self._url_path() != PROBE_PATH:
            self._send_bytes(405, b"", "text/plain", True)
            return
        length = int(self.headers.get("Content-Length") or 0)
        self.server.probes.append(self.rfile.read(length).decode("utf-8", "replace"))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _serve(self, send_body: bool) -> None:
        path = self._url_path()
        if path.startswith(NEUTRAL_PATH.rstrip("/")):
            self.server.neutral_requests.append(dict(self.headers.items()))
            self._send_bytes(200, NEUTRAL_PAGE.encode(), "text/html; charset=utf-8", send_body)
            return
        local = Path(self.translate_path(self.path))
        if local.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            self._send_not_found(path, send_body)
            return
        ctype = self.guess_type(str(local))
        self._send_bytes(200, local.read_bytes(), ctype, send_body)

    def _send_not_found(self, path: str, send_body: bool) -> None:
        public = Path(self.directory)
        first = path.strip("/").split("/")[0] if path.strip("/") else ""
        candidates = [public / first / "404.html"] if first in ("en", "fr") else []
        candidates += [public / "404.html", public / "en" / "404.html"]
        for page in candidates:
            if page.is_file():
                self._send_bytes(404, page.read_bytes(), "text/html; charset=utf-8", send_body)
                return
        self._send_bytes(404, b"not found", "text/plain; charset=utf-8", send_body)

    def _send_bytes(self, status: int, body: bytes, ctype: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _SiteHTTPServer(_QuietThreadingServer):
    header_rules: list[HeaderRule]
    neutral_requests: list
    probes: list


class SiteServer:
    """Serves a built site from 127.0.0.1 on a free port chosen at creation."""

    def __init__(self, public: Path) -> None:
        self.public = Path(public)
        handler = functools.partial(_SiteHandler, directory=str(self.public))
        self._httpd = _SiteHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.header_rules = []
        self._httpd.neutral_requests = []
        self._httpd.probes = []
        self._thread: Optional[threading.Thread] = None

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def neutral_requests(self) -> list[dict]:
        return self._httpd.neutral_requests

    @property
    def probes(self) -> list[str]:
        """Bodies posted to PROBE_PATH, oldest first."""
        return self._httpd.probes

    @property
    def header_rules(self) -> list[HeaderRule]:
        return self._httpd.header_rules

    def start(self) -> None:
        headers_file = self.public / "_headers"
        if headers_file.is_file():
            self._httpd.header_rules = parse_headers_file(headers_file.read_text(encoding="utf-8"))
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()


class _PageHandler(http.server.BaseHTTPRequestHandler):
    server: "_PageHTTPServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        body = self.server.pages.get(path)
        status = 200 if body is not None else 404
        data = (body if body is not None else "not found").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8" if body is not None else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _PageHTTPServer(_QuietThreadingServer):
    pages: dict[str, str]


class PageServer:
    """Serves in-memory HTML pages from 127.0.0.1 on its own port (a second origin)."""

    def __init__(self, pages: Optional[dict[str, str]] = None) -> None:
        self._httpd = _PageHTTPServer(("127.0.0.1", 0), _PageHandler)
        self._httpd.pages = dict(pages or {})
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="page-server", daemon=True)
        self._thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def add(self, path: str, html: str) -> str:
        self._httpd.pages[path] = html
        return self.origin + path

    def stop(self) -> None:
        self._httpd.shutdown()
        self._thread.join(timeout=5)
        self._httpd.server_close()
