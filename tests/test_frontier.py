"""Planning a listing page: incremental stop, date bounds."""

from __future__ import annotations

from datetime import date

from archiver.frontier import Entry, listing_day, plan_page

PAGE = [
    Entry("en/30", date(2024, 11, 26)),
    Entry("en/29", date(2024, 11, 25)),
    Entry("en/12", date(2024, 11, 20)),  # an old migrated id, listed by its date
    Entry("en/28", None),
]


def test_full_mode_fetches_everything_and_goes_on() -> None:
    plan = plan_page(PAGE, {"en/30", "en/29", "en/12", "en/28"}, mode="full")
    assert (plan.fetch, plan.follow_next) == ([0, 1, 2, 3], True)


def test_incremental_skips_known_items_and_stops_on_a_page_of_known_items() -> None:
    plan = plan_page(PAGE, {"en/29", "en/28"})
    assert (plan.fetch, plan.follow_next, plan.skipped_known) == ([0, 2], True, 2)
    plan = plan_page(PAGE, {"en/30", "en/29", "en/12", "en/28"})
    assert (plan.fetch, plan.follow_next) == ([], False)


def test_an_empty_page_does_not_count_as_all_known() -> None:
    assert plan_page([], set()).follow_next is True


def test_date_bounds() -> None:
    plan = plan_page(PAGE, set(), since=date(2024, 11, 25), until=date(2024, 11, 25))
    assert (plan.fetch, plan.follow_next, plan.skipped_range) == ([1, 3], True, 2)
    plan = plan_page(PAGE, set(), since=date(2024, 12, 1))
    assert (plan.fetch, plan.follow_next) == ([3], False)  # undated entries are still fetched


def test_listing_day_is_the_local_day_of_the_offset() -> None:
    assert listing_day("2024-11-26T01:15:00+03:00") == date(2024, 11, 26)  # 2024-11-25 in UTC
    assert listing_day("2024-11-26") == date(2024, 11, 26)
    assert listing_day("yesterday") is None
    assert listing_day(None) is None
