"""Ask `trillium nginx-config` for the server block of a built copy of the site."""
from __future__ import annotations

import sys
from pathlib import Path

# The site copy and the CLI runner are shared with the browser suite (Tests/trillium_site_copy.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from trillium_site_copy import (  # noqa: E402
    SiteSetupFailed,
    TrilliumInputs,
    build_site,
    copy_site,
    run_trillium,
    with_quick_exit_url,
)

__all__ = ["SiteSetupFailed", "TrilliumInputs", "build_site", "copy_site", "run_trillium", "with_quick_exit_url", "nginx_server_block"]


def nginx_server_block(inputs: TrilliumInputs, site_copy: Path, public: Path, listen: str, base_url: str) -> str:
    text = run_trillium(
        inputs,
        ["nginx-config", "--site", str(site_copy), "--root", str(public), "--listen", listen, "--base-url", base_url],
        cwd=site_copy,
    )
    if "server {" not in text:
        raise SiteSetupFailed(f"`trillium nginx-config` printed no server block:\n{text}")
    return text
