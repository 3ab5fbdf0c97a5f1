"""parse_date on every example string of dates.md, the traps it lists, and the pinned calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from archiver.dates import DateResult, parse_date, parse_header_widget
from archiver.dates import hijri as calendar
from tests.dates_cases import CASES, CONTEXT_CASES, HEADER_WIDGETS, expect


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.date_raw)
def test_example_strings_parse_exactly(case: DateResult) -> None:
    assert parse_date(case.date_raw or "") == case


@pytest.mark.parametrize(("context", "case"), CONTEXT_CASES, ids=lambda v: repr(v)[:60])
def test_example_strings_parse_the_same_in_every_context_the_site_prints(
    context: str, case: DateResult
) -> None:
    assert parse_date(case.date_raw or "") == case


@pytest.mark.parametrize("case", HEADER_WIDGETS, ids=lambda case: case.date_raw)
def test_header_widget_gives_its_gregorian_day(case: DateResult) -> None:
    assert parse_header_widget(case.date_raw or "") == case.published_date


def test_header_widget_reading_is_decided_by_weekday_and_hijri() -> None:
    assert parse_header_widget("Dienstag, 24 Sha'ban 1445 | 05/03/2024") == date(2024, 3, 5)
    assert parse_header_widget("Freitag, 24 Shawwal 1445 | 05/03/2024") == date(2024, 5, 3)


@pytest.mark.parametrize(
    "text", ["14 Rajab 1434 AH", "05/03/2024", "Time now: (M.M.T)", ""], ids=repr
)
def test_header_widget_without_one_gregorian_day_is_none(text: str) -> None:
    assert parse_header_widget(text) is None


TRAPS = [
    # Tatweel and an epithet after the month.
    expect("الخميس، 17 رمــضان المبارك 1445هـ| 2024/03/28م", date(2024, 3, 28), "1445-09-17", 1),
    expect("الجمعة، 14 رجب المحرم 1434هـ| 2013/05/24م", date(2013, 5, 24), "1434-07-14", 0),
    # Turkish suffixes after an apostrophe, on the month and on the year.
    expect("Salı, 26 Kasım’da 2024", date(2024, 11, 26)),
    expect("26 Kasım 2024’te", date(2024, 11, 26)),
    # Digit systems, alone and mixed in one line.
    expect("الثلاثاء، ٢٤ جمادى الأولى ١٤٤٦هـ| ٢٠٢٤/١١/٢٦م", date(2024, 11, 26), "1446-05-24", 0),
    expect("Tuesday, ٢4 Jumada al-awwal ۱446 | ২০24/11/26", date(2024, 11, 26), "1446-05-24", 0),
    expect("২৬ November ২০২৪", date(2024, 11, 26)),
    # Year first is Y/M/D; a field over 12 decides; else the weekday; else the Hijri partner.
    expect("2024/03/05", date(2024, 3, 5)),
    expect("11/26/2024", date(2024, 11, 26)),
    expect("05/03/2024", date(2024, 3, 5), status="ambiguous"),
    expect("Tuesday 05/03/2024", date(2024, 3, 5)),
    expect("Friday 05/03/2024", date(2024, 5, 3)),
    expect("24 Sha'ban 1445 | 05/03/2024", date(2024, 3, 5), "1445-08-24", 0),
    expect("24 Shawwal 1445 | 05/03/2024", date(2024, 5, 3), "1445-10-24", 0),
    # Ordinals, abbreviations, times and offsets.
    expect("Friday, 1st March 2024", date(2024, 3, 1)),
    expect(
        "Tuesday, 26 November 2024 10:15",
        date(2024, 11, 26),
        at=datetime(2024, 11, 26, 7, 15, tzinfo=UTC),
    ),
    expect(
        "Tue, 26 Nov 2024 07:15:00 +0000",
        date(2024, 11, 26),
        at=datetime(2024, 11, 26, 7, 15, tzinfo=UTC),
    ),
    expect("2024-11-26T00:00:00+03:00", date(2024, 11, 26)),
    expect(
        " 2024-11-26T07:15:00Z", date(2024, 11, 26), at=datetime(2024, 11, 26, 7, 15, tzinfo=UTC)
    ),
    expect("2024-11-26", date(2024, 11, 26)),
    expect("2024-02-31T10:00:00+03:00", None, status="invalid"),
    # What the checks flag.
    expect("Monday, 26 November 2024", date(2024, 11, 26), None, None, "weekday_mismatch", True),
    expect(
        "Tuesday, 24 Jumada al-awwal 1445 | 2024/11/26",
        date(2024, 11, 26),
        "1445-05-24",
        354,
        "hijri_mismatch",
        True,
    ),
    expect("26 November 2090", date(2090, 11, 26), None, None, "out_of_range", True),
    expect("1 Rajab 1342", None, "1342-07-01", None, "out_of_range", True),
    expect("Friday, 14 Rajab 1434", date(2013, 5, 24), "1434-07-14", None, "hijri_only"),
    # A Hijri-only date may be a day off Umm al-Qura, and its weekday with it.
    expect("Saturday, 14 Rajab 1434", date(2013, 5, 24), "1434-07-14", None, "hijri_only"),
    expect(
        "Monday, 14 Rajab 1434", date(2013, 5, 24), "1434-07-14", None, "weekday_mismatch", True
    ),
    expect("31 February 2024", None, status="invalid"),
    expect("Tuesday, 31 Jumada al-awwal 1446", None, status="invalid"),
    expect("31/02/2024", None, status="invalid"),
    expect("Published in News & Comment", None, status="unparsed"),
]


@pytest.mark.parametrize("case", TRAPS, ids=lambda case: repr(case.date_raw))
def test_traps(case: DateResult) -> None:
    assert parse_date(case.date_raw or "") == case


@pytest.mark.parametrize("text", ["", "  ", "\n"], ids=repr)
def test_blank_text_is_missing_without_raw(text: str) -> None:
    assert parse_date(text) == DateResult(None, None, None, None, "text", "missing", False, None)


def test_source_is_recorded() -> None:
    assert parse_date("2024-11-26T10:15:00+03:00", "en", "listing").date_source == "listing"


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1446, 5, 24), date(2024, 11, 26)),
        ((1446, 6, 1), date(2024, 12, 2)),
        ((1433, 9, 1), date(2012, 7, 20)),
    ],
)
def test_pinned_umm_al_qura_conversions(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert calendar.to_gregorian(*hijri) == gregorian
    assert calendar.to_hijri(gregorian) == hijri


def test_day_30_of_a_29_day_month_is_the_next_day() -> None:
    # Jumada al-awwal 1446 has 29 days in Umm al-Qura.
    assert calendar.to_gregorian(1446, 5, 30) == date(2024, 12, 2)
    assert calendar.to_gregorian(1446, 5, 29) == date(2024, 12, 1)


def test_days_past_a_28_day_month_of_the_table_follow_its_last_day() -> None:
    # Ramadan 1343 has 28 days in hijridate's table (found by a property test: day 29 raised).
    assert calendar.to_gregorian(1343, 9, 28) == date(1925, 4, 23)
    assert calendar.to_gregorian(1343, 9, 29) == date(1925, 4, 24)
    assert calendar.to_gregorian(1343, 9, 30) == date(1925, 4, 25)


@pytest.mark.parametrize("year", [1342, 1501])
def test_hijri_years_outside_the_table_raise_out_of_range(year: int) -> None:
    with pytest.raises(calendar.OutOfRangeError):
        calendar.to_gregorian(year, 1, 1)


@pytest.mark.parametrize("day", [date(1924, 7, 31), date(2077, 11, 17)])
def test_gregorian_days_outside_the_table_raise_out_of_range(day: date) -> None:
    with pytest.raises(calendar.OutOfRangeError):
        calendar.to_hijri(day)


def test_table_edges_convert() -> None:
    assert calendar.to_hijri(calendar.FIRST_DAY) == (1343, 1, 1)
    assert calendar.to_hijri(calendar.LAST_DAY) == (1500, 12, 30)
