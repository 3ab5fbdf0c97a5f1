"""``archiver stats DIR``: what an archive holds, by language, kind and year, and its crawls."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_OK
from archiver.commands.common import CommandFailed, archive_location, readable_archive


def register(sub: Any) -> None:
    parser = sub.add_parser("stats", help="items per language, kind and year; coverage; crawls")
    parser.add_argument(
        "dir", type=archive_location, help="archive directory, or s3://BUCKET/PREFIX"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures as one JSON object instead (docs/operations.md lists the keys)",
    )
    parser.set_defaults(run=run)


def health_text(health: dict[str, Any] | None) -> str:
    """``passed``, ``failed (en author, all listings)``, or ``not checked``."""
    if not health:
        return "not checked"
    failing = ", ".join(f"{p['lang']} {p['what']}" for p in health["problems"])
    return f"{health['verdict']} ({failing})" if failing else health["verdict"]


def crawl_line(manifest: dict[str, Any]) -> str:
    """One crawl of the listing: when, how it ended, what it wrote, and its health."""
    return (
        f"  {manifest['crawl_id']}  started {manifest['started_at']}  "
        f"finished {manifest['finished_at'] or '(unfinished)'}  "
        f"ended: {manifest.get('finish_reason') or 'unknown'}  "
        f"health: {health_text(manifest.get('health'))}  "
        f"{manifest['rows']} rows in {len(manifest['files'])} files, "
        f"{len(manifest['failures'])} failures"
    )


def run(args: argparse.Namespace) -> int:
    # --json counts the WARC files' bytes, so an s3:// archive's are fetched for it.
    with readable_archive(args.dir, warcs=args.json) as root:
        return show(root, args.json)


def show(root: Path, as_json: bool) -> int:
    from archiver.dataset import skipped_files
    from archiver.store.manifest import read_manifests
    from archiver.store.summary import format_summary, format_years, summarise

    if as_json:
        from archiver.report.figures import archive_figures

        figures = archive_figures(root)
        damaged = figures["damaged_files"]
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        with skipped_files() as damaged:
            summary = summarise(root)
        print(format_summary(summary))
        print()
        print(format_years(summary))
        print("\ncrawls")
        for _, manifest in read_manifests(root):
            print(crawl_line(manifest))
        if damaged:
            print("\ndamaged part files (left out)")
            print("\n".join(f"  {entry}" for entry in damaged))
    if damaged:
        raise CommandFailed(
            f"{len(damaged)} damaged part files left out of these figures; "
            "`archiver verify` checks every file"
        )
    return EXIT_OK
