"""Extraction speed and accuracy, side by side on the same replica pages in one run.

    .venv/bin/python bench/bench_extract.py [--items 60] [--rounds 5]

Every item page of every section (``--items`` per section, all kinds and layouts), four ways
over the same bytes: the bare ``lxml.html`` parse (the floor), the project's page objects plus
date normalisation (``archiver.extract``) given the date the listing printed (as in a crawl)
and from the page alone, and ``trafilatura.extract`` with metadata (benchmark-only dependency:
``pip install -e '.[bench]'``). The ways take turns (``bench/timing.py``): one untimed pass
each, then ``--rounds`` timed passes; each figure is the median. Accuracy, from the untimed
pass, is the share of items whose field equals the replica's ground truth, for both tools with
the listing date and from the page alone. Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from archiver.extraction import extract
from archiver.replica import Replica
from archiver.text import squash
from archiver.urls import LANGS
from bench.markdown import table
from bench.timing import take_turns

FIELDS = ("title", "author", "published_date", "body")
GOAL = 1.5  # issue 13: extraction with dates at most this many times the bare parse


Page = tuple[bytes, str, str | None]  # the bytes, the URL, the date its listing printed
Fields = dict[str, Any]


def ours(page: Page) -> Fields:
    item = extract(*page)
    return {name: getattr(item, name) for name in FIELDS}


def ours_page_only(page: Page) -> Fields:
    body, url, _ = page
    return ours((body, url, None))


def bare_parse(page: Page) -> None:
    lxml.html.fromstring(page[0])


def trafilatura_fields(page: Page) -> Fields:
    import trafilatura

    body, url, _ = page
    found = json.loads(
        trafilatura.extract(body, url=url, output_format="json", with_metadata=True) or "{}"
    )
    return {
        "title": found.get("title"),
        "author": found.get("author"),
        "published_date": found.get("date"),
        "body": found.get("text"),
    }


def with_listing(fields: Fields, listing: str | None) -> Fields:
    """A peer's fields as a crawl built on it would keep them: the listing's day, when the
    listing printed one, before the page's (the listing ranks first, docs/dates.md)."""
    if listing is None:
        return fields
    return fields | {"published_date": datetime.fromisoformat(listing).date()}


def same(name: str, got: Any, expected: Any) -> bool:
    if name == "body":  # paragraph breaks differ by tool: compare the words
        return squash(got or "") == squash(expected or "")
    if name == "published_date":
        return str(got) == str(expected)
    return bool(got == expected)


def accuracy(found: list[Fields], truths: list[dict[str, Any]]) -> dict[str, float]:
    """Per field, the share of items whose value equals the ground truth."""
    hits = dict.fromkeys(FIELDS, 0)
    for fields, truth in zip(found, truths, strict=True):
        for name in FIELDS:
            hits[name] += same(name, fields[name], truth[name])
    return {name: hits[name] / len(found) for name in FIELDS}


def replica_pages(items: int, seed: int = 11) -> tuple[list[Page], list[dict[str, Any]]]:
    """Every item page of a replica with ``items`` per section, with its listing's date as a
    crawl has it, and its ground truth."""
    site = Replica(items=items, seed=seed, langs=LANGS)
    pages, truths = [], []
    for lang in LANGS:
        for item_id in site.item_ids(lang):
            truth = site.truth(lang, item_id)
            body = site.render_item(lang, item_id).encode()
            pages.append((body, site.item_url(lang, item_id), truth["listing_datetime"]))
            truths.append(truth)
    return pages, truths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=60, help="items per section")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages, truths = replica_pages(args.items)
    ways: list[tuple[str, Callable[[Page], Any]]] = [
        ("`lxml.html` parse only (the floor)", bare_parse),
        ("`archiver.extract`, listing date given", ours),
        ("`archiver.extract`, page alone", ours_page_only),
    ]
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        compared = False
    else:
        compared = True
        ways.append(("`trafilatura.extract` (JSON + metadata), page alone", trafilatura_fields))
    turns = take_turns([run for _, run in ways], [pages], args.rounds)
    size = statistics.mean(len(body) for body, _, _ in pages)
    print(
        f"{len(pages)} replica item pages ({args.items} per section, {len(LANGS)} sections, "
        f"every kind and layout), mean {size / 1024:.1f} KiB; one untimed pass of each way, "
        f"then {args.rounds} timed passes in turns, median.\n"
    )
    floor = turns.us_per_input(0)
    rows = []
    for index, (label, _) in enumerate(ways):
        us = turns.us_per_input(index)
        rows.append([label, f"{us:,.0f}", f"{us / floor:.2f}"])
    print(table(["way", "µs/page", "× the parse"], rows))
    mine = turns.us_per_input(1)
    goal = "met" if mine / floor <= GOAL else "**not met**"
    print(f"\nGoal: extraction with dates ≤ {GOAL}× the bare parse: {goal} ({mine / floor:.2f}×).")
    found: dict[str, list[Fields]] = {
        "archiver, listing date": turns.outputs[1],
        "archiver, page alone": turns.outputs[2],
    }
    if not compared:
        print("\ntrafilatura is not installed (`pip install -e '.[bench]'`): not compared.")
    else:
        theirs = turns.outputs[3]
        speed = turns.us_per_input(3) / mine
        print(f"\narchiver (listing date) is **{speed:.1f}×** as fast as trafilatura.")
        found["trafilatura, listing date"] = [
            with_listing(fields, page[2]) for fields, page in zip(theirs, pages, strict=True)
        ]
        found["trafilatura, page alone"] = theirs
    print(
        "\nField accuracy against the replica's ground truth (share of items exactly right; "
        "body: the words, ignoring paragraph breaks). *Listing date*: given the date the "
        "listing printed, as in a crawl (for trafilatura, the listing's day replaces the "
        "page's, as archiver ranks it first); *page alone*: the page's bytes only.\n"
    )
    columns = {name: accuracy(fields, truths) for name, fields in found.items()}
    rows = [
        [f"`{name}`", *(f"{column[name]:.1%}" for column in columns.values())] for name in FIELDS
    ]
    print(table(["field", *columns], rows))


if __name__ == "__main__":
    main()
