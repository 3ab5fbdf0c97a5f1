"""The crawl health check: floors, drops against the previous run, error rate."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pyarrow as pa
import pytest

from archiver.health import (
    DEFAULT_FLOORS,
    FIELD_DUE,
    FieldCounts,
    Thresholds,
    check,
    count_item,
    coverage,
    filled_mask,
    is_filled,
    thresholds_from,
    walk_incomplete,
    with_filled,
)
from archiver.item import ArchiveItem

T = Thresholds(floors=DEFAULT_FLOORS, max_drop=0.2, min_items=20, max_error_rate=0.1)


def run_stats(lang: str, field: str, due: int, filled: int, **extra: Any) -> dict[str, Any]:
    return {
        f"health/{lang}/{field}/due": due,
        f"health/{lang}/{field}/filled": filled,
        f"health/{lang}/{field}/missing_examples": ["https://x/1.html", "https://x/2.html"],
        "item_scraped_count": due,
        "listing/pages": 3,
        **extra,
    }


def test_a_healthy_run_passes() -> None:
    assert check(run_stats("ar", "comment", 100, 97), [run_stats("ar", "comment", 90, 90)], T) == []


def test_a_field_emptied_by_a_layout_change_is_named_with_figures_and_examples() -> None:
    (problem,) = check(run_stats("ar", "comment", 100, 3), [], T)
    assert (problem.lang, problem.what) == ("ar", "comment")
    assert problem.message == (
        "ar: comment filled in 3.0% of 100 items, below the floor of 90% "
        "(e.g. https://x/1.html, https://x/2.html)"
    )


def test_a_drop_against_the_previous_run_fails_even_above_the_floor() -> None:
    floors = {**DEFAULT_FLOORS, "author": 0.5}
    thresholds = Thresholds(floors=floors, max_drop=0.2, min_items=20, max_error_rate=0.1)
    previous = [run_stats("en", "author", 10, 1), run_stats("en", "author", 200, 196)]
    (problem,) = check(run_stats("en", "author", 100, 60), previous, thresholds)
    # The newest previous run saw too few items to judge by, so the one before it counts.
    assert "down from 98.0% of 200 in the previous run" in problem.message


def test_too_few_items_are_not_judged_against_floors() -> None:
    assert check(run_stats("sw", "title", 19, 5), [], T) == []


def test_a_field_gone_from_every_item_fails_however_few_items_the_run_saw() -> None:
    (problem,) = check(run_stats("ur", "news", 3, 0), [], T)
    assert problem.message == (
        "ur: news missing from all 3 items that should have it "
        "(e.g. https://x/1.html, https://x/2.html)"
    )
    assert check(run_stats("ur", "news", 2, 0), [], T) == []  # below ARCHIVER_HEALTH_EMPTY_AT


def test_listings_that_could_not_be_read_fail_the_run() -> None:
    (problem,) = check({"listing/failed": 2, "listing/pages": 7}, [], T)
    assert problem.message.startswith("2 listing page(s) could not be read")
    (problem,) = check({"archive/failures": 1}, [], T)  # an unreachable site
    assert problem.message == "no listing page was read: nothing of the site was seen"


def test_error_rate() -> None:
    listed = {"listing/pages": 5}
    (problem,) = check({"item_scraped_count": 80, "archive/failures": 20, **listed}, [], T)
    assert problem.message.startswith("20 of 100 pages failed (20.0%)")
    assert check({"item_scraped_count": 90, "archive/failures": 10, **listed}, [], T) == []


def test_floors_given_on_the_command_line_are_json() -> None:
    thresholds = thresholds_from({"ARCHIVER_HEALTH_FLOORS": '{"author": 0.5}'})
    assert thresholds.floors["author"] == 0.5
    with pytest.raises(ValueError, match="must be a JSON object"):
        thresholds_from({"ARCHIVER_HEALTH_FLOORS": "author=0.5"})
    with pytest.raises(ValueError, match="unknown field"):
        thresholds_from({"ARCHIVER_HEALTH_FLOORS": {"writer": 0.5}})


def test_thresholds_from_settings_merge_floors() -> None:
    thresholds = thresholds_from(
        {"ARCHIVER_HEALTH_FLOORS": {"author": 0.5}, "ARCHIVER_HEALTH_MIN_ITEMS": "5"}
    )
    assert thresholds.floors["author"] == 0.5
    assert thresholds.floors["title"] == DEFAULT_FLOORS["title"]
    assert thresholds.min_items == 5


def test_an_error_rate_far_above_the_previous_runs_fails_even_under_the_cap() -> None:
    loose = Thresholds(floors=DEFAULT_FLOORS, max_drop=0.05, min_items=20, max_error_rate=0.5)
    now = {"item_scraped_count": 70, "archive/failures": 30, "listing/pages": 5}
    before = [{"item_scraped_count": 99, "archive/failures": 1}]
    (problem,) = check(now, before, loose)
    assert problem.message == (
        "30 of 100 pages failed (30.0%), up from 1.0% of 100 in the previous run; "
        "see the failures in the crawl manifest"
    )
    assert check(now, [], loose) == []  # no earlier run to compare with, under the cap


class Stats(dict[str, Any]):
    """A run's stats as the counting writes them (Scrapy's collector, in a dict)."""

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self[key] = value

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] = self.get(key, start) + count


ITEMS = [
    ArchiveItem(key="en/1", lang="en", item_id=1, url="u1", kind="news_comment", title="T",
                body="b", author="A", news="n", comment="", published_date=date(2024, 1, 2)),
    ArchiveItem(key="en/2", lang="en", item_id=2, url="u2", kind="press_release", title="",
                body="b"),
    ArchiveItem(key="ar/3", lang="ar", item_id=3, url="u3", kind="news_comment", title="ت",
                body="", author=None, news="خ", comment="ت"),
]  # fmt: skip


def test_a_run_and_an_archive_are_counted_by_the_same_rules() -> None:
    stats = Stats()
    for item in ITEMS:
        count_item(stats, item)
    assert stats == {
        "health/en/title/due": 2, "health/en/title/filled": 1,
        "health/en/title/missing_examples": ["u2"],
        "health/en/body/due": 2, "health/en/body/filled": 2,
        "health/en/published_date/due": 2, "health/en/published_date/filled": 1,
        "health/en/published_date/missing_examples": ["u2"],
        "health/en/author/due": 1, "health/en/author/filled": 1,
        "health/en/news/due": 1, "health/en/news/filled": 1,
        "health/en/comment/due": 1, "health/en/comment/missing_examples": ["u1"],
        "health/ar/title/due": 1, "health/ar/title/filled": 1,
        "health/ar/body/due": 1, "health/ar/body/missing_examples": ["u3"],
        "health/ar/published_date/due": 1, "health/ar/published_date/missing_examples": ["u3"],
        "health/ar/author/due": 1, "health/ar/author/missing_examples": ["u3"],
        "health/ar/news/due": 1, "health/ar/news/filled": 1,
        "health/ar/comment/due": 1, "health/ar/comment/filled": 1,
    }  # fmt: skip
    table = pa.Table.from_batches([with_filled(pa.RecordBatch.from_pylist(
        [{name: getattr(item, name) for name in ("lang", "kind", *FIELD_DUE)} for item in ITEMS]
    ))])  # fmt: skip
    counts = FieldCounts.of(table)
    due: Counter[tuple[str, str]] = Counter()
    filled: Counter[tuple[str, str]] = Counter()
    for (lang, kind, field), n in counts.due.items():
        due[(lang, field)] += n
        filled[(lang, field)] += counts.filled[(lang, kind, field)]
    assert len(due) == 12
    for (lang, field), n in due.items():
        assert coverage(stats, lang, field) == (filled[(lang, field)] / n, n)
    assert counts.due[("en", "press_release", "news")] == 0  # not due: not counted


def test_filled_means_the_same_for_python_values_and_arrow_columns() -> None:
    values: list[list[Any]] = [["x", "", None], [["a"], [], None], [date(2024, 1, 1), None]]
    for column in values:
        assert filled_mask(pa.array(column)).to_pylist() == list(map(is_filled, column))


def test_a_walk_is_incomplete_when_a_listing_page_was_lost_or_a_walk_cut() -> None:
    assert not walk_incomplete({"listing/pages": 4})
    assert walk_incomplete({"listing/pages": 4, "listing/failed": 1})
    assert walk_incomplete({"listing/walks_cut": 2})
