# ruff: noqa: E501
"""Month spellings no table lists: read only when the other calendar confirms them (status
``month_by_calendar``), flagged when it cannot (``unknown_month``), never a silent null; and the
folding that makes most variants one spelling (dashes, epithets, odd colons, spacing)."""

from __future__ import annotations

from datetime import date

import pytest

from archiver.dates import DateCandidate, parse_date, resolve_dates
from archiver.dates.lexicon import GREGORIAN_SPELLINGS, HIJRI_SPELLINGS, fold, near_month

# (printed, Gregorian day, Hijri as printed, offset, status); the near spellings are invented
# in the shapes issue 9 names (transliteration variants, circumflexes, a missing "al-").
NEAR = [
    ("H. 24 Jumadal Awwal 1446 No: 1446 AH / 017\nM. Tuesday, 26 November 2024", date(2024, 11, 26), "1446-05-24", 0, "month_by_calendar"),
    ("Tuesday, 24 Jumada Awwal 1446 | 2024/11/26", date(2024, 11, 26), "1446-05-24", 0, "month_by_calendar"),
    ("H. 9 Rabi Awwal 1441 | No: 1441 AH / 005 |\nM. Wednesday, 06 November 2019 |", date(2019, 11, 6), "1441-03-09", 0, "month_by_calendar"),
    ("H. 5 Rabi-ul-Sani 1446\nM. 2024/10/09", date(2024, 10, 9), "1446-04-05", 1, "month_by_calendar"),
    ("Salı, 29 Sefer 1446 | 2024/09/03", date(2024, 9, 3), "1446-02-29", 1, "month_by_calendar"),
    ("H. 11 Şevvâll 1437\nM. Cumartesi, 16 Temmuz 2016", date(2016, 7, 16), "1437-10-11", 0, "month_by_calendar"),
    ("التاريخ الهجري | 29 من شعبانن 1446هـ\nالتاريخ الميلادي | الجمعة, 28 شباط/فبراير 2025 م", date(2025, 2, 28), "1446-08-29", 0, "month_by_calendar"),
    # The Gregorian word misspelt: the Hijri date beside it confirms the month.
    ("Tuesday, 24 Jumada al-awwal 1446 | 26 Novembar 2024", date(2024, 11, 26), "1446-05-24", 0, "month_by_calendar"),
    ("14 Rajab 1434 AH / 24 Mayo 2013 CE", date(2013, 5, 24), "1434-07-14", 0, "month_by_calendar"),
    # Close to Jumada II while the calendar says Jumada I: the twin is refused, the date kept.
    ("H. 24 Jumadal Thani 1446 No: 1446 AH / 017\nM. Tuesday, 26 November 2024", date(2024, 11, 26), None, None, "unknown_month"),
    # Nothing to check the spelling against: flagged, never a silent null.
    ("H. 24 Jumadal Awwal 1446 No: 1446 AH / 017", None, None, None, "unknown_month"),
    ("M. Tuesday, 26 Novembar 2024", None, None, None, "unknown_month"),
    # Words before a Gregorian year that look like no month are no date at all; before a Hijri
    # year, a word in the month's place is an unread month whatever it looks like.
    ("killed 12 people in 2024", None, None, None, "unparsed"),
    # A Gregorian year mistyped as the Hijri one (hizbke.org/en): outside the table, no offset.
    ("Saturday, 29 Rajab al Muharram 1442 corresponding 13 March 1442 CE", date(1442, 3, 13), "1442-07-29", None, "out_of_range"),
    ("الجمعة، 10 فصر 1440هـ| 2018/10/19م", date(2018, 10, 19), None, None, "unknown_month"),
    ("H. 1 Xyzzy 1446", None, None, None, "unknown_month"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "day", "hijri", "offset", "status"), NEAR, ids=lambda v: repr(v)[:40]
)
def test_a_near_spelling_is_read_only_when_the_calendar_confirms_it(
    raw: str, day: date | None, hijri: str | None, offset: int | None, status: str
) -> None:
    result = parse_date(raw)
    assert (result.published_date, result.published_hijri, result.hijri_offset_days) == (
        day,
        hijri,
        offset,
    )
    assert (result.date_status, result.date_conflict) == (status, status == "out_of_range")


