"""Property tests: any day, printed the way any section of the replica prints it (its own
templates and month tables, archiver.replica.datefmt, never the parser's tables), parses back
to itself."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from archiver.dates import STATUSES, parse_date
from archiver.dates import hijri as calendar
from archiver.dates.lexicon import HIJRI_INDEX, fold, squash
from archiver.replica import datefmt
from archiver.replica.languages import LEXICONS, WIDGETS

DAYS = st.dates(min_value=date(1925, 1, 1), max_value=calendar.LAST_DAY - timedelta(days=1))
SECTIONS = st.sampled_from(sorted(LEXICONS))
# The forms that print both calendars, and those of them that print a weekday too.
PRINTS = st.sampled_from(["header", "press_release", "qa_signature", "dual"])
WITH_WEEKDAY = st.sampled_from(["header", "press_release"])
ZEROS = st.sampled_from(
    ["0", "\u0660", "\u06f0", "\u09e6"]
)  # ASCII, Arabic-Indic, Persian, Bengali
APOSTROPHES = st.sampled_from(["'", "’", "‘", "ʿ", "ʾ", "`", "´"])
_ARABIC_WORD = re.compile(r"[\u0620-\u064a\u067e-\u06d3]{3,}")


def umm_al_qura(day: date, shift: int = 0) -> tuple[int, int, int]:
    """The replica's Hijri partner of ``day`` (hijridate through the replica, not the parser)."""
    hijri = datefmt.hijri_of(day, shift)
    return hijri.year, hijri.month, hijri.day


@st.composite
def printed_like_the_site(draw: st.DrawFn, text: str) -> str:
    """The same text with the site's variations: digit systems mixed digit by digit, another
    apostrophe shape, tatweel stretching Arabic-script words."""
    zeros = draw(st.lists(ZEROS, min_size=1, max_size=4))
    digits = iter(range(len(text)))
    text = re.sub(r"\d", lambda m: chr(ord(zeros[next(digits) % len(zeros)]) + int(m[0])), text)
    text = re.sub("['’]", draw(APOSTROPHES), text)
    if draw(st.booleans()):
        text = _ARABIC_WORD.sub(lambda m: m[0][:2] + "ـــ" + m[0][2:], text)
    return text


def hijri_text(hijri: tuple[int, int, int]) -> str:
    return "{:04d}-{:02d}-{:02d}".format(*hijri)


@given(DAYS, SECTIONS, PRINTS, st.data())
def test_any_day_parses_back_with_its_umm_al_qura_partner(
    day: date, lang: str, fmt: str, data: st.DataObject
) -> None:
    text = data.draw(printed_like_the_site(datefmt.printed(fmt, lang, day)))
    result = parse_date(text, lang)
    assert (result.published_date, result.published_hijri, result.hijri_offset_days) == (
        day,
        hijri_text(umm_al_qura(day)),
        0,
    )
    assert (result.date_status, result.date_conflict) == ("ok", False)


@given(DAYS, SECTIONS, PRINTS, st.sampled_from([-1, 1]))
def test_a_hijri_one_day_off_is_recorded_never_a_conflict(
    day: date, lang: str, fmt: str, shift: int
) -> None:
    printed_hijri = umm_al_qura(day, shift)
    result = parse_date(datefmt.printed(fmt, lang, day, printed_hijri), lang)
    assert (result.published_date, result.published_hijri) == (day, hijri_text(printed_hijri))
    assert (result.hijri_offset_days, result.date_status, result.date_conflict) == (
        -shift,
        "ok",
        False,
    )


@given(DAYS, SECTIONS, PRINTS, st.sampled_from([-1, 1]))
def test_a_wrong_hijri_year_is_a_mismatch(day: date, lang: str, fmt: str, shift: int) -> None:
    year, month, mday = umm_al_qura(day)
    if not calendar.FIRST_YEAR <= year + shift <= calendar.LAST_YEAR:
        shift = -shift
    # Day 30 of a month that has 29 in the other year is no date at all (status 'invalid'):
    # day 29 exists in every month of every year.
    wrong = (year + shift, month, min(mday, 29))
    result = parse_date(datefmt.printed(fmt, lang, day, wrong), lang)
    assert result.published_date == day
    assert result.hijri_offset_days is not None and abs(result.hijri_offset_days) > 300
    assert (result.date_status, result.date_conflict) == ("hijri_mismatch", True)


