"""The benchmark scripts' pure parts: turn-taking and its arithmetic, the corpora, the
accuracy scoring, the writers' shares, and the rewriting of docs/benchmarks.md."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from archiver.replica import Replica, datefmt, running
from archiver.replica.catalog import MAKKAH
from archiver.urls import LANGS
from bench import bench_crawl, bench_dates, bench_extract, peers, run
from bench.markdown import table
from bench.prerendered import prerendered
from bench.timing import Turns, take_turns
from tests.dates_cases import CASES, CONTEXT_CASES

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def test_every_way_takes_its_turn_with_the_same_passes() -> None:
    calls: list[tuple[str, int]] = []
    now = [0.0]

    def way(name: str, cost: float) -> Callable[[int], str]:
        def run(given: int) -> str:
            calls.append((name, given))
            now[0] += cost
            return f"{name}{given}"

        return run

    turns = take_turns([way("a", 1.0), way("b", 3.0)], [[1, 2], [3]], 2, clock=lambda: now[0])
    # The untimed pass and each round: every input of way a, then every input of way b.
    assert calls == [("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2), ("b", 3)] * 3
    assert turns.outputs == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    assert turns.seconds == [[[2.0, 2.0], [1.0, 1.0]], [[6.0, 6.0], [3.0, 3.0]]]
    assert turns.sizes == [2, 1]
    assert [turns.us_per_input(0), turns.us_per_input(1)] == [1e6, 3e6]


def test_time_per_input_is_the_median_round_over_its_inputs() -> None:
    # One way, two batches of 2 and 1 inputs, three rounds.
    turns = Turns[None](outputs=[[]], seconds=[[[1.0, 5.0, 2.0], [2.0, 4.0, 1.0]]], sizes=[2, 1])
    assert turns.us_per_input(0, 0) == 1e6  # median of 1, 5, 2 seconds over 2 inputs
    assert turns.us_per_input(0, 1) == 2e6  # median of 2, 4, 1 over 1
    # Rounds of 3, 9 and 3 seconds: median 3 over 3 inputs (not the sum of the medians, 4).
    assert turns.us_per_input(0) == 1e6


def test_markdown_table_aligns_labels_left_and_figures_right() -> None:
    assert table(["way", "µs"], [["parse", "707"], ["ours", "1,231"]]) == (
        "| way | µs |\n| --- | ---: |\n| parse | 707 |\n| ours | 1,231 |"
    )
    with pytest.raises(ValueError, match="has 1 cells, the header 2"):
        table(["way", "µs"], [["parse"]])


def test_replica_printings_of_the_listing_and_k2_item_times() -> None:
    moment = datetime(2024, 11, 26, 10, 15, tzinfo=MAKKAH)
    # The shapes of shared/dates.md's examples (tests/dates_cases.py, ITEM_DATES).
    assert bench_dates.printed("listing", "en", moment) == "2024-11-26T10:15:00+03:00"
    assert bench_dates.printed("k2_item", "en", moment) == "Tuesday, 26 November 2024 10:15"
    assert bench_dates.printed("header", "en", moment) == datefmt.widget("en", date(2024, 11, 26))


def test_date_corpus_is_the_replicas_printing_then_every_hand_worked_case() -> None:
    samples = bench_dates.corpus(40, seed=3)
    printed, hand_worked = samples[:40], samples[40:]
    assert {s.kind for s in printed} <= set(bench_dates.KINDS)
    for sample in printed:
        assert sample.lang in bench_dates.SECTIONS
        assert sample.day is not None and bench_dates.FIRST <= sample.day < bench_dates.LAST
        if sample.kind == "listing":
            moment = datetime.fromisoformat(sample.text)
            assert moment.date() == sample.day and moment.utcoffset() == timedelta(hours=3)
        elif sample.kind == "k2_item":
            long_date = datefmt.printed("long_date", sample.lang, sample.day)
            assert sample.text.startswith(long_date)
        else:
            assert sample.text == datefmt.printed(sample.kind, sample.lang, sample.day)
    cases = [*CASES, *(case for _, case in CONTEXT_CASES)]
    assert [(s.kind, s.lang, s.text, s.day) for s in hand_worked] == [
        ("hand_worked", None, case.date_raw, case.published_date) for case in cases
    ]
    assert bench_dates.corpus(40, seed=3) == samples
    assert bench_dates.corpus(40, seed=4)[:40] != printed


def test_date_corpus_groups_by_kind_keeping_the_corpus_order() -> None:
    samples = bench_dates.corpus(30, seed=1)
    groups = bench_dates.by_kind(samples)
    assert list(groups) == sorted(groups)
    for kind, group in groups.items():
        assert group == [s for s in samples if s.kind == kind]


def test_a_peer_given_the_listing_keeps_the_listings_day_as_a_crawl_does() -> None:
    fields = {"title": "T", "author": None, "published_date": "2019-01-01", "body": "B"}
    listed = bench_extract.with_listing(fields, "2024-11-26T00:30:00+03:00")
    assert listed == fields | {"published_date": date(2024, 11, 26)}  # the listing's local day
    assert bench_extract.with_listing(fields, None) is fields


def test_accuracy_is_the_share_of_items_exactly_right_per_field() -> None:
    truths: list[dict[str, Any]] = [
        {"title": "A", "author": "X", "published_date": date(2024, 1, 2), "body": "one\n\ntwo"},
        {"title": "B", "author": None, "published_date": date(2024, 1, 3), "body": "three"},
    ]
    found: list[dict[str, Any]] = [
        {"title": "A", "author": "Y", "published_date": "2024-01-02", "body": "one two"},
        {"title": "b", "author": None, "published_date": None, "body": "three"},
    ]
    assert bench_extract.accuracy(found, truths) == {
        "title": 0.5,
        "author": 0.5,
        "published_date": 0.5,
        "body": 1.0,
    }


def test_extraction_pages_carry_the_date_their_listing_printed() -> None:
    pages, truths = bench_extract.replica_pages(2, seed=11)
    site = Replica(items=2, seed=11, langs=LANGS)
    expected = [(lang, item_id) for lang in LANGS for item_id in site.item_ids(lang)]
    assert len(pages) == len(truths) == len(expected)
    for (body, url, listing), truth, (lang, item_id) in zip(pages, truths, expected, strict=True):
        assert truth == site.truth(lang, item_id)
        assert url == site.item_url(lang, item_id)
        assert listing == truth["listing_datetime"]
        assert body == site.render_item(lang, item_id).encode()


def test_fixture_pages_are_those_with_bytes_with_their_url_and_listing_date(
    tmp_path: Path,
) -> None:
    for name, body, meta in (
        ("b_listed", b"<p>b</p>", '{"url": "https://x/b.html", "listing_date": "2024-01-02"}'),
        ("a_alone", b"<p>a</p>", '{"url": "https://x/a.html"}'),
        ("c_empty", b"", '{"url": "https://x/c.html"}'),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_bytes(body)
        (tmp_path / name / "meta.json").write_text(meta)
    assert bench_extract.fixture_pages(tmp_path) == [
        (b"<p>a</p>", "https://x/a.html", None),
        (b"<p>b</p>", "https://x/b.html", "2024-01-02"),
    ]


def test_a_peer_is_its_module_when_installed_and_none_without_the_bench_extra() -> None:
    assert peers._installed("json") is json
    assert peers._installed("archiver_bench_no_such_peer") is None


def test_crawl_shares_are_the_wall_time_each_writer_adds() -> None:
    round_ = {
        "donothing": {"wall": 1.0, "pages": 100},
        "archiver": {"wall": 4.0, "pages": 100},
        "nowarc": {"wall": 3.0, "pages": 100},
        "noparquet": {"wall": 3.5, "pages": 100},
    }
    assert bench_crawl.shares(round_) == {"ratio": 0.25, "warc": 0.25, "parquet": 0.125}


def test_a_block_is_rewritten_between_its_markers_only() -> None:
    doc = "# T\n\n<!-- bench:dates -->\nold\nlines\n<!-- /bench:dates -->\n\nprose\n"
    assert run.replace_block(doc, "dates", "\nnew\n\n") == (
        "# T\n\n<!-- bench:dates -->\nnew\n<!-- /bench:dates -->\n\nprose\n"
    )
    for broken in (doc.replace("<!-- /bench:dates -->", ""), doc + doc):
        with pytest.raises(ValueError, match="needs one <!-- bench:dates -->"):
            run.replace_block(broken, "dates", "new")


def test_the_document_has_one_block_for_every_benchmark() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for benchmark in run.BENCHMARKS:
        rewritten = run.replace_block(doc, benchmark.name, "figures")
        assert f"<!-- bench:{benchmark.name} -->\nfigures\n<!-- /bench:{benchmark.name} -->" in (
            rewritten
        )


def test_heading_names_the_command_the_date_and_the_load() -> None:
    started = datetime(2026, 12, 7, 18, 2, tzinfo=UTC)
    machine = run.Machine(started, 41.4, "AMD EPYC", 2, 3.12, 3.4, "3.11.7")
    assert run.heading(".venv/bin/python bench/bench_dates.py --n 10", machine) == (
        "`.venv/bin/python bench/bench_dates.py --n 10` — 2026-12-07 18:02 UTC, 41 s; "
        "AMD EPYC, 2 cores, load average 3.12 at the start and 3.40 at the end; Python 3.11.7."
    )


def test_the_prerendered_server_answers_what_the_replicas_own_server_answers() -> None:
    """The crawl benchmark's server: the same status, type and bytes, on a connection kept
    open for several requests as a crawler's is."""
    site = Replica(30, 7, ("en", "ar"))
    latest = site.menus("en")[0]
    paths = [
        "/robots.txt",
        site.listing_url("en", latest),
        *(site.item_url(lang, site.item_ids(lang)[0]) for lang in ("en", "ar")),
        "/en/index.php/no-such-page.html",
    ]
    seen: dict[str, list[tuple[int, str | None, bytes]]] = {}
    with (
        prerendered(30, 7, "en,ar") as (memory_url, _),
        running(items=30, seed=7, langs=("en", "ar")) as live,
    ):
        for name, base in (("memory", memory_url), ("live", live.base_url)):
            connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
            answers = []
            for path in paths:
                connection.request("GET", path)
                response = connection.getresponse()
                answers.append(
                    (response.status, response.getheader("Content-Type"), response.read())
                )
            connection.close()
            seen[name] = answers
    assert seen["memory"] == seen["live"]
    assert [status for status, _, _ in seen["memory"]] == [200, 200, 200, 200, 404]
