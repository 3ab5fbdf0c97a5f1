"""The month and weekday tables: every spelling is found where it belongs, none means two things."""

from __future__ import annotations

from pathlib import Path

import pytest

from archiver.dates import STATUSES
from archiver.dates.lexicon import (
    GREGORIAN_INDEX,
    HIJRI_INDEX,
    WEEKDAY_INDEX,
    _index,
    fold,
    month_number,
    squash,
)
from archiver.dates.scan import scan
from archiver.dates.tables import GREGORIAN_MONTHS, HIJRI_MONTHS, SITE_SPELLINGS, WEEKDAYS

ROOT = Path(__file__).resolve().parents[1]


def spellings(table: dict[str, tuple[str, ...]]) -> list[tuple[str, int]]:
    return [
        (spelling, number)
        for entries in table.values()
        for number, variants in enumerate(entries, start=1)
        for spelling in variants.split("|")
    ]


@pytest.mark.parametrize(("spelling", "month"), spellings(HIJRI_MONTHS), ids=str)
def test_every_hijri_spelling_parses_in_a_date(spelling: str, month: int) -> None:
    assert scan(f"12 {spelling} 1446").hijri == (1446, month, 12)


@pytest.mark.parametrize(("spelling", "month"), spellings(GREGORIAN_MONTHS), ids=str)
def test_every_gregorian_spelling_parses_in_a_date(spelling: str, month: int) -> None:
    assert scan(f"12 {spelling} 2024").gregorian[0].month == month


@pytest.mark.parametrize(("spelling", "number"), spellings(WEEKDAYS), ids=str)
def test_every_weekday_spelling_is_read_before_a_date(spelling: str, number: int) -> None:
    assert scan(f"{spelling}, 12 November 2024").weekday == number - 1


APOSTROPHES = ["'", "’", "‘", "ʿ", "ʾ", "`", "´", "′"]
WITH_APOSTROPHE = [(s, m) for s, m in spellings(HIJRI_MONTHS) if "'" in s or "’" in s]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
@pytest.mark.parametrize(("spelling", "month"), WITH_APOSTROPHE, ids=str)
def test_any_apostrophe_shape_matches(spelling: str, month: int, apostrophe: str) -> None:
    printed = spelling.replace("'", apostrophe).replace("’", apostrophe)
    assert scan(f"12 {printed} 1446").hijri == (1446, month, 12)


def test_every_site_spelling_is_in_a_table() -> None:
    known = HIJRI_INDEX.keys() | GREGORIAN_INDEX.keys() | WEEKDAY_INDEX.keys()
    assert sorted(s for s in SITE_SPELLINGS if squash(fold(s)) not in known) == []


def test_hijri_and_gregorian_names_never_collide() -> None:
    assert HIJRI_INDEX.keys() & GREGORIAN_INDEX.keys() == set()


def test_every_table_covers_twelve_months_or_seven_days() -> None:
    assert {len(v) for v in HIJRI_MONTHS.values()} == {12}
    assert {len(v) for v in GREGORIAN_MONTHS.values()} == {12}
    assert {len(v) for v in WEEKDAYS.values()} == {7}


def test_a_spelling_with_two_meanings_is_rejected() -> None:
    with pytest.raises(ValueError, match="names two entries"):
        _index([("Rajab", "Rajab")])


@pytest.mark.parametrize(
    ("run", "month"),
    [
        ("من شـعبان", 8),
        ("رمــضان المبارك", 9),
        ("رجب المحرم", 7),
        ("المحرم", 1),
        ("Rajab al-Muharram", 7),
        ("Dhul- Qadah", 11),
        ("Cumâde’l Ûlâ", 5),
        ("Rabiʿ al-Awwal", 3),
        ("İİ", None),
    ],
)
def test_hijri_month_words_fold_to_their_month(run: str, month: int | None) -> None:
    assert month_number(fold(run), HIJRI_INDEX) == month


@pytest.mark.parametrize(
    ("run", "month"),
    [("شباط/فبراير", 2), ("نيسان/ابريل", 4), ("تشرين الثاني", 11), ("Kasım’da", 11), ("März", 3)],
)
def test_gregorian_month_words_fold_to_their_month(run: str, month: int) -> None:
    assert month_number(fold(run), GREGORIAN_INDEX) == month


def test_every_status_is_documented() -> None:
    docs = (ROOT / "docs" / "dates.md").read_text(encoding="utf-8")
    assert [status for status in STATUSES if f"`{status}`" not in docs] == []
