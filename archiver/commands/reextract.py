"""``archiver reextract DIR``: today's page objects over the archive's WARC captures, offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_FAILURE, EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "reextract", help="re-read every archived capture with the current page objects"
    )
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.reextract import reextract
    from archiver.store.lock import ArchiveLocked

    if not args.dir.is_dir():
        print(f"archiver reextract: {args.dir} is not a directory")
        return EXIT_FAILURE
    try:
        counts = reextract(args.dir)
    except ArchiveLocked as error:
        print(f"archiver reextract: {error}")
        return EXIT_FAILURE
    print(
        f"re-extracted {counts['new'] + counts['revised'] + counts['unchanged']} items: "
        f"{counts['revised']} revised, {counts['new']} new, {counts['unchanged']} unchanged "
        f"({counts['listing_pages']} listing pages read for dates)"
    )
    return EXIT_OK
