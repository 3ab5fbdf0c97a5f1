"""Extraction speed and accuracy, side by side on the same replica pages in one run.

    .venv/bin/python bench/bench_extract.py [--items 60] [--rounds 5]

For every item of every section (``--items`` per section, all kinds and layouts), three ways
over the same bytes: the bare ``lxml.html`` parse (the floor), the project's page objects plus
date normalisation (``extract_item`` + ``apply_dates``), and ``trafilatura.extract`` with
metadata (benchmark-only dependency: ``pip install -e '.[bench]'``). Each way's time per page
is the median over ``--rounds`` passes, after one untimed pass, the ways taking turns; accuracy
is the share of items whose field equals the replica's ground truth.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from archiver.dates import apply_dates
from archiver.pages import extract_item
from archiver.replica import Replica
from archiver.text import squash
from archiver.urls import LANGS

FIELDS = ("title", "author", "published_date", "body")


Page = tuple[bytes, str, str | None]


def _pass_us(run: Callable[[bytes, str, str | None], Any], pages: list[Page]) -> float:
    started = time.perf_counter()
    for body, url, listing in pages:
        run(body, url, listing)
    return (time.perf_counter() - started) / len(pages) * 1e6


def median_us_per_page(
    runs: list[Callable[[bytes, str, str | None], Any]], pages: list[Page], rounds: int
) -> list[float]:
    """Each way's median time per page. One untimed pass each first (imports, compiled
    patterns, caches), then the ways take turns round by round, so a burst of load from
    another process lands on all of them rather than on whichever ran at that moment."""
    for run in runs:
        _pass_us(run, pages)
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, times in zip(runs, timings, strict=True):
            times.append(_pass_us(run, pages))
    return [statistics.median(times) for times in timings]


def ours(body: bytes, url: str, listing: str | None) -> dict[str, Any]:
    item = apply_dates(extract_item(body, url, listing_date=listing))
    return {name: getattr(item, name) for name in FIELDS}


def bare_parse(body: bytes, url: str, listing: str | None) -> None:
    lxml.html.fromstring(body)


def trafilatura_fields(body: bytes, url: str, listing: str | None) -> dict[str, Any]:
    import trafilatura

    found = json.loads(
        trafilatura.extract(body, url=url, output_format="json", with_metadata=True) or "{}"
    )
    return {
        "title": found.get("title"),
        "author": found.get("author"),
        "published_date": found.get("date"),
        "body": found.get("text"),
    }


def same(name: str, got: Any, expected: Any) -> bool:
    if name == "body":  # paragraph breaks differ by tool: compare the words
        return squash(got or "") == squash(expected or "")
    if name == "published_date":
        return str(got) == str(expected)
    return bool(got == expected)


def accuracy(
    extract: Callable[[bytes, str, str | None], dict[str, Any]],
    pages: list[Page],
    truths: list[dict[str, Any]],
) -> dict[str, float]:
    hits = dict.fromkeys(FIELDS, 0)
    for (body, url, listing), truth in zip(pages, truths, strict=True):
        fields = extract(body, url, listing)
        for name in FIELDS:
            hits[name] += same(name, fields[name], truth[name])
    return {name: hits[name] / len(pages) for name in FIELDS}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=60, help="items per section")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    site = Replica(items=args.items, seed=11, langs=LANGS)
    pages, truths = [], []
    for lang in LANGS:
        for item_id in site.item_ids(lang):
            truth = site.truth(lang, item_id)
            pages.append(
                (
                    site.render_item(lang, item_id).encode(),
                    site.item_url(lang, item_id),
                    truth["listing_datetime"],
                )
            )
            truths.append(truth)
    size = statistics.mean(len(body) for body, _, _ in pages)
    print(f"{len(pages)} replica pages, {len(LANGS)} sections, mean {size / 1024:.1f} KiB")
    floor, mine = median_us_per_page([bare_parse, ours], pages, args.rounds)
    print(f"lxml.html parse only:            {floor:8.0f} µs/page   1.00×")
    print(f"archiver page objects + dates:   {mine:8.0f} µs/page   {mine / floor:.2f}× the parse")
    our_accuracy = accuracy(ours, pages, truths)
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): skipped")
        their_accuracy = None
    else:
        (theirs,) = median_us_per_page([trafilatura_fields], pages, max(1, args.rounds // 2))
        print(
            f"trafilatura.extract (json+meta): {theirs:8.0f} µs/page   {theirs / floor:.2f}× "
            f"the parse; archiver is {theirs / mine:.1f}× faster"
        )
        their_accuracy = accuracy(trafilatura_fields, pages, truths)
    print("\nfield accuracy against the replica's ground truth (share of items exactly right)")
    print("field            archiver  trafilatura")
    for name in FIELDS:
        theirs_text = f"{their_accuracy[name]:10.1%}" if their_accuracy else "         -"
        print(f"{name:15s} {our_accuracy[name]:9.1%} {theirs_text}")


if __name__ == "__main__":
    main()
