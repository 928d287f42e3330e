"""Run the system nginx on 127.0.0.1 with a configuration of its own, without root.

Everything nginx writes (pid, logs, temporary bodies) stays in the work
folder, and the master process runs in the foreground (`daemon off`) as a
child of the test, so stopping it is stopping that one process.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Optional

MIME_TYPES = Path("/etc/nginx/mime.types")
START_TIMEOUT_SECONDS = 15


class NginxFailed(Exception):
    """nginx is missing, rejected its configuration, or did not start."""


class PortTaken(NginxFailed):
    """Another process took the port between choosing it and nginx binding it."""


def find_nginx() -> Optional[str]:
    # Debian installs nginx in /usr/sbin, which is not on every user's PATH.
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _quoted(path: Path) -> str:
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def temp_path_directives(nginx: str, folder: Path) -> list[str]:
    """`*_temp_path` lines for the modules this nginx was built with (their defaults need root)."""
    result = subprocess.run([nginx, "-V"], capture_output=True, text=True, timeout=30)
    built_with = result.stderr + result.stdout
    lines = []
    for kind in sorted(set(re.findall(r"--http-(client-body|proxy|fastcgi|uwsgi|scgi)-temp-path=", built_with))):
        directive = "client_body_temp_path" if kind == "client-body" else f"{kind}_temp_path"
        lines.append(f"{directive} {_quoted(folder / kind)};")
    return lines


def nginx_conf(workdir: Path, server_block: Path, temp_paths: list[str]) -> str:
    """A complete nginx.conf around the generated server block; every path inside `workdir`."""
    temp = "\n    ".join(temp_paths)
    return f"""# Written by Tests/deploy: one Trillium build served on 127.0.0.1.
worker_processes 1;
daemon off;
master_process on;
pid {_quoted(workdir / "nginx.pid")};
error_log {_quoted(workdir / "logs" / "error.log")} warn;

events {{
    worker_connections 256;
}}

http {{
    access_log {_quoted(workdir / "logs" / "access.log")};
    {temp}
    include {MIME_TYPES};
    include {_quoted(server_block)};
}}
"""


class NginxServer:
    """One nginx master process serving one generated server block."""

    def __init__(self, nginx: str, workdir: Path, server_block_text: str, port: int) -> None:
        self.nginx = nginx
        self.workdir = workdir
        self.port = port
        self.process: Optional[subprocess.Popen] = None
        (workdir / "logs").mkdir(parents=True, exist_ok=True)
        (workdir / "temp").mkdir(parents=True, exist_ok=True)
        self.server_block = workdir / "server.conf"
        self.server_block.write_text(server_block_text, encoding="utf-8")
        self.conf = workdir / "nginx.conf"
        self.conf.write_text(nginx_conf(workdir, self.server_block, temp_path_directives(nginx, workdir / "temp")), encoding="utf-8")
        self.error_log = workdir / "logs" / "error.log"
        self.console_log = workdir / "logs" / "console.log"

    def _command(self, *extra: str) -> list[str]:
        # -e: where nginx writes errors before it has read error_log from the configuration.
        return [self.nginx, "-p", str(self.workdir), "-c", str(self.conf), "-e", str(self.error_log), *extra]

    def logs(self) -> str:
        parts = []
        for path in (self.console_log, self.error_log):
            if path.is_file():
                parts.append(f"--- {path.name} ---\n{path.read_text(encoding='utf-8', errors='replace')[-6000:]}")
        return "\n".join(parts)

    def start(self) -> None:
        test = subprocess.run(self._command("-t"), capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise NginxFailed(f"nginx rejected the configuration:\n{test.stderr}\n--- server block ---\n{self.server_block.read_text()}")
        with open(self.console_log, "wb") as console:
            self.process = subprocess.Popen(self._command(), stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                logs = self.logs()
                self.process = None
                if "Address already in use" in logs:
                    raise PortTaken(f"port {self.port} was taken:\n{logs}")
                raise NginxFailed(f"nginx exited while starting:\n{logs}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise NginxFailed(f"nginx did not accept connections on 127.0.0.1:{self.port} within {START_TIMEOUT_SECONDS} s:\n{self.logs()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()  # SIGTERM: the master stops its workers and exits
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
