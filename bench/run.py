"""Run every benchmark and rewrite its figures in docs/benchmarks.md (``make bench``).

Each script prints Markdown; its output replaces the block between ``<!-- bench:NAME -->`` and
``<!-- /bench:NAME -->`` in the document, headed by the command, the date, the machine (processor,
cores, load average at the start and end of that benchmark) and the run's length, so the document
holds what the scripts measured and nothing typed by hand. A block is rewritten as soon as its
benchmark ends; one that fails leaves its block as it was. ``--quick`` runs everything small
(a few minutes in all; the memory benchmark alone takes several at full size).

    .venv/bin/python bench/run.py [--quick] [--only dates,extract] [--doc docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOC = HERE.parent / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    full: tuple[str, ...]
    quick: tuple[str, ...]


BENCHMARKS = (
    Benchmark("dates", "bench_dates.py", ("--n", "10000", "--rounds", "5"),
              ("--n", "1000", "--rounds", "3")),
    Benchmark("extract", "bench_extract.py", ("--items", "60", "--rounds", "5"),
              ("--items", "10", "--rounds", "3")),
    Benchmark("crawl", "bench_crawl.py", ("--items", "1500", "--runs", "5"),
              ("--items", "200", "--runs", "3")),
    Benchmark("reextract", "bench_reextract.py", ("--items", "1000", "--rounds", "5"),
              ("--items", "200", "--rounds", "3")),
    Benchmark("memory", "bench_memory.py", ("--small", "10000", "--large", "100000"),
              ("--small", "1000", "--large", "10000")),
)  # fmt: skip


@dataclass(frozen=True)
class Machine:
    """Where and when a benchmark ran."""

    started: datetime
    seconds: float
    cpu: str
    cores: int
    load_start: float  # the one-minute load average
    load_end: float
    python: str


def heading(command: str, machine: Machine) -> str:
    """The line above a benchmark's figures: how to get them again, and under what load."""
    return (
        f"`{command}` — {machine.started:%Y-%m-%d %H:%M} UTC, {machine.seconds:.0f} s; "
        f"{machine.cpu}, {machine.cores} cores, load average {machine.load_start:.2f} at the "
        f"start and {machine.load_end:.2f} at the end; Python {machine.python}."
    )


def cpu_model() -> str:
    """The processor's name as Linux reports it, else the architecture."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.machine()


def replace_block(doc: str, name: str, text: str) -> str:
    """``doc`` with the block between ``name``'s markers replaced by ``text``."""
    begin, end = f"<!-- bench:{name} -->\n", f"<!-- /bench:{name} -->"
    if doc.count(begin) != 1 or doc.count(end) != 1 or doc.index(begin) > doc.index(end):
        raise ValueError(f"the document needs one {begin.strip()} … {end} block")
    head, rest = doc.split(begin)
    _, tail = rest.split(end)
    return f"{head}{begin}{text.strip()}\n{end}{tail}"


def run(benchmark: Benchmark, quick: bool) -> str:
    """Run one benchmark in a process of its own; its block: the heading and its output."""
    args = benchmark.quick if quick else benchmark.full
    command = " ".join([".venv/bin/python", f"bench/{benchmark.script}", *args])
    print(f"\n== {command}", flush=True)
    started, load_start, clock = datetime.now(UTC), os.getloadavg()[0], time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / benchmark.script), *args],
        stdout=subprocess.PIPE,
        encoding="utf-8",  # µ, × and — whatever the locale
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    print(done.stdout, flush=True)
    if done.returncode:
        raise SystemExit(f"{benchmark.script} failed (exit {done.returncode}); its block is kept")
    machine = Machine(
        started,
        time.perf_counter() - clock,
        cpu_model(),
        os.cpu_count() or 1,
        load_start,
        os.getloadavg()[0],
        platform.python_version(),
    )
    return f"{heading(command, machine)}\n\n{done.stdout}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every benchmark at a small size")
    parser.add_argument(
        "--only", help="comma-separated names: " + ", ".join(b.name for b in BENCHMARKS)
    )
    parser.add_argument("--doc", type=Path, default=DOC)
    args = parser.parse_args()
    names = [b.name for b in BENCHMARKS] if args.only is None else args.only.split(",")
    unknown = set(names) - {b.name for b in BENCHMARKS}
    if unknown:
        parser.error(f"no benchmark named {', '.join(sorted(unknown))}")
    chosen = [b for b in BENCHMARKS if b.name in names]
    for benchmark in chosen:  # a document without the blocks fails now, not after a long run
        replace_block(args.doc.read_text(encoding="utf-8"), benchmark.name, "")
    for benchmark in chosen:
        block = run(benchmark, args.quick)
        doc = replace_block(args.doc.read_text(encoding="utf-8"), benchmark.name, block)
        args.doc.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
