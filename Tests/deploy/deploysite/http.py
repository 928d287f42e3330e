"""A small HTTP client for 127.0.0.1 that neither follows redirects nor raises on 4xx."""
from __future__ import annotations

import gzip
import http.client
import urllib.parse
from dataclasses import dataclass
from typing import Optional


@dataclass
class Response:
    url: str
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        """The header's value, or "" when absent; several values are joined with ", "."""
        return ", ".join(self.headers.get_all(name) or [])

    def header_count(self, name: str) -> int:
        return len(self.headers.get_all(name) or [])

    @property
    def text(self) -> str:
        body = self.body
        if self.header("Content-Encoding").lower() == "gzip":
            body = gzip.decompress(body)
        return body.decode("utf-8", errors="replace")

    def describe(self) -> str:
        lines = [f"{self.status} for {self.url}"] + [f"  {name}: {value}" for name, value in self.headers.items()]
        return "\n".join(lines)


def fetch(url: str, method: str = "GET", headers: Optional[dict[str, str]] = None, timeout: float = 10) -> Response:
    parts = urllib.parse.urlsplit(url)
    if parts.hostname != "127.0.0.1":
        raise ValueError(f"the deployment tests only talk to 127.0.0.1, not {url}")
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return Response(url, response.status, response.headers, body)
    finally:
        connection.close()
