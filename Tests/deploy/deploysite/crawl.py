"""Crawl a served site with LinkChecker (the Debian `linkchecker` package) and read its results.

Only the site's own URLs are fetched: `tel:`/`mailto:` links and any host
other than 127.0.0.1 are checked for syntax only, and LinkChecker treats
127.0.0.1 URLs outside the start URL's folder as external too. Note that
`-r 0` would check the start page alone: recursion depth -1 is "no limit".

Results come back twice: every checked URL as CSV on standard output (`-v`),
and the text report, whose last lines hold the "N links in M URLs checked"
summary, in a file. LinkChecker started by root drops to `nobody` before it
opens that file, so the file is created first and made writable for all.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

CRAWL_TIMEOUT_SECONDS = 900
SUMMARY = re.compile(r"That's it\. (\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found\.")


def find_linkchecker() -> Optional[str]:
    return shutil.which("linkchecker")


@dataclass
class CheckedURL:
    url: str
    parent: str
    result: str
    valid: bool
    line: str
    column: str
    info: str

    def describe(self) -> str:
        where = f" (linked from {self.parent}, line {self.line}, column {self.column})" if self.parent else " (start URL)"
        return f"{self.url}: {self.result or 'invalid'}{where}{' — ' + self.info if self.info else ''}"


@dataclass
class CrawlReport:
    command: list[str]
    returncode: int
    checked: list[CheckedURL]
    links: int  # link occurrences followed or checked, from the summary
    urls: int  # distinct URLs, from the summary
    errors_in_summary: int
    text_report: str
    stderr: str
    notes: list[str] = field(default_factory=list)

    @property
    def broken(self) -> list[CheckedURL]:
        return [entry for entry in self.checked if not entry.valid]

    def fetched_under(self, prefix: str) -> set[str]:
        """URLs under `prefix` that were fetched and answered 2xx."""
        return {e.url for e in self.checked if e.valid and e.url.startswith(prefix) and e.result[:1] == "2"}

    def failure_text(self) -> str:
        lines = [f"$ {' '.join(self.command)}", f"exit status {self.returncode}"]
        if self.broken:
            lines.append(f"{len(self.broken)} broken link(s):")
            lines += ["  " + entry.describe() for entry in self.broken]
        # The text report lists every URL (it runs with --verbose for the CSV); its statistics are enough here.
        statistics = self.text_report.rfind("Statistics:")
        lines.append("--- LinkChecker summary ---")
        lines.append(self.text_report[statistics:] if statistics >= 0 else self.text_report[-3000:])
        if self.stderr.strip():
            lines.append("--- stderr ---")
            lines.append(self.stderr[-4000:])
        return "\n".join(lines)


class LinkCrawl:
    """One LinkChecker run over one site, started in the background."""

    def __init__(self, linkchecker: str, workdir: Path, start_urls: list[str]) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(workdir, 0o755)
        self.config = workdir / "linkcheckerrc"
        # Our own settings file keeps a user's ~/.config/linkchecker out of the test.
        self.config.write_text("[checking]\nthreads=4\ntimeout=20\n", encoding="utf-8")
        self.text_report = workdir / "report.txt"
        self.text_report.write_text("", encoding="utf-8")
        os.chmod(self.text_report, 0o666)
        self.csv_path = workdir / "checked.csv"
        self.stderr_path = workdir / "stderr.txt"
        self.command = [
            linkchecker,
            "--config", str(self.config),
            "--no-status", "--no-warnings", "--no-robots",
            "--recursion-level", "-1",
            "--verbose",
            "--output", "csv/utf-8",
            "--file-output", f"text/utf-8/{self.text_report}",
            "--ignore-url", r"^(tel|mailto|sms):",
            "--ignore-url", r"^https?://(?!127\.0\.0\.1[:/])",
            *start_urls,
        ]
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "LinkCrawl":
        environment = dict(os.environ)
        environment.update({
            "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": "C",  # the summary is parsed in English
            "XDG_CONFIG_HOME": str(self.workdir), "XDG_DATA_HOME": str(self.workdir),
        })
        with open(self.csv_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(self.command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                            cwd=self.workdir, env=environment)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def finish(self) -> CrawlReport:
        assert self.process is not None, "start() first"
        try:
            returncode = self.process.wait(timeout=CRAWL_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.stop()
            returncode = -1
        self.process = None
        text = self.text_report.read_text(encoding="utf-8", errors="replace")
        stderr = self.stderr_path.read_text(encoding="utf-8", errors="replace")
        checked = parse_csv(self.csv_path.read_text(encoding="utf-8", errors="replace"))
        found = SUMMARY.search(text)
        links, urls, errors = (int(found.group(1)), int(found.group(2)), int(found.group(4))) if found else (0, 0, -1)
        report = CrawlReport(self.command, returncode, checked, links, urls, errors, text, stderr)
        if returncode == -1:
            report.notes.append(f"LinkChecker did not finish in {CRAWL_TIMEOUT_SECONDS} s and was stopped")
        if not found:
            report.notes.append("LinkChecker's text report has no \"That's it.\" summary line")
        return report


def parse_csv(text: str) -> list[CheckedURL]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    entries = []
    for row in csv.DictReader(lines, delimiter=";"):
        entries.append(CheckedURL(
            url=row.get("url") or row.get("urlname") or "",
            parent=row.get("parentname") or "",
            result=row.get("result") or "",
            valid=(row.get("valid") or "").strip() == "True",
            line=row.get("line") or "",
            column=row.get("column") or "",
            info=(row.get("infostring") or "").strip(),
        ))
    return entries
