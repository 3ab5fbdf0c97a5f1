"""``archiver export DIR --format jsonl|csv [--latest] [--out FILE]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_FAILURE, EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="export an archive as JSON Lines or CSV")
    parser.add_argument("dir", type=Path, help="archive directory")
    parser.add_argument("--format", choices=("jsonl", "csv"), required=True)
    parser.add_argument("--latest", action="store_true", help="only each item's latest version")
    parser.add_argument("--out", type=Path, help="output file (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.store.export import export

    if not args.dir.is_dir():
        print(f"archiver export: {args.dir} is not a directory", file=sys.stderr)
        return EXIT_FAILURE
    if args.out is None:
        count = export(args.dir, sys.stdout, args.format, args.latest)
    else:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            count = export(args.dir, handle, args.format, args.latest)
    print(f"exported {count} rows", file=sys.stderr)
    return EXIT_OK
