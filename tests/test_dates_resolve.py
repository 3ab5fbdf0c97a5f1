"""resolve_dates and apply_dates: precedence of sources, conflicts kept, Hijri carried over."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hijridate import Hijri

from archiver.dates import DateResult, apply_dates, resolve_dates
from archiver.item import ArchiveItem, DateCandidate

LISTING = DateCandidate("listing", "2024-11-26T10:15:00+03:00")
PRESS = DateCandidate(
    "press_release",
    "H. 24 Jumada al-awwal 1446 | No: 1446 AH / 017 |\nM. Tuesday, 26 November 2024",
)
AT = datetime(2024, 11, 26, 7, 15, tzinfo=UTC)
MISSING_RESULT = DateResult(None, None, None, None, None, "missing", False, None)


def test_no_candidates_is_missing() -> None:
    assert resolve_dates([], "en") == MISSING_RESULT


def test_listing_wins_and_takes_the_printed_hijri_of_the_same_day() -> None:
    assert resolve_dates([PRESS, LISTING], "en") == DateResult(
        date(2024, 11, 26), AT, "1446-05-24", 0, "listing", "ok", False, LISTING.raw
    )


def test_a_hijri_one_day_off_is_carried_with_its_offset() -> None:
    press = DateCandidate(
        "press_release", "H. 23 Jumada al-awwal 1446\nM. Tuesday, 26 November 2024"
    )
    result = resolve_dates([LISTING, press], "en")
    assert (result.published_hijri, result.hijri_offset_days) == ("1446-05-23", 1)


def test_a_hijri_only_source_lends_its_hijri() -> None:
    signature = DateCandidate("qa_signature", "24 Jumada al-awwal 1446 AH")
    result = resolve_dates([signature, LISTING], "en")
    assert (result.date_source, result.published_hijri, result.hijri_offset_days) == (
        "listing",
        "1446-05-24",
        0,
    )
    assert (result.date_status, result.date_conflict) == ("ok", False)


def test_a_wrong_hijri_year_beside_the_right_day_is_kept_as_printed_and_flagged() -> None:
    # A data-entry error: the H. line a year behind, the M. line the listing's day.
    press = DateCandidate(
        "press_release", "H. 24 Jumada al-awwal 1445\nM. Tuesday, 26 November 2024"
    )
    result = resolve_dates([LISTING, press], "en")
    expected_offset = (date(2024, 11, 26) - Hijri(1445, 5, 24).to_gregorian()).days
    assert expected_offset == 354  # one lunar year
    assert (result.published_date, result.date_source) == (date(2024, 11, 26), "listing")
    assert (result.published_hijri, result.hijri_offset_days) == ("1445-05-24", expected_offset)
    assert (result.date_status, result.date_conflict) == ("hijri_mismatch", True)


def test_the_sites_1360_release_is_flagged_not_cleaned() -> None:
    listing = DateCandidate("listing", "2022-03-04T10:00:00+03:00")
    press = DateCandidate("press_release", "H.  1 Sha'aban 1360 | M.  Friday, 04 March 2022")
    result = resolve_dates([listing, press], "en")
    assert (result.published_date, result.published_hijri) == (date(2022, 3, 4), "1360-08-01")
    assert (result.date_status, result.date_conflict) == ("hijri_mismatch", True)


def test_a_conflicting_source_of_another_day_lends_nothing() -> None:
    press = DateCandidate(
        "press_release", "H. 24 Jumada al-awwal 1445\nM. Monday, 25 November 2024"
    )
    result = resolve_dates([LISTING, press], "en")
    assert (result.published_hijri, result.hijri_offset_days) == (None, None)
    assert (result.date_status, result.date_conflict) == ("source_conflict", True)


def test_sources_naming_different_days_are_a_conflict() -> None:
    title = DateCandidate("headline_title", "Pakistan Headlines 25/11/2024")
    assert resolve_dates([title, LISTING], "en") == DateResult(
        date(2024, 11, 26), AT, None, None, "listing", "source_conflict", True, LISTING.raw
    )


def test_a_chosen_conflict_status_is_kept_over_source_conflict() -> None:
    k2 = DateCandidate("k2_item", "Monday, 26 November 2024 00:00")
    title = DateCandidate("headline_title", "Pakistan Headlines 25/11/2024")
    result = resolve_dates([title, k2], "en")
    assert (result.date_source, result.date_status, result.date_conflict) == (
        "k2_item",
        "weekday_mismatch",
        True,
    )


def test_a_day_derived_from_hijri_alone_may_be_one_off() -> None:
    # Umm al-Qura gives 2024-11-27 for 25 Jumada al-awwal 1446; the site may print the 26th.
    signature = DateCandidate("qa_signature", "25 Jumada al-awwal 1446 AH")
    result = resolve_dates([LISTING, signature], "en")
    assert (result.date_status, result.date_conflict) == ("ok", False)
    assert (result.published_hijri, result.hijri_offset_days) == ("1446-05-25", -1)


def test_a_parsed_candidate_beats_a_better_ranked_unparsed_one() -> None:
    broken = DateCandidate("listing", "yesterday")
    title = DateCandidate("headline_title", "Pakistan Headlines 14/12/2014")
    result = resolve_dates([broken, title], "en")
    assert (result.published_date, result.date_source, result.date_status) == (
        date(2014, 12, 14),
        "headline_title",
        "ok",
    )


def test_a_body_date_of_another_day_is_an_event_never_the_item_date_nor_a_conflict() -> None:
    event = DateCandidate("dateline", "5 Dhul-Hijjah 1429 AH 03 December 2008 CE")
    assert resolve_dates([LISTING, event], "en") == resolve_dates([LISTING], "en")
    assert resolve_dates([event], "en") == MISSING_RESULT
    hijri_only = DateCandidate("dateline", "on 5 Dhul-Hijjah 1429 AH, 2008")
    assert resolve_dates([LISTING, hijri_only], "en") == resolve_dates([LISTING], "en")


def test_a_dual_body_date_of_the_items_own_day_gives_its_hijri() -> None:
    own = DateCandidate("dateline", "on Tuesday, 23 Jumada I 1446 AH / 26 November 2024 CE")
    assert resolve_dates([LISTING, own], "en") == DateResult(
        date(2024, 11, 26), AT, "1446-05-23", 1, "listing", "ok", False, LISTING.raw
    )


def test_nothing_parses_gives_the_best_ranked_status() -> None:
    result = resolve_dates([DateCandidate("rss", "soon"), DateCandidate("k2_item", "")], "en")
    assert result == DateResult(None, None, None, None, "k2_item", "missing", False, None)


def test_unknown_sources_rank_last() -> None:
    other = DateCandidate("sidebar", "Monday 25/11/2024")
    result = resolve_dates([other, PRESS], "en")
    assert (result.date_source, result.date_status) == ("press_release", "source_conflict")


def test_apply_dates_fills_the_item_and_leaves_the_original() -> None:
    item = ArchiveItem(key="en/1", lang="en", item_id=1, url="u", date_candidates=[PRESS, LISTING])
    filled = apply_dates(item)
    assert (filled.published_date, filled.published_at, filled.published_hijri) == (
        date(2024, 11, 26),
        AT,
        "1446-05-24",
    )
    assert (filled.hijri_offset_days, filled.date_source, filled.date_status) == (
        0,
        "listing",
        "ok",
    )
    assert (filled.date_conflict, filled.date_raw) == (False, LISTING.raw)
    assert (item.published_date, item.date_status) == (None, "missing")


WIDGET = DateCandidate("header_widget", "Thursday, 26 Jumada al-awwal 1446 | 2024/11/28")


def test_the_header_widget_is_never_a_publication_date() -> None:
    assert resolve_dates([WIDGET], "en") == MISSING_RESULT
    assert resolve_dates([WIDGET, LISTING], "en").date_status == "ok"


def test_apply_dates_fills_page_header_date_from_the_widget() -> None:
    item = ArchiveItem(key="en/1", lang="en", item_id=1, url="u", date_candidates=[WIDGET, PRESS])
    filled = apply_dates(item)
    assert (filled.page_header_date, filled.published_date, filled.date_source) == (
        date(2024, 11, 28),
        date(2024, 11, 26),
        "press_release",
    )
    assert (filled.date_status, filled.date_conflict) == ("ok", False)


def test_apply_dates_keeps_a_page_header_date_set_before() -> None:
    item = ArchiveItem(key="en/1", lang="en", item_id=1, url="u", page_header_date=date(2024, 1, 2))
    assert apply_dates(item).page_header_date == date(2024, 1, 2)
