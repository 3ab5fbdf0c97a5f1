"""``archiver report DIR``: one HTML file with the archive's charts and tables, for people."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_OK
from archiver.commands.common import CommandFailed, archive_location, on_store, readable_archive


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "report", help="write a self-contained HTML report of the archive (opens offline)"
    )
    parser.add_argument(
        "dir", type=archive_location, help="archive directory, or s3://BUCKET/PREFIX"
    )
    parser.add_argument(
        "--out", type=Path, help="HTML file to write (default: DIR/report.html, also on s3://)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.report.html import REPORT_NAME, write_report
    from archiver.store.remote import RemoteArchive

    if args.out is not None and args.out.is_dir():
        raise CommandFailed(f"{args.out} is a directory; give --out a file name like report.html")
    remote = isinstance(args.dir, str)
    title = args.dir.rstrip("/").rsplit("/", 1)[-1] if remote else None
    # The report counts the WARC files' bytes, so an s3:// archive's are fetched for it.
    with readable_archive(args.dir, warcs=True) as root:
        try:
            path = write_report(root, args.out, title)
        except OSError as error:
            raise CommandFailed(f"cannot write the report: {error}") from None
        if remote and args.out is None:
            archive = RemoteArchive.parse(args.dir)
            on_store(args.dir, lambda: archive.write(REPORT_NAME, path.read_bytes()))
            print(f"{args.dir.rstrip('/')}/{REPORT_NAME}")
            return EXIT_OK
    print(path)
    return EXIT_OK
