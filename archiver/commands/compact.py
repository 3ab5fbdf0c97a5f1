"""``archiver compact DIR``: merge small part files per partition, with the same rows."""

from __future__ import annotations

import argparse
from typing import Any

from archiver.commands.common import archive_dir, archive_location, writable_archive
from archiver.exitcodes import EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("compact", help="merge an archive's small part files")
    parser.add_argument(
        "dir", type=archive_location, help="archive directory, or s3://BUCKET/PREFIX"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.store.compact import compact

    # On s3://, the merged files go up before their record, and the replaced objects are
    # deleted after it (archiver.store.remote.Publisher).
    with writable_archive(args.dir) as root:
        result = compact(archive_dir(root))
    if result.leftovers_removed:
        print(f"finished an interrupted compaction: {result.leftovers_removed} files removed")
    if result.compact_id is None:
        print(f"{args.dir}: nothing to merge")
    else:
        print(
            f"{result.compact_id}: {result.replaced} part files merged into {result.written} "
            f"({result.rows} rows); manifest: {args.dir}/crawls/{result.compact_id}.json"
        )
    return EXIT_OK
