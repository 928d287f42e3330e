"""The built site under test: its pages, files and URLs."""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Optional

from .markup import Document, parse_html
from .server import NEUTRAL_PATH, SiteServer


@dataclass
class BuiltSite:
    workdir: Path
    public: Path
    server: SiteServer
    pages: list[str]
    # Lines of the page weight table, printed at the end of the run.
    weight_table: list[str] = field(default_factory=list)
    _documents: dict[str, Document] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return self.server.origin

    @property
    def base_url(self) -> str:
        return self.origin + "/"

    @property
    def neutral_url(self) -> str:
        return self.origin + NEUTRAL_PATH

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as `/en/`."""
        return self.origin + path

    # ---- pages -------------------------------------------------------------

    @staticmethod
    def language_of(path: str) -> Optional[str]:
        first = path.strip("/").split("/")[0] if path.strip("/") else ""
        return first if first in ("en", "fr") else None

    @staticmethod
    def kind_of(path: str) -> str:
        """`root` (language choice), `error` (404), `embed` (iframe page) or `content`."""
        if path == "/":
            return "root"
        if path.endswith("404.html"):
            return "error"
        parts = path.strip("/").split("/")
        if len(parts) >= 2 and parts[1] == "embed":
            return "embed"
        return "content"

    def pages_of(self, kind: Optional[str] = None, language: Optional[str] = None) -> list[str]:
        return [
            p for p in self.pages
            if (kind is None or self.kind_of(p) == kind) and (language is None or self.language_of(p) == language)
        ]

    def file_for(self, path: str) -> Optional[Path]:
        """The output file a site path is served from, or None when nothing is there."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not path.startswith("/"):
            return None
        local = (self.public / path.lstrip("/")).resolve()
        try:
            local.relative_to(self.public.resolve())
        except ValueError:
            return None
        if local.is_dir():
            local = local / "index.html"
        return local if local.is_file() else None

    def document(self, path: str) -> Document:
        if path not in self._documents:
            file = self.file_for(path)
            if file is None:
                raise FileNotFoundError(f"no output file for {path}")
            self._documents[path] = parse_html(file.read_text(encoding="utf-8"))
        return self._documents[path]

    def site_path(self, page_path: str, href: str) -> Optional[str]:
        """Resolve an href found on `page_path`; return its site path if it stays on this site."""
        absolute = urllib.parse.urljoin(self.url(page_path), href)
        parts = urllib.parse.urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        return parts.path or "/"

    def page_exists(self, page_path: str, href: str) -> bool:
        target = self.site_path(page_path, href)
        return target is not None and self.file_for(target) is not None

    @cached_property
    def keyboard_pages(self) -> list[str]:
        """A few representative pages: both home pages, a deep page, the services directory."""
        chosen = [p for p in ("/en/", "/fr/") if p in self.pages]
        content = [
            p for p in self.pages_of("content", "en")
            if "/services/" not in p and "/updates/" not in p
        ]
        if content:
            deepest = max(content, key=lambda p: (p.count("/"), p))
            chosen.append(deepest)
        if "/en/services/" in self.pages:
            chosen.append("/en/services/")
        return chosen

    @cached_property
    def exit_pages(self) -> list[str]:
        """Pages the quick-exit behaviour is exercised on: both home pages and a deep page."""
        return [p for p in self.keyboard_pages if p != "/en/services/"]
