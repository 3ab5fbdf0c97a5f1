"""The crawl health check: floors, drops against the previous run, error rate."""

from __future__ import annotations

from typing import Any

import pytest

from archiver.health import DEFAULT_FLOORS, Thresholds, check, thresholds_from

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
