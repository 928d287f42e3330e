#!/usr/bin/env python3
"""Instruction-level profile of a Trillium build with valgrind's callgrind.

Builds the package's `trillium-profile` driver in release mode (Benchmarks/ProfileDriver: the
`trillium` executable's async entry point crashes valgrind 3.19), strips the DWARF 5 debug
information valgrind 3.19 cannot read (symbol names stay), generates the benchmark corpus and runs
the build under callgrind. Then prints the top
functions by inclusive and by exclusive cost, demangled.

    python3 Benchmarks/callgrind_profile.py                 # N = 1,000 pages per language
    python3 Benchmarks/callgrind_profile.py --pages 200     # quicker

callgrind counts instructions, not seconds: the counts are the same run after run, whatever
else the machine is doing. Expect the build to run about 50 times slower than usual.
Needs valgrind (Debian package `valgrind`). Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench  # noqa: E402
import corpus as corpus_module  # noqa: E402


def build_driver() -> str:
    """Builds the profile driver (the package's `trillium-profile` product) in release mode;
    returns a copy without the DWARF 5 debug information valgrind 3.19 cannot read."""
    args = ["swift", "build", "-c", "release", "--scratch-path", bench.SCRATCH, "--product", "trillium-profile"]
    result = subprocess.run(args, cwd=bench.REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise bench.BenchError("building the profile driver failed:\n" + (result.stdout + result.stderr)[-3000:])
    bin_path = subprocess.run(args + ["--show-bin-path"], cwd=bench.REPO, capture_output=True, text=True, check=True).stdout.strip()
    driver = os.path.join(bin_path, "trillium-profile")
    stripped = driver + "-nodebug"
    subprocess.run(["objcopy", "--strip-debug", driver, stripped], check=True)
    return stripped


# Pipeline stages and the function whose inclusive cost measures each (first match wins).
STAGES = [
    ("Load: read and parse pages, services, theme", "SiteLoader.load("),
    ("  of which front matter (split + YAML)", "PageParser.parse("),
    ("  of which service files", "ServiceLoader.load(from:"),
    ("Plan URLs and twins", "SitePlanner.plan("),
    ("Markdown (cmark-gfm, under its lock, + node walks)", "MarkdownRenderer.render("),
    ("Templates (swift-mustache)", "MustacheLibrary.render("),
    ("  of which property lookups by reflection", "Mirror.getValue(forKey:)"),
    ("French typography on French HTML", "FrenchTypography.apply(toHTML:)"),
    ("Writing files (mkdir + write)", "OutputWriter.write(_:to:)"),
    ("Service directory pages, API and search files", "ServicePagesRenderer.render(into:"),
    ("  of which search indexes", "SearchIndexBuilder.build("),
]


def annotate_rows(profile: str, inclusive: bool) -> tuple[int, list[tuple[int, str]]]:
    """(total instructions, [(instructions, demangled function)]) from callgrind_annotate."""
    args = ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", profile]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if shutil.which("swift"):
        text = subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True).stdout
    total = 0
    rows = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or not stripped[0].isdigit() or "%)" not in stripped:
            continue
        count = int(stripped.split(" ", 1)[0].replace(",", ""))
        name = stripped.split("%)", 1)[1].strip()
        if name.startswith("PROGRAM TOTALS"):
            total = count
            continue
        # Drop the object file and the `???:` callgrind prints for code without line tables.
        name = name.split(" [/")[0]
        name = name.split(":", 1)[1] if name.startswith("???:") or name.startswith("./") else name
        rows.append((count, name))
    return total, rows


def stage_table(total: int, rows: list[tuple[int, str]]) -> str:
    lines = []
    for label, prefix in STAGES:
        match = next((count for count, name in rows if name.removeprefix("specialized ").removeprefix("static ").startswith(prefix)), None)
        share = f"{match / total * 100:5.1f} %" if match is not None and total else "    –  "
        lines.append(f"{share}  {label}")
    return "\n".join(lines)


def listing(total: int, rows: list[tuple[int, str]], limit: int) -> str:
    return "\n".join(f"{count / total * 100:6.2f} %  {count:>16,}  {name[:150]}" for count, name in rows[:limit])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--workers", type=int, default=2, help="render threads (default 2, as on the benchmark machine)")
    parser.add_argument("--top", type=int, default=40, help="rows per listing (default 40)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        print("valgrind is missing (Debian package `valgrind`)", file=sys.stderr)
        return 1
    try:
        driver = build_driver()
        folder, _plan = bench.corpus_for(args.pages, args.seed)
        out = os.path.join(bench.BENCH_DIR, f"profile-{args.pages}")
        output = os.path.join(out, "site")
        os.makedirs(out, exist_ok=True)
        shutil.rmtree(output, ignore_errors=True)
        profile = os.path.join(out, "callgrind.out")
        env = dict(os.environ, TRILLIUM_TODAY=corpus_module.TODAY)
        bench.log(f"Running the build under callgrind (N = {args.pages:,}); this takes a while …")
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}", driver,
                                 os.path.join(folder, "trillium"), output, str(args.workers)],
                                env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise bench.BenchError("the build under callgrind failed:\n" + result.stderr[-3000:])
    except bench.BenchError as error:
        print(f"profile failed: {error}", file=sys.stderr)
        return 1
    total, inclusive = annotate_rows(profile, inclusive=True)
    _total, exclusive = annotate_rows(profile, inclusive=False)
    print(f"callgrind profile: {os.path.relpath(profile, os.getcwd())}; {total:,} instructions in all\n")
    print("Share of all instructions by stage (inclusive cost of the stage's function):")
    print(stage_table(total, inclusive))
    print("\nTop functions, inclusive (a function and everything it calls):")
    print(listing(total, inclusive, args.top))
    print("\nTop functions, exclusive (own instructions only):")
    print(listing(total, exclusive, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