@given(DAYS, SECTIONS, WITH_WEEKDAY, st.integers(1, 6))
def test_a_wrong_weekday_is_a_mismatch(day: date, lang: str, fmt: str, shift: int) -> None:
    weekday = (day.weekday() + shift) % 7
    result = parse_date(datefmt.printed(fmt, lang, day, weekday=weekday), lang)
    assert (result.published_date, result.hijri_offset_days) == (day, 0)
    assert (result.date_status, result.date_conflict) == ("weekday_mismatch", True)


@given(
    DAYS,
    SECTIONS,
    PRINTS,
    st.integers(1000, calendar.FIRST_YEAR - 1) | st.integers(calendar.LAST_YEAR + 1, 1999),
)
def test_a_hijri_year_outside_the_table_is_out_of_range(
    day: date, lang: str, fmt: str, year: int
) -> None:
    _, month, mday = umm_al_qura(day)
    result = parse_date(datefmt.printed(fmt, lang, day, (year, month, mday)), lang)
    assert (result.published_date, result.published_hijri) == (day, hijri_text((year, month, mday)))
    assert (result.hijri_offset_days, result.date_status, result.date_conflict) == (
        None,
        "out_of_range",
        True,
    )


@given(DAYS, SECTIONS, st.data())
def test_one_calendar_alone_parses_back(day: date, lang: str, data: st.DataObject) -> None:
    gregorian = parse_date(data.draw(printed_like_the_site(datefmt.long_date(LEXICONS[lang], day))))
    assert (gregorian.published_date, gregorian.published_hijri, gregorian.date_status) == (
        day,
        None,
        "ok",
    )
    hijri = umm_al_qura(day)
    alone = parse_date(data.draw(printed_like_the_site(datefmt.printed("hijri_date", lang, day))))
    assert (alone.published_date, alone.published_hijri, alone.date_status) == (
        day,
        hijri_text(hijri),
        "hijri_only",
    )


@given(DAYS)
def test_numeric_dates_year_first_or_day_first(day: date) -> None:
    year_first = parse_date(f"{day.year}/{day.month:02d}/{day.day:02d}")
    day_first = parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}")
    assert (year_first.published_date, year_first.date_status) == (day, "ok")
    undecided = day.day <= 12 and day.day != day.month
    assert (day_first.published_date, day_first.date_status) == (
        day,
        "ambiguous" if undecided else "ok",
    )


FRAGMENTS = st.sampled_from(
    ["12", "1446", "2024", "/", " ", "|", ":", "No:", "Rajab", "شباط/فبراير", "من", "Tuesday",
     "٢٤", "30th", "+03:00", "T", "-", ".", "'", "ـ", "\n", "H.", "M.", "Kasım’da"]
)  # fmt: skip


@given(st.text() | st.lists(FRAGMENTS, max_size=20).map("".join))
def test_any_text_gets_a_status_never_an_exception(text: str) -> None:
    result = parse_date(text)
    assert result.date_status in STATUSES
    assert result.date_conflict == (result.date_status in {"out_of_range", "hijri_mismatch",
                                                          "weekday_mismatch"})  # fmt: skip


@st.composite
def misspelt(draw: st.DrawFn, name: str) -> str:
    """A month name with one slip of the keyboard: a letter dropped, doubled or swapped."""
    letters = [i for i, char in enumerate(name) if char.isalpha()]
    at = draw(st.sampled_from(letters))
    slip = draw(st.sampled_from(["drop", "double", "swap"]))
    if slip == "drop":
        return name[:at] + name[at + 1 :]
    if slip == "double":
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1 : at + 2] + name[at] + name[at + 2 :]


@given(DAYS, SECTIONS, st.data())
def test_a_misspelt_hijri_month_is_read_right_or_not_at_all(
    day: date, lang: str, data: st.DataObject
) -> None:
    """However the header's month name is misspelt, the day stays the printed Gregorian one and
    the Hijri date is the true one, or none and flagged: never another month, never a silent
    null. (A slip that spells another month's name is another date, not drawn.)"""
    year, month, mday = umm_al_qura(day)
    name = WIDGETS[lang].hijri_months[month - 1]
    slipped = data.draw(misspelt(name))
    assume(HIJRI_INDEX.get(squash(fold(slipped)), month) == month)
    result = parse_date(datefmt.printed("header", lang, day).replace(name, slipped, 1))
    assert result.published_date == day
    assert result.published_hijri in (None, hijri_text((year, month, mday)))
    if result.published_hijri is None:
        assert result.date_status in ("unknown_month", "ambiguous")
    else:
        assert result.date_status in ("month_by_calendar", "ok")
