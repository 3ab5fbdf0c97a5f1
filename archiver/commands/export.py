"""``archiver export DIR --format jsonl|csv|wacz [--latest] [-o FILE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archiver.commands.common import CommandFailed, archive_location, readable_archive
from archiver.exitcodes import EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export", help="export an archive as JSON Lines, CSV or a WACZ package for replay tools"
    )
    parser.add_argument(
        "dir", type=archive_location, help="archive directory, or s3://BUCKET/PREFIX"
    )
    parser.add_argument("--format", choices=("jsonl", "csv", "wacz"), required=True)
    parser.add_argument("--latest", action="store_true", help="only each item's latest version")
    parser.add_argument(
        "-o", "--out", type=Path, help="output file (default: standard output; wacz needs one)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with readable_archive(args.dir, warcs=args.format == "wacz") as root:
        return export_from(root, args)


def export_from(root: Path, args: argparse.Namespace) -> int:
    from archiver.dataset import skipped_files
    from archiver.store.export import export

    with skipped_files() as damaged:
        if args.format == "wacz":
            count = _export_wacz(root, args.out, args.latest)
        elif args.out is None:
            count = export(root, sys.stdout, args.format, args.latest)
        else:
            count = _export_to_file(root, args.out, args.format, args.latest)
    done = (
        f"exported {count} pages to {args.out}"
        if args.format == "wacz"
        else f"exported {count} rows"
    )
    if damaged:
        # The sound rows are out; the operator must know that some were not.
        raise CommandFailed(
            f"{done}, but {len(damaged)} damaged part files were left out; "
            "`archiver verify` names them"
        )
    print(done, file=sys.stderr)
    return EXIT_OK


def _export_wacz(root: Path, out: Path | None, latest_only: bool) -> int:
    from archiver.store.wacz import WaczFailed, write_wacz

    if out is None:
        raise CommandFailed("--format wacz writes a file; give it with -o FILE.wacz")
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        count = write_wacz(root, tmp, latest_only)

    try:
        _publish(out, write)
    except WaczFailed as error:
        raise CommandFailed(str(error)) from error
    return count


def _export_to_file(root: Path, out: Path, fmt: str, latest_only: bool) -> int:
    from archiver.store.export import export

    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            count = export(root, handle, fmt, latest_only)

    _publish(out, write)
    return count


def _publish(out: Path, write: Callable[[Path], None]) -> None:
    """Write ``out`` all at once: an interrupted export leaves no partial file there."""
    from archiver.store.atomic import write_atomically

    if out.is_dir():
        raise CommandFailed(f"--out {out} is a directory; give a file name")
    try:
        write_atomically(out, write)
    except OSError as error:
        raise CommandFailed(f"export to {out} failed: {error}") from error
