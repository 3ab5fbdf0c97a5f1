"""The ``archiver`` command: a thin router over ``archiver.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from archiver import __version__
from archiver.commands.common import (
    CommandFailed,
    add_output_options,
    configure_logging,
    quieted,
    report,
)
from archiver.store.errors import UnreadableManifest
from archiver.store.lock import ArchiveLocked

# Subcommand modules under archiver.commands, in the order --help lists them.
COMMANDS: tuple[str, ...] = (
    "demo",
    "crawl",
    "extract",
    "parse_date",
    "replica",
    "verify",
    "stats",
    "report",
    "export",
    "compact",
    "reextract",
)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_HEALTH = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archiver",
        description="Archive the Central Media Office site into a Parquet + WARC dataset.",
    )
    parser.add_argument("--version", action="version", version=f"archiver {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"archiver.commands.{name}").register(sub)
    for command in sub.choices.values():
        add_output_options(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # `crawl --workers` reruns it
    try:
        configure_logging(args.quiet, args.log_file, args.log_level)
        with quieted(args.quiet):
            code: int = args.run(args)
    except (CommandFailed, ArchiveLocked, UnreadableManifest) as error:
        # What the operator can fix: one line naming it, not a traceback.
        report(args.command, str(error))
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader of stdout left (`archiver export … | head`): stop without a traceback, and
        # point stdout at /dev/null so the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    return code


if __name__ == "__main__":
    sys.exit(main())
