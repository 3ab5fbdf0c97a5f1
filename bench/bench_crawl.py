"""Crawl speed against a do-nothing spider on the same replica, and the writers' share.

    .venv/bin/python bench/bench_crawl.py [--items 1500] [--langs en,ar] [--runs 3]
                                          [--server prerendered|live]

Each crawl runs in its own process (Twisted's reactor runs once per process) against one
replica server: by default the replica's pages served from memory (``bench/prerendered.py``:
the real site's server does not run on the crawler's cores, and the replica's own server took
≈1.9 s of CPU a crawl on them), with ``--server live`` the replica's own server. One untimed
do-nothing crawl first renders every page (and warms the live server's caches).

A round runs, in turn: a spider that walks the same listings and item pages
and does nothing with them; the real mediaoffice spider with extraction, dates, Parquet and
WARC; the same without WARC capture (ARCHIVER_WARC_ENABLED=False); the same without the Parquet
pipeline (only the normalise pipeline). A writer's share is the wall time it adds to the crawl:
(full crawl - crawl without it) / full crawl. Beside it: the seconds inside each writer (the
timed stand-ins of ``bench/timed_pipeline.py``: the Parquet pipeline on the reactor thread, the
WARC capture process's CPU), and the CPU seconds of the do-nothing crawl and of the full crawl's
reactor process and its helpers (capture and page processes): on a machine shared with other
jobs, wall times move with their load, CPU seconds much less. Prints Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.replica import running  # noqa: E402
from bench.markdown import table  # noqa: E402
from bench.prerendered import prerendered  # noqa: E402

CHILD = Path(__file__).with_name("crawl_child.py")
KINDS = ("donothing", "archiver", "nowarc", "noparquet")


def cpu_seconds(pid: int) -> float:
    """The user and system CPU a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def serving(server: str, items: int, langs: str) -> Iterator[tuple[str, int]]:
    """The replica, served as asked: its base URL and the server's process id."""
    if server == "live":
        with running(items=items, seed=7, langs=tuple(langs.split(","))) as handle:
            yield handle.base_url, handle.pid
    else:
        with prerendered(items, 7, langs) as (base_url, pid):
            yield base_url, pid


def crawl(kind: str, base_url: str, langs: str, server_pid: int) -> dict[str, Any]:
    """One crawl in a child process; its JSON report, with the server's CPU during it."""
    server_before = cpu_seconds(server_pid)
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, str(CHILD), kind, base_url, langs, out],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["server_cpu"] = cpu_seconds(server_pid) - server_before
    return result


def shares(round_: dict[str, dict[str, Any]]) -> dict[str, float]:
    """One round's throughput ratio (full crawl against the do-nothing spider, pages per
    second) and each writer's share: the wall time it adds, over the full crawl's."""
    wall = round_["archiver"]["wall"]
    rates = {kind: result["pages"] / result["wall"] for kind, result in round_.items()}
    return {
        "ratio": rates["archiver"] / rates["donothing"],
        "warc": (wall - round_["nowarc"]["wall"]) / wall,
        "parquet": (wall - round_["noparquet"]["wall"]) / wall,
    }


def row(label: str, round_: dict[str, dict[str, Any]]) -> list[str]:
    full, share = round_["archiver"], shares(round_)
    walls = [f"{round_[kind]['wall']:.2f} s" for kind in KINDS]
    return [
        label,
        *walls,
        f"{full['pages']} / {full['items']}",
        f"{share['ratio']:.2f}",
        f"{share['warc']:.1%}",
        f"{full['warc_seconds']:.2f} s",
        f"{share['parquet']:.1%}",
        f"{full['parquet_seconds']:.2f} s",
        f"{round_['donothing']['cpu']:.2f} s",
        f"{full['cpu']:.2f} + {full['helpers_cpu']:.2f} s",
        f"{full['server_cpu']:.2f} s",
    ]


HEADER = ["round", "do-nothing", "full", "no WARC", "no Parquet", "pages / items",
          "pages/s ratio", "WARC adds", "in WARC", "Parquet adds", "in Parquet",
          "CPU do-nothing", "CPU full (reactor + helpers)", "server CPU (full)"]  # fmt: skip
GOALS: tuple[tuple[str, str, Callable[[float], bool]], ...] = (
    ("ratio", "the full crawl ≥ 0.5× the do-nothing spider's pages/s", lambda v: v >= 0.5),
    ("warc", "the WARC writer ≤ 5% of the crawl's wall time", lambda v: v <= 0.05),
    ("parquet", "the Parquet writer ≤ 5% of the crawl's wall time", lambda v: v <= 0.05),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1500, help="items per section")
    parser.add_argument("--langs", default="en,ar")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the four crawls")
    parser.add_argument("--server", choices=("prerendered", "live"), default="prerendered")
    args = parser.parse_args()
    rounds = []
    with serving(args.server, args.items, args.langs) as (base_url, pid):
        crawl("donothing", base_url, args.langs, pid)  # untimed: every page rendered once
        for _ in range(args.runs):
            rounds.append({kind: crawl(kind, base_url, args.langs, pid) for kind in KINDS})
    served = {
        "prerendered": "served from memory by bench/prerendered.py (rendered in an untimed "
        "first crawl)",
        "live": "served by the replica's own server (warmed by an untimed first crawl)",
    }[args.server]
    print(
        f"Replica: {args.items} items per section, sections {args.langs}, {served}; "
        f"{args.runs} rounds of "
        "four crawls in turn, each in its own process: the do-nothing spider, the full crawl, "
        "the same without WARC capture and without the Parquet pipeline. A writer *adds* "
        "(full − without it) / full of the wall time; *in* is the time spent inside it "
        f"(the WARC capture process's CPU). Load average at the end: {os.getloadavg()[0]:.2f}.\n"
    )
    print(table(HEADER, [row(str(n), round_) for n, round_ in enumerate(rounds, 1)]))
    print()
    for name, goal, met in GOALS:  # the table above shows every round
        median = statistics.median(shares(round_)[name] for round_ in rounds)
        shown = f"{median:.2f}" if name == "ratio" else f"{median:.1%}"
        print(f"- Goal: {goal}: {'met' if met(median) else '**not met**'} (median {shown}).")


if __name__ == "__main__":
    main()
