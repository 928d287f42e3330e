#!/usr/bin/env python3
"""Times the preview's answer to each kind of edit on a benchmark corpus (part of `make bench`).

`trillium-preview-bench` (Benchmarks/PreviewDriver) keeps one live site, as `trillium serve`
does, on a copy of the corpus, makes each kind of edit and undoes it, and reports medians:

* update: from the saved files being handed over to the edited units rendered and written
  (what `trillium serve` does before it tells open pages to reload);
* page:   update, then the edited page's own file ready when a browser asks for it;
* all:    update, then every unit left for later rendered (the whole output equals a full build).

Noticing the save is not in these figures: on Linux the preview reads kernel events every
10 ms and waits until 30 ms pass without one (SourceWatcher), so about 30–40 ms come on top.

    python3 Benchmarks/preview_bench.py --pages 10000        # needs the corpus of bench.py
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

TARGET_MS = 100


def build_driver() -> str:
    """Release build of the driver in bench.py's scratch folder; returns the executable's path."""
    args = ["swift", "build", "-c", "release", "--scratch-path", bench.SCRATCH, "--product", "trillium-preview-bench"]
    # An incremental release build may keep a driver compiled against an earlier layout of the
    # libraries' types (it then corrupts the heap at start): compiling the driver again costs 4 s.
    os.utime(os.path.join(bench.REPO, "Benchmarks", "PreviewDriver", "main.swift"))
    result = subprocess.run(args, cwd=bench.REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise bench.BenchError("swift build of trillium-preview-bench failed:\n" + (result.stdout + result.stderr)[-4000:])
    bin_path = subprocess.run(args + ["--show-bin-path"], cwd=bench.REPO, capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(bin_path, "trillium-preview-bench")


def run(pages: int, seed: int, repeats: int, output_root: str, driver: str | None = None) -> dict:
    """Runs every kind of edit on a copy of the corpus of `pages` pages per language."""
    folder, _plan = bench.corpus_for(pages, seed)
    driver = driver or build_driver()
    work = tempfile.mkdtemp(prefix=f"preview-{pages}-", dir=output_root)
    try:
        site = os.path.join(work, "site")
        shutil.copytree(os.path.join(folder, "trillium"), site)
        bench.log(f"Preview edits at N = {pages:,} ({repeats} round{'s' if repeats > 1 else ''} of each edit and its undo) …")
        result = subprocess.run([driver, site, os.path.join(work, "out"), str(repeats)], capture_output=True, text=True)
        lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        if result.returncode != 0 or not lines:
            raise bench.BenchError(f"trillium-preview-bench failed ({result.returncode}):\n{result.stderr[-4000:]}")
        first = next((line["ms"] for line in lines if line.get("kind") == "first build"), None)
        return {"pages_per_language": pages, "repeats": repeats, "first_build_ms": first, "load": bench.load_average(),
                "edits": [line for line in lines if "update_ms" in line]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(result: dict) -> str:
    header = "| edit | update (edited units written) | edited page ready | everything rendered | rendered at once | left for later |"
    lines = [header, "| --- " + "| ---: " * (header.count("|") - 2) + "|"]
    for edit in result["edits"]:
        lines.append(f"| {edit['kind']} | {edit['update_ms']:.0f} ms | {edit['page_ms']:.0f} ms | {edit['all_ms'] / 1000:.1f} s "
                     f"| {edit['rendered']:,} | {edit['pending']:,} |")
    return "\n".join(lines)


def verdict(result: dict) -> str:
    slow = [edit["kind"] for edit in result["edits"] if edit["page_ms"] > TARGET_MS]
    return (f"Edited page ready within {TARGET_MS} ms at {result['pages_per_language']:,} pages/language: "
            + ("met for every kind of edit" if not slow else "NOT met for " + ", ".join(slow)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    try:
        result = run(args.pages, args.seed, args.repeats, bench.default_output_root())
    except (bench.BenchError, subprocess.CalledProcessError) as error:
        bench.log(f"benchmark failed: {error}")
        return 1
    print(f"First build of the live site: {result['first_build_ms'] / 1000:.1f} s; medians of {args.repeats * 2} edits each.\n")
    print(table(result))
    print("\n" + verdict(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