@pytest.mark.parametrize(
    ("word", "month"),
    [("Jumadal Awwal", 5), ("Rabi Awwal", 3), ("Jumada Ula", 5), ("Dhu Hijjah", 12),
     ("Jamadi-ul-Sani", 6), ("Rabi-ul-Sani", 4), ("Zilqade", 11), ("Shawal", 10)],
)  # fmt: skip
def test_near_spellings_are_near_their_month_only(word: str, month: int) -> None:
    assert near_month(fold(word), HIJRI_SPELLINGS, month)
    assert not any(near_month(fold(word), HIJRI_SPELLINGS, m) for m in range(1, 13) if m != month)


@pytest.mark.parametrize("word", ["people", "occasions", "rockets", "Pakistan", "Headlines"])
def test_ordinary_words_are_near_no_month(word: str) -> None:
    assert not any(near_month(fold(word), HIJRI_SPELLINGS, m) for m in range(1, 13))
    assert not any(near_month(fold(word), GREGORIAN_SPELLINGS, m) for m in range(1, 13))


LISTING = DateCandidate("listing", "2024-11-26T10:15:00+03:00")


def test_an_h_line_alone_is_checked_against_the_listing_day() -> None:
    press = DateCandidate("press_release", "H. 24 Jumadal Awwal 1446 No: 1446 AH / 017")
    result = resolve_dates([LISTING, press], "en")
    assert (result.published_date, result.published_hijri, result.hijri_offset_days) == (
        date(2024, 11, 26),
        "1446-05-24",
        0,
    )
    assert (result.date_source, result.date_status, result.date_conflict) == (
        "listing",
        "month_by_calendar",
        False,
    )


@pytest.mark.parametrize(
    "raw",
    [
        "H. 24 Jumadal Thani 1446 No: 1446 AH / 017",
        "H. 24 Jumadal Thani 1446 No: 1446 AH / 017\nM. Tuesday, 26 November 2024",
    ],
)
def test_an_unread_month_flags_the_item_instead_of_a_silent_null(raw: str) -> None:
    result = resolve_dates([LISTING, DateCandidate("press_release", raw)], "en")
    assert (result.published_date, result.published_hijri) == (date(2024, 11, 26), None)
    assert (result.date_status, result.date_conflict) == ("unknown_month", False)


def test_a_known_spelling_keeps_the_item_ok() -> None:
    press = DateCandidate("press_release", "H. 24 Jumada al-awwal 1446 No: 1446 AH / 017")
    result = resolve_dates([LISTING, press], "en")
    assert (result.published_hijri, result.date_status) == ("1446-05-24", "ok")


# Variants the folding makes one spelling: every dash, epithets with or without an article,
# year words, labels with a colon in odd places, odd spaces (thin, narrow no-break).
FOLDED = [
    ("H. 10 Dhul–Hijjah 1435\nM. Saturday, 04 October 2014", "1435-12-10"),
    ("H. 10 Dhul—Hijjah 1435\nM. Saturday, 04 October 2014", "1435-12-10"),
    ("H. 10 Dhu\u2011al\u2011Hijjah 1435\nM. Saturday, 04 October 2014", "1435-12-10"),
    ("Saturday, 29 Rajab al Muharram 1442 corresponding to 13 March 2021 CE", "1442-07-29"),
    ("Saturday, 29 Rajab Muharram 1442 AH / 13 March 2021 CE", "1442-07-29"),
    ("H. 29 Ramazan-ul-Mubarak 1442\nM. 2021/05/11", "1442-09-29"),
    ("Jumamosi, 29 Rajab Tukufu katika mwaka wa 1442 H sawa na 13 Machi 2021 M", "1442-07-29"),
    ("H.: 29 Rajab 1442\nM.: Saturday, 13 March 2021", "1442-07-29"),
    ("H :29 Rajab 1442 | No : 1442 AH / 009 |\nM : Saturday, 13 March 2021 |", "1442-07-29"),
    ("هجری قمری نېټه : 29 رجب 1442\nمیلادی نېټه : شنبه, 13 مارچ 2021 م", "1442-07-29"),
    ("H.\u200929\u202fRajab\u00a01442\nM.\u2009Saturday,\u202f13\u00a0March 2021", "1442-07-29"),
    ("Saturday, the 29th of Rajab 1442 AH, corresponding to 13 March 2021 CE", "1442-07-29"),
]


@pytest.mark.parametrize(("raw", "hijri"), FOLDED, ids=lambda v: repr(v)[:40])
def test_printing_variants_fold_to_the_known_spelling(raw: str, hijri: str) -> None:
    result = parse_date(raw)
    assert (result.published_hijri, result.hijri_offset_days, result.date_status) == (
        hijri,
        0,
        "ok",
    )
    assert result.published_date is not None and result.published_date.year in (2014, 2021)
