"""Extraction speed and accuracy, side by side on the same replica pages in one run.

    .venv/bin/python bench/bench_extract.py [--items 60] [--rounds 5]

For every item of every section (``--items`` per section, all kinds and layouts), the ways
over the same bytes: the bare libxml2 parse exactly as the extractor calls it (the floor),
``lxml.html.fromstring`` (the floor of earlier runs), the project's page objects plus date
normalisation (``archiver.extract``), and ``trafilatura.extract`` with metadata
(benchmark-only dependency: ``pip install -e '.[bench]'``); then the floor and the project
again on the test fixture pages (small pages of every layout, tests/fixtures/). Each way's
time per page is the median over ``--rounds`` passes, after one untimed pass, every way taking
its turn in every round; accuracy is the share of items whose field equals the replica's
ground truth, for the project both with the listing date (as in a crawl) and from the page
alone (as trafilatura always reads it).
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
from lxml import etree

from archiver.extraction import extract
from archiver.pages.document import html_parser
from archiver.replica import Replica
from archiver.text import squash
from archiver.urls import LANGS

FIELDS = ("title", "author", "published_date", "body")
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


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
    item = extract(body, url, listing)
    return {name: getattr(item, name) for name in FIELDS}


def ours_page_only(body: bytes, url: str, listing: str | None) -> dict[str, Any]:
    return ours(body, url, None)


def bare_parse(body: bytes, url: str, listing: str | None) -> None:
    """The floor: the libxml2 parse exactly as the extractor runs it."""
    etree.fromstring(body, html_parser())


def lxml_html_parse(body: bytes, url: str, listing: str | None) -> None:
    """``lxml.html.fromstring``, the floor of earlier runs (what parsel runs underneath)."""
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


def fixture_pages() -> list[Page]:
    """The fixture pages the parser takes at all (an empty or binary page raises in it)."""
    pages = []
    for meta_file in sorted(FIXTURES.glob("*/meta.json")):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        body = (meta_file.parent / "page.html").read_bytes()
        try:
            etree.fromstring(body, html_parser())
        except etree.LxmlError:
            continue
        pages.append((body, meta["url"], meta.get("listing_date")))
    return pages


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
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): skipped")
        ways: list[Callable[[bytes, str, str | None], Any]] = [bare_parse, lxml_html_parse, ours]
    else:
        ways = [bare_parse, lxml_html_parse, ours, trafilatura_fields]
    floor, html, mine, *rest = median_us_per_page(ways, pages, args.rounds)
    print(f"libxml2 parse (the extractor's): {floor:8.0f} µs/page   1.00×")
    print(f"lxml.html.fromstring:            {html:8.0f} µs/page   {html / floor:.2f}×")
    print(f"archiver.extract (with dates):   {mine:8.0f} µs/page   {mine / floor:.2f}× the parse")
    for theirs in rest:
        print(
            f"trafilatura.extract (json+meta): {theirs:8.0f} µs/page   {theirs / floor:.2f}× "
            f"the parse; archiver is {theirs / mine:.1f}× faster"
        )
    small = fixture_pages()
    floor, mine = median_us_per_page([bare_parse, ours], small, args.rounds)
    size = statistics.mean(len(body) for body, _, _ in small)
    print(f"\n{len(small)} fixture pages, mean {size / 1024:.1f} KiB")
    print(f"libxml2 parse (the extractor's): {floor:8.0f} µs/page   1.00×")
    print(f"archiver.extract (with dates):   {mine:8.0f} µs/page   {mine / floor:.2f}× the parse")
    columns = {
        "archiver, listing date": accuracy(ours, pages, truths),
        "archiver, page alone": accuracy(ours_page_only, pages, truths),
    }
    if rest:
        columns["trafilatura, page alone"] = accuracy(trafilatura_fields, pages, truths)
    print("\nfield accuracy against the replica's ground truth (share of items exactly right);")
    print("'listing date' is given the date the listing printed, as a crawl is; 'page alone' not")
    print(f"{'field':15s} " + " ".join(f"{name:>24s}" for name in columns))
    for name in FIELDS:
        print(f"{name:15s} " + " ".join(f"{column[name]:24.1%}" for column in columns.values()))


if __name__ == "__main__":
    main()
