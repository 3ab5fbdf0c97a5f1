"""``archiver replica``: serve the local replica of the site until stopped."""

from __future__ import annotations

import argparse
from typing import Any

from archiver.commands.common import port, positive_int, report
from archiver.exitcodes import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from archiver.replica.faults import FaultSpec, parse_faults
from archiver.urls import LANGS


def _langs(text: str) -> tuple[str, ...]:
    langs = tuple(LANGS) if text == "all" else tuple(filter(None, text.split(",")))
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or not langs:
        raise argparse.ArgumentTypeError(f"unknown language section(s): {text}")
    return langs


def _faults(text: str) -> FaultSpec:
    try:
        return parse_faults(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _broken(text: str) -> tuple[str, str]:
    field, sep, lang = text.partition(":")
    if not sep or lang not in LANGS:
        raise argparse.ArgumentTypeError(f"--break takes FIELD:LANG (e.g. comment:ar), not {text}")
    return field, lang


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=port, default=0, help="port on 127.0.0.1 (0: a free one)")
    parser.add_argument(
        "--items", type=positive_int, default=250, help="items per language section"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated content")
    parser.add_argument(
        "--langs", type=_langs, default=("en", "ar"), help="comma-separated sections, or all"
    )
    parser.add_argument(
        "--edition",
        type=int,
        default=0,
        help="0: the site as generated; N: N runs later "
        "(new items on top of every section, a few items revised)",
    )
    parser.add_argument(
        "--faults",
        type=_faults,
        metavar="SPEC",
        help="inject faults, e.g. 500=0.05,503=0.05,retry_after=2,deleted=0.01,seed=3 "
        "(docs/replica.md)",
    )
    parser.add_argument(
        "--break",
        dest="broken",
        type=_broken,
        action="append",
        default=[],
        metavar="FIELD:LANG",
        help="print FIELD's label unreadably in LANG (news or comment)",
    )
    parser.add_argument(
        "--robots-disallow",
        action="append",
        default=[],
        metavar="PREFIX",
        help="a path prefix robots.txt disallows (repeatable)",
    )
    parser.set_defaults(run=run)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replica",
        help="serve a local replica of the site on 127.0.0.1",
        description="Serve the replica until stopped; prints its base URL first.",
    )
    add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Serve until stopped; report bad values and a busy port here, as ``python -m
    archiver.replica`` runs this without the ``archiver`` router."""
    from archiver.replica.server import serve
    from archiver.replica.site import Replica

    try:
        replica = Replica(
            args.items, args.seed, args.langs, edition=args.edition, faults=args.faults,
            broken=args.broken, robots_disallow=args.robots_disallow,
        )  # fmt: skip
    except ValueError as error:
        report("replica", str(error))
        return EXIT_USAGE
    try:
        serve(replica, args.port)
    except OSError as error:  # the port is taken, or not ours to bind
        report(
            "replica",
            f"cannot listen on 127.0.0.1:{args.port}: {error.strerror or error}; "
            "choose another --port, or --port 0 for a free one",
        )
        return EXIT_FAILURE
    return EXIT_OK
