"""Extraction speed and accuracy, side by side on the same pages in one run.

    .venv/bin/python bench/bench_extract.py [--items 60] [--rounds 5]

Every replica item page of every section (``--items`` per section, all kinds and layouts, the
heavy template) and every fixture page of tests/fixtures, four ways over the same bytes: the
bare ``lxml.html`` parse (the floor), the project's page objects plus date normalisation
(``archiver.extract``) given the date the listing printed (as in a crawl) and from the page
alone, and ``trafilatura.extract`` with metadata (benchmark-only dependency:
``pip install -e '.[bench]'``). The ways take turns (``bench/timing.py``): one untimed pass
each, then ``--rounds`` timed passes; each figure is the median. Accuracy, from the untimed
pass over the replica's pages, is the share of items whose field equals the ground truth, for
both tools with the listing date and from the page alone. Prints Markdown.
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
from bench import peers
from bench.markdown import table
from bench.timing import Turns, take_turns

FIELDS = ("title", "author", "published_date", "body")
GOAL = 1.5  # issue 13: extraction with dates at most this many times the bare parse
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


Page = tuple[bytes, str, str | None]  # the bytes, the URL, the date its listing printed
Fields = dict[str, Any]


def ours(page: Page) -> Fields:
    item = extract(*page)
    return {name: getattr(item, name) for name in FIELDS}


def ours_page_only(page: Page) -> Fields:
    body, url, _ = page
    return ours((body, url, None))


def kib(pages: list[Page]) -> str:
    return f"{statistics.mean(len(body) for body, _, _ in pages) / 1024:.1f}"


def bare_parse(page: Page) -> None:
    lxml.html.fromstring(page[0])


def trafilatura_way(trafilatura: peers.Trafilatura) -> Callable[[Page], Fields]:
    """trafilatura's fields of a page: JSON output with metadata, the page's bytes alone."""

    def fields(page: Page) -> Fields:
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

    return fields


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


def fixture_pages(root: Path = FIXTURES) -> list[Page]:
    """Every fixture page with bytes (lxml refuses to parse an empty one), with its URL and
    listing date from its ``meta.json``."""
    pages = []
    for folder in sorted(path for path in root.iterdir() if (path / "meta.json").is_file()):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        body = (folder / "page.html").read_bytes()
        if body.strip():
            pages.append((body, meta["url"], meta.get("listing_date")))
    return pages


def speed(labels: list[str], turns: Turns[Any]) -> None:
    """Each way's time per page against the bare parse (way 0), per batch; the goal."""
    rows = []
    for way, label in enumerate(labels):
        cells = [label]
        for batch in (0, 1):
            us = turns.us_per_input(way, batch)
            cells += [f"{us:,.0f}", f"{us / turns.us_per_input(0, batch):.2f}"]
        rows.append(cells)
    print(table(["way", "replica µs/page", "× the parse", "fixtures µs/page", "× the parse"], rows))
    print()
    for batch, name in enumerate(("replica", "fixture")):
        ratio = turns.us_per_input(1, batch) / turns.us_per_input(0, batch)
        verdict = "met" if ratio <= GOAL else "**not met**"
        print(f"- Goal: extraction with dates ≤ {GOAL}× the bare parse, {name} pages: "
              f"{verdict} ({ratio:.2f}×).")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=60, help="items per section")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages, truths = replica_pages(args.items)
    fixtures = fixture_pages()
    ways: list[tuple[str, Callable[[Page], Any]]] = [
        ("`lxml.html` parse only (the floor)", bare_parse),
        ("`archiver.extract`, listing date given", ours),
        ("`archiver.extract`, page alone", ours_page_only),
    ]
    trafilatura = peers.trafilatura()
    if trafilatura is not None:
        way = trafilatura_way(trafilatura)
        ways.append(("`trafilatura.extract` (JSON + metadata), page alone", way))
    turns = take_turns([run for _, run in ways], [pages, fixtures], args.rounds)
    print(
        f"Replica: {len(pages)} item pages ({args.items} per section, {len(LANGS)} sections, "
        f"every kind and layout, the real site's heavy template), mean {kib(pages)} KiB. "
        f"Fixtures: the {len(fixtures)} pages of tests/fixtures with bytes, mean "
        f"{kib(fixtures)} KiB. One untimed pass of each way, then {args.rounds} timed passes "
        "in turns, median.\n"
    )
    speed([label for label, _ in ways], turns)
    # Accuracy is scored on the replica's pages: they have a ground truth for every field.
    found = {
        "archiver, listing date": turns.outputs[1][: len(pages)],
        "archiver, page alone": turns.outputs[2][: len(pages)],
    }
    if trafilatura is None:
        print("\ntrafilatura is not installed (`pip install -e '.[bench]'`): not compared.")
    else:
        ratio = turns.us_per_input(3, 0) / turns.us_per_input(1, 0)
        print(
            f"\narchiver (listing date) is **{ratio:.1f}×** as fast as trafilatura on the replica."
        )
        theirs = turns.outputs[3][: len(pages)]
        found["trafilatura, listing date"] = [
            with_listing(fields, page[2]) for fields, page in zip(theirs, pages, strict=True)
        ]
        found["trafilatura, page alone"] = theirs
    print(
        "\nField accuracy on the replica's pages against its ground truth (share of items "
        "exactly right; body: the words, ignoring paragraph breaks). *Listing date*: given the "
        "date the listing printed, as in a crawl (for trafilatura, the listing's day replaces "
        "the page's, as archiver ranks it first); *page alone*: the page's bytes only.\n"
    )
    columns = {name: accuracy(fields, truths) for name, fields in found.items()}
    rows = [[f"`{name}`", *(f"{col[name]:.1%}" for col in columns.values())] for name in FIELDS]
    print(table(["field", *columns], rows))


if __name__ == "__main__":
    main()
