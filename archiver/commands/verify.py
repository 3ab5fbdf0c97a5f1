"""``archiver verify DIR``: integrity of an archive; exit 1 with the problems listed."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from archiver.commands.common import archive_dir, archive_location, remote_copy
from archiver.exitcodes import EXIT_FAILURE, EXIT_OK

ORPHAN = "uploaded but named by no manifest (a writer killed mid-upload); readers skip it"


def register(sub: Any) -> None:
    parser = sub.add_parser("verify", help="check an archive's files, hashes and versions")
    parser.add_argument(
        "dir", type=archive_location, help="archive directory, or s3://BUCKET/PREFIX"
    )
    parser.set_defaults(run=run)


def print_report(root: Path, name: str | None = None, notes: Sequence[str] = ()) -> bool:
    """Print the verification of ``root`` (called ``name``, with ``notes`` first); True when
    it is clean."""
    from archiver.store.verify import verify

    report = verify(root)
    if report.running is not None:
        print(
            f"{name or root}: a crawl is writing this archive (process {report.running}); "
            "its files are unfinished until it ends: verify again then"
        )
        return False
    for note in [*notes, *report.notes]:
        print(f"note: {note}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    verdict = "verified" if report.ok else f"FAILED ({len(report.problems)} problems)"
    print(
        f"{name or root}: {report.files} part files, {report.rows} rows, "
        f"{report.warc_files} WARC files, {report.warc_records} records: {verdict}"
    )
    return report.ok


def run(args: argparse.Namespace) -> int:
    if isinstance(args.dir, Path):
        return EXIT_OK if print_report(archive_dir(args.dir)) else EXIT_FAILURE
    # Every object readers may meet is fetched, so the bytes checked are the store's.
    with remote_copy(args.dir, warcs=True, replaced=True) as (root, orphans):
        clean = print_report(root, args.dir, [f"{name}: {ORPHAN}" for name in orphans])
    return EXIT_OK if clean else EXIT_FAILURE
