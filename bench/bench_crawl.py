"""Crawl speed against a do-nothing spider on the same replica, and the writers' share.

    .venv/bin/python bench/bench_crawl.py [--items 1500] [--langs en,ar] [--runs 3]

Each crawl runs in its own process (Twisted's reactor runs once per process) against one
replica server. A round runs, in turn: a spider that walks the same listings and item pages
and does nothing with them; the real mediaoffice spider with extraction, dates, Parquet and
WARC; the same without WARC capture (ARCHIVER_WARC_ENABLED=False); the same without the Parquet
pipeline (only the normalise pipeline). A writer's share is the wall time it adds to the crawl:
(full crawl - crawl without it) / full crawl. Beside it: the CPU seconds of the Parquet
pipeline (on the reactor thread) and of the WARC capture process, and each crawl's CPU seconds
in its reactor's process and in its helpers (the capture and page processes): on a machine
shared with other jobs the wall times move with their load, the CPU seconds much less.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.replica import running  # noqa: E402

CHILD = Path(__file__).with_name("crawl_child.py")
KINDS = ("donothing", "archiver", "nowarc", "noparquet")


def crawl(kind: str, base_url: str, langs: str) -> dict[str, Any]:
    """One crawl in a child process; its JSON report."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, str(CHILD), kind, base_url, langs, out],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(round_: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Print one round's line; its throughput ratio and the writers' shares."""
    full = round_["archiver"]
    wall = full["wall"]
    rates = {kind: result["pages"] / result["wall"] for kind, result in round_.items()}
    shares = {
        "ratio": rates["archiver"] / rates["donothing"],
        "warc": (wall - round_["nowarc"]["wall"]) / wall,
        "parquet": (wall - round_["noparquet"]["wall"]) / wall,
    }
    pages = ", ".join(f"{kind} {result['pages']}" for kind, result in round_.items())
    print(f"pages: {pages}; load average {os.getloadavg()[0]:.2f}")
    cpu = ", ".join(f"{kind} {r['cpu']:.2f} + {r['helpers_cpu']:.2f}" for kind, r in round_.items())
    print(f"CPU s (reactor + helpers): {cpu}")
    print(
        f"walls (s): do-nothing {round_['donothing']['wall']:.2f}, full {wall:.2f}, "
        f"no WARC {round_['nowarc']['wall']:.2f}, no Parquet {round_['noparquet']['wall']:.2f} | "
        f"pages/s: do-nothing {rates['donothing']:.0f}, full {rates['archiver']:.0f} "
        f"(ratio {shares['ratio']:.2f}) | "
        f"WARC adds {shares['warc']:.1%} (capture process CPU {full['warc_seconds']:.2f} s), "
        f"Parquet adds {shares['parquet']:.1%} (in the pipeline {full['parquet_seconds']:.2f} s)"
    )
    return shares


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1500, help="items per section")
    parser.add_argument("--langs", default="en,ar")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the four crawls")
    args = parser.parse_args()
    langs = tuple(args.langs.split(","))
    print(f"replica: {args.items} items per section, sections {args.langs}")
    rounds = []
    with running(items=args.items, seed=7, langs=langs) as server:
        for _ in range(args.runs):
            round_ = {kind: crawl(kind, server.base_url, args.langs) for kind in KINDS}
            rounds.append(report(round_))
    for name in ("ratio", "warc", "parquet"):
        values = [r[name] for r in rounds]
        low, high = min(values), max(values)
        print(f"median {name}: {statistics.median(values):.3f} (range {low:.3f}–{high:.3f})")


if __name__ == "__main__":
    main()
