"""``archiver reextract --processes N``: one process against two, on the same archive, in one run.

    .venv/bin/python bench/bench_reextract.py [--items 400] [--langs en,ar] [--rounds 3]

One crawl of the replica (every feature on) makes the archive; its Parquet rows are then set
aside so that each re-extraction re-reads every item and writes it as new (the heaviest case:
the serial writer is in the timing too). Rounds alternate one and two processes over fresh
copies; each figure is the median wall time, and the rows written must be the same. Prints
Markdown.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver import dataset  # noqa: E402
from archiver.reextract import reextract  # noqa: E402
from archiver.replica import running  # noqa: E402
from archiver.store.layout import ARTICLES_DIR, WARC_DIR  # noqa: E402
from bench.markdown import table  # noqa: E402

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]
PROCESSES = (1, 2)
GOAL = 1.8  # issue 13: two processes on two cores at least this many times as fast as one


def crawl(items: int, langs: str, out: Path) -> None:
    with running(items=items, seed=7, langs=tuple(langs.split(","))) as server:
        command = ["crawl", "--base-url", server.base_url, "--lang", langs, "--out", str(out)]
        # The crawl's summary goes to stderr: stdout is this benchmark's Markdown.
        subprocess.run(
            [sys.executable, "-m", "archiver.cli", *command, *LOCAL], check=True, stdout=sys.stderr
        )


def timed(source: Path, work: Path, processes: int) -> tuple[float, list[dict[str, Any]]]:
    """Seconds to re-extract a fresh copy of the WARC files; the rows it wrote."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source / WARC_DIR, work / WARC_DIR)
    started = time.perf_counter()
    reextract(work, crawl_id="bench", processes=processes)
    seconds = time.perf_counter() - started
    rows = dataset.open(work).to_table().drop_columns(["crawl_id"]).to_pylist()
    return seconds, sorted(rows, key=lambda row: row["key"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=400, help="items per section")
    parser.add_argument("--langs", default="en,ar")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        archive, work = Path(scratch) / "archive", Path(scratch) / "work"
        crawl(args.items, args.langs, archive)
        shutil.rmtree(archive / ARTICLES_DIR)
        times: dict[int, list[float]] = {n: [] for n in PROCESSES}
        written: dict[int, list[dict[str, Any]]] = {}
        for _ in range(args.rounds):
            for processes in PROCESSES:
                seconds, written[processes] = timed(archive, work, processes)
                times[processes].append(seconds)
    same = written[1] == written[2]
    one, two = (statistics.median(times[n]) for n in PROCESSES)
    print(
        f"{len(written[1])} items ({args.items} per section, {args.langs}), re-extracted from "
        f"fresh copies of one crawl's WARC files; {args.rounds} rounds alternating one and two "
        "processes, median.\n"
    )
    rows = [
        [
            f"`--processes {n}`",
            f"{statistics.median(times[n]):.2f} s",
            ", ".join(f"{t:.2f}" for t in times[n]),
        ]
        for n in PROCESSES
    ]
    print(table(["", "wall time", "runs"], rows))
    verdict = "met" if one / two >= GOAL else "**not met**"
    print(f"\nSpeed-up **{one / two:.2f}×**; rows identical: {'yes' if same else 'no'}.")
    print(f"Goal: ≥ {GOAL}× one process on two cores: {verdict}.")
    if not same:
        raise SystemExit("the rows differ between one and two processes")


if __name__ == "__main__":
    main()
