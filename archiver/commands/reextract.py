"""``archiver reextract DIR``: today's page objects over the archive's WARC captures, offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_OK
from archiver.commands.common import archive_dir


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "reextract", help="re-read every archived capture with the current page objects"
    )
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.reextract import reextract

    counts = reextract(archive_dir(args.dir))
    print(
        f"re-extracted {counts['new'] + counts['revised'] + counts['unchanged']} items: "
        f"{counts['revised']} revised, {counts['new']} new, {counts['unchanged']} unchanged "
        f"({counts['listing_pages']} listing pages read for dates)"
    )
    return EXIT_OK
