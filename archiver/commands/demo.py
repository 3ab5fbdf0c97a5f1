"""``archiver demo``: the main job end to end on the built-in replica, checked against its truth."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archiver.commands.common import output_dir, positive_int
from archiver.exitcodes import EXIT_FAILURE, EXIT_OK

DEMO_LANGS = ("en", "ar")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "demo", help="serve the replica, crawl it completely, verify and summarise the archive"
    )
    parser.add_argument("--out", type=Path, default=Path("data/demo"), help="archive directory")
    parser.add_argument(
        "--items", type=positive_int, default=150, help="items per language section (default: 150)"
    )
    parser.add_argument("--seed", type=int, default=1, help="replica seed (default: 1)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archiver.commands.verify import print_report
    from archiver.crawl import LOCAL_SETTINGS, run_crawl
    from archiver.dataset import latest
    from archiver.groundtruth import compare
    from archiver.outcome import format_outcome, outcome
    from archiver.replica import Replica, running
    from archiver.report.html import write_report
    from archiver.report.summary import format_summary, summarise

    output_dir(args.out)
    with running(items=args.items, seed=args.seed, langs=DEMO_LANGS) as server:
        print(
            f"replica serving {args.items} items per section ({', '.join(DEMO_LANGS)}) "
            f"at {server.base_url}"
        )
        result = run_crawl(
            "mediaoffice",
            args.out,
            LOCAL_SETTINGS,
            base_url=server.base_url,
            lang=",".join(DEMO_LANGS),
        )
    print("\n" + format_outcome(outcome(result)) + "\n")
    print(format_summary(summarise(args.out)))

    replica = Replica(items=args.items, seed=args.seed, langs=DEMO_LANGS)
    expected = [f"{lang}/{item_id}" for lang in DEMO_LANGS for item_id in replica.item_ids(lang)]
    rows = latest(args.out).to_pylist()

    def truth(key: str) -> Mapping[str, Any]:
        lang, item_id = key.split("/")
        return replica.truth(lang, int(item_id))

    comparison = compare(rows, expected, truth)
    print("\n" + comparison.describe())
    print()
    verified = print_report(args.out)
    print(f"\nreport: {write_report(args.out)}")
    return (
        EXIT_OK
        if verified and comparison.ok and result.finish_reason == "finished"
        else EXIT_FAILURE
    )
