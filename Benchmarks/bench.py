#!/usr/bin/env python3
"""Build benchmark: Trillium against Hugo on the same synthetic bilingual site.

For each size N (pages per language) it generates a corpus with Benchmarks/corpus.py (cached
in .bench/), builds it with a release build of Trillium and with Hugo, one warm-up run and then
--runs timed runs each, and prints the median wall and CPU time and the peak resident memory
(GNU time's %M) of each, their ratios, and cmark-gfm alone over the same Markdown as a floor.
The generators write to a RAM-backed folder when there is one (see --output-root).

Every build must succeed and write an index.html for every content page and service page in
both languages, or the script exits non-zero.

    python3 Benchmarks/bench.py            # N = 1,000, 5,000 and 10,000 (takes a while)
    python3 Benchmarks/bench.py --quick    # N = 200, one run each: a smoke test
    python3 Benchmarks/bench.py --sizes 2000 --runs 5
    python3 Benchmarks/bench.py --directory 2000       # the directory at 2,000 services only
    python3 Benchmarks/bench.py --no-directory         # pages and search only

Then the directory (Benchmarks/directory_bench.py): 2,000 and 60,000 services against Hugo, and
the bytes a browser downloads for its first page, a filtered list, a first search and a widget.

Needs: swift (unless --trillium BIN), hugo, GNU time at /usr/bin/time; cmark-gfm is optional.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import corpus as corpus_module  # noqa: E402  (after the path change)

BENCH_DIR = os.path.join(REPO, ".bench")
SCRATCH = ".build-bench"
GNU_TIME = "/usr/bin/time"
CMARK_EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
# Targets from the issue, checked at the largest size.
TARGET_TIME_RATIO = 0.25
TARGET_MEMORY_RATIO = 0.15


class BenchError(Exception):
    pass


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def command_output(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "not found"


def machine_facts() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "kernel": platform.release(),
        "swift": command_output(["swift", "--version"]).splitlines()[0] if shutil.which("swift") else "not found",
        "hugo": command_output(["hugo", "version"]),
        "cmark-gfm": command_output(["cmark-gfm", "--version"]).splitlines()[0] if shutil.which("cmark-gfm") else "not found",
        "python": platform.python_version(),
    }


def is_gnu_time() -> bool:
    if not os.path.exists(GNU_TIME):
        return False
    result = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
    return "GNU" in result.stdout + result.stderr


def check_tools(need_swift: bool) -> None:
    missing = []
    if not is_gnu_time():
        missing.append("GNU time at /usr/bin/time (Debian package `time`)")
    if not shutil.which("hugo"):
        missing.append("hugo (Debian package `hugo`)")
    if need_swift and not shutil.which("swift"):
        missing.append("swift")
    if missing:
        raise BenchError("missing: " + "; ".join(missing))


def build_trillium() -> str:
    """Release build in .build-bench (git-ignored); returns the executable's path."""
    log(f"Building Trillium (release, --scratch-path {SCRATCH}) …")
    args = ["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "trillium"]
    result = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError("swift build failed:\n" + (result.stdout + result.stderr)[-4000:])
    bin_path = subprocess.run(args + ["--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(bin_path, "trillium")


def corpus_for(pages: int, seed: int) -> tuple[str, corpus_module.Corpus]:
    """Generates (or reuses) the corpus for `pages`; the Trillium theme is refreshed every time."""
    with open(corpus_module.__file__, "rb") as handle:
        generator = hashlib.sha256(handle.read()).hexdigest()[:8]  # a changed generator gets a new corpus
    folder = os.path.join(BENCH_DIR, f"corpus-{pages}-s{seed}-{generator}")
    theme = os.path.join(REPO, "Themes", "default")
    plan = corpus_module.plan_corpus(pages, seed)
    if not os.path.exists(os.path.join(folder, "complete")):
        log(f"Generating the corpus for N = {pages:,} in {os.path.relpath(folder, REPO)} …")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        corpus_module.generate(pages, folder, seed, None, os.path.join(folder, "all.md"))
        with open(os.path.join(folder, "complete"), "w", encoding="utf-8") as handle:
            handle.write("ok\n")
    theme_copy = os.path.join(folder, "trillium", "Themes", "default")
    shutil.rmtree(theme_copy, ignore_errors=True)
    shutil.copytree(theme, theme_copy)
    return folder, plan


def folder_bytes(path: str, suffix: str | None = None) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            if suffix is None or name.endswith(suffix):
                total += os.path.getsize(os.path.join(root, name))
    return total


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def timed(args: list[str], env: dict | None = None, stdout_path: str | None = None, log_path: str | None = None) -> dict:
    """Runs `args` under GNU time. Returns wall and CPU seconds, peak RSS in KiB and the 1-minute
    load average just before the run (other work on the machine slows wall time). Raises on failure."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as stats:
        stats_path = stats.name
    load = load_average()
    out = open(stdout_path or os.devnull, "wb")
    err = open(log_path or os.devnull, "wb")
    try:
        start = time.perf_counter()
        result = subprocess.run([GNU_TIME, "-f", "%e %U %S %M", "-o", stats_path] + args, env=env, stdout=out, stderr=err)
        wall = time.perf_counter() - start
    finally:
        out.close()
        err.close()
    with open(stats_path, encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip()]
    os.unlink(stats_path)
    if result.returncode != 0:
        tail = ""
        if log_path and os.path.exists(log_path):
            with open(log_path, encoding="utf-8", errors="replace") as handle:
                tail = handle.read()[-3000:]
        raise BenchError(f"`{' '.join(args)}` failed with exit code {result.returncode}\n{tail}")
    _elapsed, user, system, peak = lines[-1].split()
    return {"wall": wall, "cpu": float(user) + float(system), "peak_kib": int(peak), "load": load}


def count_index_files(root: str) -> int:
    return sum(1 for _root, _dirs, files in os.walk(root) for name in files if name == "index.html")


def validate(output: str, expected: list[str], generator: str) -> int:
    """Every expected URL has its index.html; returns the number of index.html files written."""
    missing = [url for url in expected if not os.path.isfile(os.path.join(output, url.strip("/"), "index.html"))]
    if missing:
        raise BenchError(f"{generator} wrote no page for {len(missing)} of {len(expected)} expected URLs, e.g. {missing[:3]}")
    return count_index_files(output)


def remove_output(output: str) -> None:
    """Removes an output folder and what a build keeps beside it (`.<name>.previous`, staging)."""
    shutil.rmtree(output, ignore_errors=True)
    parent, name = os.path.split(output.rstrip("/"))
    if os.path.isdir(parent):
        for sibling in os.listdir(parent):
            if sibling.startswith(f".{name}."):
                shutil.rmtree(os.path.join(parent, sibling), ignore_errors=True)


def run_generator(name: str, args: list[str], output: str, expected: list[str], runs: int, warmup: bool,
                  env: dict, logs: str) -> dict:
    samples = []
    pages = 0
    for run in range(runs + (1 if warmup else 0)):
        # The first run starts from nothing; each later run builds again over the run before, as
        # someone publishing again does: Hugo overwrites its files in place, Trillium recycles the
        # tree it replaced (`.<output>.previous`, see OutputWriter), so that is removed here too.
        if run == 0:
            remove_output(output)
        label = "warm-up" if warmup and run == 0 else f"run {run + (0 if warmup else 1)}/{runs}"
        sample = timed(args, env=env, log_path=os.path.join(logs, f"{name}.log"))
        pages = validate(output, expected, name)
        log(f"  {name:<8} {label:<9} {sample['wall']:8.2f} s wall {sample['cpu']:8.2f} s CPU {sample['peak_kib'] / 1024:8.1f} MiB"
            f"  ({pages:,} index.html; load before {sample['load']:.1f})")
        if not (warmup and run == 0):
            samples.append(sample)
    return {"wall_s": statistics.median(s["wall"] for s in samples), "cpu_s": statistics.median(s["cpu"] for s in samples),
            "peak_mib": max(s["peak_kib"] for s in samples) / 1024, "samples": samples, "index_html": pages}


def run_interleaved(generators: list[tuple[str, list[str], str]], expected: list[str], runs: int, warmup: bool,
                    env: dict, logs: str) -> dict:
    """`run_generator` for several generators, taking turns run by run (T H T H ...): the
    machine's speed drifts over minutes, and turns let each run of one meet the same machine as
    the other's. Returns each generator's result by name, plus `paired_wall_ratios`, the first
    generator's wall time over the second's, run by run."""
    samples: dict[str, list[dict]] = {name: [] for name, _, _ in generators}
    pages: dict[str, int] = {}
    for run in range(runs + (1 if warmup else 0)):
        for name, args, output in generators:
            if run == 0:
                remove_output(output)
            label = "warm-up" if warmup and run == 0 else f"run {run + (0 if warmup else 1)}/{runs}"
            sample = timed(args, env=env, log_path=os.path.join(logs, f"{name}.log"))
            pages[name] = validate(output, expected, name)
            log(f"  {name:<8} {label:<9} {sample['wall']:8.2f} s wall {sample['cpu']:8.2f} s CPU {sample['peak_kib'] / 1024:8.1f} MiB"
                f"  ({pages[name]:,} index.html; load before {sample['load']:.1f})")
            if not (warmup and run == 0):
                samples[name].append(sample)
    results = {name: {"wall_s": statistics.median(s["wall"] for s in samples[name]),
                      "cpu_s": statistics.median(s["cpu"] for s in samples[name]),
                      "peak_mib": max(s["peak_kib"] for s in samples[name]) / 1024, "samples": samples[name],
                      "index_html": pages[name]} for name, _, _ in generators}
    first, second = generators[0][0], generators[1][0]
    results["paired_wall_ratios"] = [a["wall"] / b["wall"] for a, b in zip(samples[first], samples[second])]
    return results


def run_cmark(markdown: str, runs: int) -> dict | None:
    if not shutil.which("cmark-gfm"):
        return None
    args = ["cmark-gfm"] + [part for name in CMARK_EXTENSIONS for part in ("--extension", name)] + [markdown]
    samples = [timed(args) for _ in range(runs)]
    return {"wall_s": statistics.median(s["wall"] for s in samples), "cpu_s": statistics.median(s["cpu"] for s in samples),
            "peak_mib": max(s["peak_kib"] for s in samples) / 1024, "input_mib": os.path.getsize(markdown) / 1048576}


def default_output_root() -> str:
    """A RAM-backed folder when there is one. On ext4, a build that follows the deletion of the
    previous output is slowed by the kernel skipping recently freed inodes, and more so run after
    run; that measures the file system's history, not the generator."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK):
        usage = shutil.disk_usage(shm)
        if usage.free > 4 * 1024 ** 3:
            return os.path.join(shm, "trillium-bench")
    return BENCH_DIR


def bench_size(pages: int, seed: int, trillium: str, runs: int, warmup: bool, output_root: str) -> dict:
    folder, plan = corpus_for(pages, seed)
    expected = corpus_module.expected_urls(plan)
    outputs = os.path.join(output_root, f"out-{pages}")
    logs = os.path.join(BENCH_DIR, "logs", f"out-{pages}")
    os.makedirs(logs, exist_ok=True)
    env = dict(os.environ, TRILLIUM_TODAY=corpus_module.TODAY, HUGO_CACHEDIR=os.path.join(BENCH_DIR, "hugo-cache"))
    trillium_site = os.path.join(folder, "trillium")
    hugo_site = os.path.join(folder, "hugo")
    log(f"N = {pages:,} pages per language: {len(plan.pages) * 2:,} content pages, {len(plan.services):,} services, "
        f"{folder_bytes(os.path.join(trillium_site, 'Content'), '.md') / 1048576:.1f} MiB of Markdown")
    trillium_out = os.path.join(outputs, "trillium")
    hugo_out = os.path.join(outputs, "hugo")
    result = {
        "output_folder": outputs,
        "pages_per_language": pages,
        "content_pages": len(plan.pages) * 2,
        "services": len(plan.services),
        "markdown_mib": folder_bytes(os.path.join(trillium_site, "Content"), ".md") / 1048576,
    }
    timings = run_interleaved([("trillium", [trillium, "build", "--site", trillium_site, "--output", trillium_out, "--quiet"], trillium_out),
                               ("hugo", ["hugo", "--source", hugo_site, "--destination", hugo_out, "--quiet"], hugo_out)],
                              expected, runs, warmup, env, logs)
    result["trillium"], result["hugo"] = timings["trillium"], timings["hugo"]
    result["paired_wall_ratios"] = timings["paired_wall_ratios"]
    result["cmark"] = run_cmark(os.path.join(folder, "all.md"), max(runs, 1))
    result["trillium"]["output_mib"] = folder_bytes(trillium_out) / 1048576
    result["hugo"]["output_mib"] = folder_bytes(hugo_out) / 1048576
    if output_root != BENCH_DIR:
        shutil.rmtree(outputs, ignore_errors=True)  # do not leave hundreds of MiB in RAM
    result["time_ratio"] = result["trillium"]["wall_s"] / result["hugo"]["wall_s"]
    result["paired_time_ratio"] = statistics.median(result["paired_wall_ratios"])
    result["cpu_ratio"] = result["trillium"]["cpu_s"] / result["hugo"]["cpu_s"]
    result["memory_ratio"] = result["trillium"]["peak_mib"] / result["hugo"]["peak_mib"]
    return result


def table(results: list[dict]) -> str:
    header = ("| N/lang | index.html T / H | Trillium wall | Trillium CPU | Trillium peak | Hugo wall | Hugo CPU | Hugo peak "
              "| wall T/H | wall T/H run by run | CPU T/H | memory T/H | cmark-gfm alone (wall, peak) |")
    lines = [header, "| ---: " * (header.count("|") - 1) + "|"]
    for r in results:
        t, h, c = r["trillium"], r["hugo"], r["cmark"]
        floor = f"{c['wall_s']:.2f} s, {c['peak_mib']:.0f} MiB" if c else "n/a"
        lines.append(f"| {r['pages_per_language']:,} | {t['index_html']:,} / {h['index_html']:,} | {t['wall_s']:.2f} s "
                     f"| {t['cpu_s']:.2f} s | {t['peak_mib']:.0f} MiB | {h['wall_s']:.2f} s | {h['cpu_s']:.2f} s "
                     f"| {h['peak_mib']:.0f} MiB | {r['time_ratio']:.2f}× "
                     f"| {r['paired_time_ratio']:.2f}× ({', '.join(f'{x:.2f}' for x in r['paired_wall_ratios'])}) "
                     f"| {r['cpu_ratio']:.2f}× | {r['memory_ratio']:.2f}× "
                     f"| {floor} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="N = 200 only, one run, no warm-up (smoke test)")
    parser.add_argument("--sizes", help="comma-separated pages per language (default 1000,5000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per generator and size (default 3)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first run")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--trillium", help="use this trillium executable instead of a release build")
    parser.add_argument("--output-root", help="where the generators write (default: a folder in /dev/shm when it has "
                                              "room, else .bench/); pass .bench to measure writes to disk")
    parser.add_argument("--no-search", action="store_true", help="skip the site search comparison with Pagefind")
    parser.add_argument("--services", type=int, help="also measure search in a directory of this many services (e.g. 60000)")
    parser.add_argument("--no-preview", action="store_true", help="skip timing the preview's edits (Benchmarks/preview_bench.py)")
    parser.add_argument("--directory", help="numbers of services for the directory benchmark (default 2000,60000; "
                                            "300 with --quick)")
    parser.add_argument("--no-directory", action="store_true", help="skip the directory benchmark")
    args = parser.parse_args()

    sizes = [200] if args.quick else [int(s.replace(",", "").replace("_", "")) for s in (args.sizes or "1000,5000,10000").split(",")]
    runs = 1 if args.quick else max(1, args.runs)
    warmup = not (args.quick or args.no_warmup)
    try:
        check_tools(need_swift=args.trillium is None)
        trillium = os.path.abspath(args.trillium) if args.trillium else build_trillium()
        facts = machine_facts()
        log("Machine: " + ", ".join(f"{key} {value}" for key, value in facts.items()))
        output_root = os.path.abspath(args.output_root) if args.output_root else default_output_root()
        log(f"Builds write to {output_root}")
        results = [bench_size(size, args.seed, trillium, runs, warmup, output_root) for size in sizes]
        search_results = []
        if not args.no_search:
            import search_bench  # imports this module: load it only when it is used
            search_sizes = [size for size in sizes if size in (1000, 10_000)] or sizes[:1]
            search_results = search_bench.run(search_sizes, args.services, trillium, args.seed, output_root,
                                              with_pagefind=not args.quick)
        preview_result = None
        if not args.no_preview:
            import preview_bench  # imports this module: load it only when it is used
            preview_result = preview_bench.run(sizes[-1], args.seed, 1, output_root)  # each edit and its undo
        directory_results = []
        if not args.no_directory:
            import directory_bench  # imports this module: load it only when it is used
            directory_sizes = ([directory_bench.QUICK_SIZE] if args.quick and not args.directory
                               else directory_bench.parse_sizes(args.directory) if args.directory else directory_bench.DEFAULT_SIZES)
            directory_results = directory_bench.run(directory_sizes, trillium, args.seed, output_root, runs, warmup, 1,
                                                    output_root if args.output_root else BENCH_DIR)
    except (BenchError, subprocess.CalledProcessError) as error:
        log(f"benchmark failed: {error}")
        return 1

    report = {"machine": facts, "runs": runs, "warmup": warmup, "seed": args.seed, "output_root": output_root, "results": results,
              "search": search_results, "preview": preview_result, "directory": directory_results}
    os.makedirs(BENCH_DIR, exist_ok=True)
    with open(os.path.join(BENCH_DIR, "results.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2, sort_keys=True)
        handle.write("\n")
    print(f"Median of {runs} run{'s' if runs > 1 else ''}{' after a warm-up' if warmup else ''}; CPU = user + system; "
          f"peak = largest max RSS (GNU time %M); T/H = Trillium ÷ Hugo (the two take turns, run by run); output written to {output_root}.\n")
    print(table(results))
    largest = results[-1]
    if largest["pages_per_language"] >= 10_000:
        time_ok = largest["time_ratio"] <= TARGET_TIME_RATIO
        memory_ok = largest["memory_ratio"] <= TARGET_MEMORY_RATIO
        print(f"\nTargets at {largest['pages_per_language']:,} pages/language: time ≤ {TARGET_TIME_RATIO}× Hugo: "
              f"{'met' if time_ok else 'NOT met'} ({largest['time_ratio']:.2f}×); memory ≤ {TARGET_MEMORY_RATIO}× Hugo: "
              f"{'met' if memory_ok else 'NOT met'} ({largest['memory_ratio']:.2f}×).")
    if search_results:
        import search_bench
        print("\nSite search against Pagefind 1.5 on the same output (bytes as gzip -9; see Benchmarks/search_bench.py):\n")
        print(search_bench.table(search_results))
        for line in search_bench.verdicts(search_results):
            print(line)
    if preview_result:
        import preview_bench
        print(f"\nPreview at {preview_result['pages_per_language']:,} pages/language, one edit at a time "
              f"(medians; see Benchmarks/preview_bench.py):\n")
        print(preview_bench.table(preview_result))
        print(preview_bench.verdict(preview_result))
    if directory_results:
        import directory_bench
        print()
        print(directory_bench.report(directory_results))
    print(f"\nDetails: {os.path.relpath(os.path.join(BENCH_DIR, 'results.json'), os.getcwd())}")
    return 0


if __name__ == "__main__":
    # search_bench, preview_bench and directory_bench `import bench`: let them get this module, so
    # the BenchError they raise is the one main() catches.
    sys.modules.setdefault("bench", sys.modules[__name__])
    sys.exit(main())
