"""Peak memory of a whole crawl as the site grows: 10k items against 100k items.

    .venv/bin/python bench/bench_memory.py [--small 10000] [--large 100000]

Each crawl is the real mediaoffice spider with every pipeline and the WARC capture, in its own
process, over one replica section of the given size; the figure is the crawl process's peak
resident set (the replica runs in another process). Memory should stay nearly flat: batches
bound the Parquet buffers and item requests are issued listing page by listing page.
The large crawl takes several minutes. Prints Markdown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.replica import running
from bench.bench_crawl import crawl
from bench.markdown import table

GOAL = 1.3  # peak memory for ten times the items, at most this many times as much


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    args = parser.parse_args()
    results = {}
    for items in (args.small, args.large):
        with running(items=items, seed=5, langs=("en",)) as server:
            results[items] = crawl("archiver", server.base_url, "en", server.pid)
    print(
        "One section (en) of each size, the mediaoffice spider with every pipeline and WARC "
        "capture in its own process; peak resident set of the crawl process.\n"
    )
    rows = [
        [f"{items:,}", f"{got['items']:,}", f"{got['wall']:.0f} s",
         f"{got['pages'] / got['wall']:.0f}", f"{got['peak_rss_mib']:.0f} MiB"]
        for items, got in results.items()
    ]  # fmt: skip
    print(table(["items", "archived", "wall time", "pages/s", "peak RSS"], rows))
    ratio = results[args.large]["peak_rss_mib"] / results[args.small]["peak_rss_mib"]
    verdict = "met" if ratio <= GOAL else "**not met**"
    print(f"\n{args.large:,} / {args.small:,} items: **{ratio:.2f}×** the peak memory.")
    print(f"Goal: ≤ {GOAL}× for ten times the items: {verdict}.")


if __name__ == "__main__":
    main()
