"""``archiver crawl``: the main job (by default against the real site, politely)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archiver.commands.common import (
    CommandFailed,
    archive_location,
    positive_int,
    writable_archive,
)
from archiver.exitcodes import EXIT_USAGE


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "crawl", help="crawl the site (or a mirror / the replica) into an archive"
    )
    parser.add_argument(
        "--base-url", help="site to crawl (default: the real site, ARCHIVER_BASE_URL)"
    )
    parser.add_argument("--lang", default="en", help="sections: en,ar,… or all (default: en)")
    parser.add_argument(
        "--out",
        type=archive_location,
        default=Path("data/archive"),
        help="archive directory, or s3://BUCKET/PREFIX (docs/storage.md)",
    )
    parser.add_argument(
        "--mode",
        choices=("incremental", "full"),
        default="incremental",
        help="incremental (default): fetch only items not yet archived and stop at a listing "
        "page of archived items; full: re-visit everything and record revisions",
    )
    parser.add_argument("--since", help="only items listed on or after this day (YYYY-MM-DD)")
    parser.add_argument("--until", help="only items listed on or before this day (YYYY-MM-DD)")
    parser.add_argument(
        "--category", help="one category menu path instead of the latest-items menu"
    )
    parser.add_argument(
        "--mirrors",
        help="comma-separated base URLs to move to when the base URL fails "
        "(e.g. https://hizbuttahrir.today,https://muslimworld.today)",
    )
    parser.add_argument(
        "--max-items", type=positive_int, help="stop after requesting this many items"
    )
    parser.add_argument(
        "-s",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, as with `scrapy crawl -s` (repeatable)",
    )
    parser.add_argument(
        "--frontier",
        metavar="redis://HOST:PORT/DB",
        help="join the shared frontier of a crawl by many workers, one archive (docs/scaling.md)",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        help="start this many frontier workers on this machine (needs --frontier)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the run's summary as one JSON object (keys: docs/operations.md)",
    )
    parser.set_defaults(run=run)


def check_base_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"{url!r} is not a site address: give one like https://www.hizb-ut-tahrir.info"
        )


def check_frontier(url: str) -> None:
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"--frontier takes redis://HOST:PORT/DB, not {url!r}")


def worker_argv(argv: list[str]) -> list[str]:
    """This command's arguments without ``--workers N``: what each worker runs."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--workers":
            skip = True
        elif not arg.startswith("--workers="):
            kept.append(arg)
    return kept


def parse_settings(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValueError(f"-s takes NAME=VALUE, got {pair!r}")
        settings[name] = value
    return settings


def remote_settings(location: Path | str) -> dict[str, Any]:
    """For s3://: the address to upload to, and WARC files small enough that a commit point
    (a WARC file closed) comes often; ``-s`` given on the command line wins."""
    from archiver.store.remote import REMOTE_WARC_MAX_BYTES

    if isinstance(location, Path):
        return {}
    return {"ARCHIVER_REMOTE": location, "ARCHIVER_WARC_MAX_BYTES": REMOTE_WARC_MAX_BYTES}


def shown_at(summary: dict[str, Any], out: Path, location: Path | str) -> dict[str, Any]:
    """The summary with its files named where they are kept (s3://…, not the staging copy)."""
    if isinstance(location, Path):
        return summary

    def moved(name: str) -> str:
        return f"{location.rstrip('/')}/{Path(name).relative_to(out)}"

    files = summary["files"]
    manifest = files["manifest"] and moved(files["manifest"])
    shown = {key: [moved(name) for name in files[key]] for key in ("parquet", "warc")}
    return {**summary, "files": {**files, **shown, "manifest": manifest}}


def run(args: argparse.Namespace) -> int:
    from archiver.crawl import run_crawl
    from archiver.outcome import format_outcome, outcome
    from archiver.preflight import date_range
    from archiver.sections import parse_langs

    try:
        parse_langs(args.lang)
        settings = parse_settings(args.settings)
        for url in filter(None, [args.base_url, *(args.mirrors or "").split(",")]):
            check_base_url(url)
        date_range(args.since, args.until)
        if args.frontier is not None:
            check_frontier(args.frontier)
            settings["ARCHIVER_FRONTIER"] = args.frontier
        if args.workers is not None:
            if args.frontier is None:
                raise ValueError("--workers needs --frontier redis://HOST:PORT/DB")
            from archiver.distributed.launch import run_workers

            return run_workers(worker_argv(args.argv), args.workers)
        spider_args: dict[str, Any] = {"lang": args.lang, "mode": args.mode}
        for name in ("since", "until", "base_url", "category", "mirrors", "max_items"):
            if getattr(args, name) is not None:
                spider_args[name] = getattr(args, name)
        # Settings, contact and --out are checked before anything is written.
        with writable_archive(args.out) as out:
            settings = {**remote_settings(args.out), **settings}
            result = run_crawl("mediaoffice", out, settings, **spider_args)  # ArchiveLocked: cli
            summary = shown_at(outcome(result), out, args.out)
    except ValueError as error:
        print(f"archiver crawl: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_outcome(summary))
    if summary["error"] is not None:
        raise CommandFailed(summary["error"])  # on stderr even with --quiet; exit code 1
    code: int = summary["exit_code"]
    return code
