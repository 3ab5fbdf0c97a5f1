"""``archiver report DIR``: one HTML file with the archive's charts and tables, for people."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_OK
from archiver.commands.common import CommandFailed, archive_dir


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "report", help="write a self-contained HTML report of the archive (opens offline)"
    )
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.add_argument("--out", type=Path, help="HTML file to write (default: DIR/report.html)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.report.figures import UnreadableManifest
    from archiver.report.html import write_report

    root = archive_dir(args.dir)
    if args.out is not None and args.out.is_dir():
        raise CommandFailed(f"{args.out} is a directory; give --out a file name like report.html")
    try:
        path = write_report(root, args.out)
    except UnreadableManifest as error:
        raise CommandFailed(str(error)) from None
    except OSError as error:
        raise CommandFailed(f"cannot write the report: {error}") from None
    print(path)
    return EXIT_OK
