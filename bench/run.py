"""Run every benchmark in turn and print its figures (``make bench``).

The memory benchmark crawls 110k items and takes several minutes; ``--quick`` runs it at a
tenth of the size. Figures go into docs/benchmarks.md by hand, with the command that made them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller memory benchmark")
    args = parser.parse_args()
    memory = ["--small", "1000", "--large", "10000"] if args.quick else []
    for script, extra in (
        ("bench_dates.py", []),
        ("bench_extract.py", []),
        ("bench_crawl.py", []),
        ("bench_reextract.py", []),
        ("bench_memory.py", memory),
    ):
        print(f"\n== {script} {' '.join(extra)}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *extra], check=True)


if __name__ == "__main__":
    main()
