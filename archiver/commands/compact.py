"""``archiver compact DIR``: merge small part files per partition, with the same rows."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_FAILURE, EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("compact", help="merge an archive's small part files")
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.store.compact import compact
    from archiver.store.lock import ArchiveLocked

    if not args.dir.is_dir():
        print(f"archiver compact: {args.dir} is not a directory")
        return EXIT_FAILURE
    try:
        result = compact(args.dir)
    except ArchiveLocked as error:
        print(f"archiver compact: {error}")
        return EXIT_FAILURE
    if result.leftovers_removed:
        print(f"finished an interrupted compaction: {result.leftovers_removed} files removed")
    if result.compact_id is None:
        print(f"{args.dir}: nothing to merge")
    else:
        print(
            f"{result.compact_id}: {result.replaced} part files merged into {result.written} "
            f"({result.rows} rows); manifest: {args.dir / 'crawls' / (result.compact_id + '.json')}"
        )
    return EXIT_OK
