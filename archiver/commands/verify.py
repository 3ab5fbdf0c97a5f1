"""``archiver verify DIR``: integrity of an archive; exit 1 with the problems listed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_FAILURE, EXIT_OK
from archiver.commands.common import archive_dir


def register(sub: Any) -> None:
    parser = sub.add_parser("verify", help="check an archive's files, hashes and versions")
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.set_defaults(run=run)


def print_report(root: Path) -> bool:
    """Print the verification of ``root``; True when it is clean."""
    from archiver.store.verify import verify

    report = verify(root)
    if report.running is not None:
        print(
            f"{root}: a crawl is writing this archive (process {report.running}); "
            "its files are unfinished until it ends: verify again then"
        )
        return False
    for note in report.notes:
        print(f"note: {note}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    verdict = "verified" if report.ok else f"FAILED ({len(report.problems)} problems)"
    print(
        f"{root}: {report.files} part files, {report.rows} rows, "
        f"{report.warc_files} WARC files, {report.warc_records} records: {verdict}"
    )
    return report.ok


def run(args: argparse.Namespace) -> int:
    return EXIT_OK if print_report(archive_dir(args.dir)) else EXIT_FAILURE
