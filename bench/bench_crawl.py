"""Crawl speed against a do-nothing spider on the same replica, and the writer's share.

    .venv/bin/python bench/bench_crawl.py [--items 1500] [--langs en,ar]

Each crawl runs in its own process (Twisted's reactor runs once per process) against one
replica server: first a spider that walks the same listings and item pages and does nothing
with them, then the real mediaoffice spider with extraction, dates, Parquet and WARC. The
writer's share is the time spent in the Parquet pipeline (measured inside the crawl) over the
crawl's wall time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.replica import running  # noqa: E402

CHILD = Path(__file__).with_name("crawl_child.py")


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1500, help="items per section")
    parser.add_argument("--langs", default="en,ar")
    args = parser.parse_args()
    langs = tuple(args.langs.split(","))
    with running(items=args.items, seed=7, langs=langs) as server:
        bare = crawl("donothing", server.base_url, args.langs)
        real = crawl("archiver", server.base_url, args.langs)
    bare_rate = bare["pages"] / bare["wall"]
    real_rate = real["pages"] / real["wall"]
    print(f"replica: {args.items} items per section, sections {args.langs}")
    print(
        f"do-nothing spider: {bare['pages']} pages in {bare['wall']:.1f} s "
        f"= {bare_rate:.0f} pages/s"
    )
    print(
        f"archiver (extract, dates, Parquet, WARC): {real['pages']} pages, {real['items']} items "
        f"in {real['wall']:.1f} s = {real_rate:.0f} pages/s"
    )
    print(f"ratio archiver/do-nothing throughput: {real_rate / bare_rate:.2f}")
    for name in ("parquet", "warc"):
        seconds = real[f"{name}_seconds"]
        print(
            f"{name} writer share of crawl time: {seconds:.2f} s of {real['wall']:.1f} s "
            f"= {seconds / real['wall']:.1%}"
        )


if __name__ == "__main__":
    main()
