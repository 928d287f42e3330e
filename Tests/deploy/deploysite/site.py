"""A built site served by nginx at a base path on 127.0.0.1."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .build import SiteSetupFailed, TrilliumInputs, build_site, copy_site, nginx_server_block
from .nginx import NginxServer, PortTaken, free_port

PORT_ATTEMPTS = 3


@dataclass
class DeployedSite:
    name: str
    workdir: Path
    public: Path
    origin: str  # http://127.0.0.1:PORT
    base_path: str  # "/" or "/humantrafficking/"
    server: NginxServer

    @property
    def base_url(self) -> str:
        return self.origin + self.base_path

    def url(self, site_path: str = "") -> str:
        """The URL of a path inside the site: `url("fr/")` is …/humantrafficking/fr/."""
        return self.base_url + site_path.lstrip("/")

    def site_path_of(self, file: Path) -> str:
        """The site path a built file is served at: `en/about/index.html` → `en/about/`."""
        relative = file.relative_to(self.public).as_posix()
        return relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative

    def html_pages(self) -> list[Path]:
        return sorted(self.public.rglob("*.html"))

    def stop(self, keep: bool) -> None:
        self.server.stop()
        if not keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


def deploy(name: str, inputs: TrilliumInputs, nginx: str, base_path: str) -> DeployedSite:
    """Copy and build the site for http://127.0.0.1:PORT{base_path}, then start nginx on PORT."""
    inputs.check()
    last_error: Exception = SiteSetupFailed("no attempt was made")
    for _ in range(PORT_ATTEMPTS):
        workdir = Path(tempfile.mkdtemp(prefix=f"trillium-deploy-{name}-"))
        # nginx started by root serves files as an unprivileged user: it must be able to read them.
        os.chmod(workdir, 0o755)
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        try:
            # On another port of 127.0.0.1: local, and outside what LinkChecker crawls.
            site_copy = copy_site(inputs, workdir / "site", f"http://127.0.0.1:{free_port()}/neutral/")
            public = workdir / "public"
            base_url = origin + base_path
            build_site(inputs, site_copy, public, base_url)
            block = nginx_server_block(inputs, site_copy, public, f"127.0.0.1:{port}", base_url)
            server = NginxServer(nginx, workdir / "nginx", block, port)
            server.start()
        except PortTaken as error:
            last_error = error
            shutil.rmtree(workdir, ignore_errors=True)
            continue
        except Exception:
            # The error carries the generator's or nginx's messages; nothing else in the folder is needed.
            shutil.rmtree(workdir, ignore_errors=True)
            raise
        return DeployedSite(name, workdir, public, origin, base_path, server)
    raise last_error
