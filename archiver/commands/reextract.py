"""``archiver reextract DIR``: today's page objects over the archive's WARC captures, offline.

Damaged records are skipped, counted in the summary and named on stderr, one line each; the
command then exits 1, so that a scheduler sees the archive needs looking at.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archiver.commands.common import archive_dir, positive_int
from archiver.exitcodes import EXIT_FAILURE, EXIT_OK
from archiver.progress import MODES, Line, reextract_line, wanted

INTERVAL = 0.5  # seconds between progress updates: re-extraction is quick


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "reextract", help="re-read every archived capture with the current page objects"
    )
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.add_argument(
        "--progress",
        choices=MODES,
        default="auto",
        help="a progress line on stderr: auto (default: on a terminal), on, off",
    )
    parser.add_argument(
        "--processes",
        type=positive_int,
        default=1,
        metavar="N",
        help="share the work over N cores (default 1); the rows written are the same",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.reextract import reextract
    from archiver.store.warcread import Damage

    root = archive_dir(args.dir)
    damaged: list[Damage] = []
    if not wanted(args.progress, sys.stderr):
        counts = reextract(root, processes=args.processes, damaged=damaged.append)
    else:
        line = Line(sys.stderr, INTERVAL)

        total = 0

        def show(counts: Mapping[str, int], items: int) -> None:
            nonlocal total
            total = items
            if line.due():
                line.show(reextract_line(counts, total, line.elapsed))

        counts = reextract(root, progress=show, processes=args.processes, damaged=damaged.append)
        line.end(reextract_line(counts, total, line.elapsed))
    skipped = len(damaged)
    print(
        f"re-extracted {counts['new'] + counts['revised'] + counts['unchanged']} items: "
        f"{counts['revised']} revised, {counts['new']} new, {counts['unchanged']} unchanged "
        f"({counts['listing_pages']} listing pages read for dates)"
        + (f"; {skipped} damaged record{'s' * (skipped != 1)} skipped" if skipped else "")
    )
    for damage in damaged:
        page = "" if damage.place.startswith(damage.url) else f" ({damage.url})"
        print(f"damaged: {damage.place}{page}: {damage.reason}", file=sys.stderr)
    return EXIT_FAILURE if damaged else EXIT_OK
