"""One printed date string → a checked ``DateResult``; never raises on any text.

The Gregorian part is authoritative; a printed Hijri is kept as printed and checked against
Umm al-Qura (offset in days), the printed weekday against the day. A time counts only when it
is not midnight (K2 prints 00:00 for "no time"); without an offset it is Makkah time.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import UTC, date, datetime, time, timedelta, timezone

from archiver.dates import hijri as calendar
from archiver.dates.lexicon import (
    GREGORIAN_SPELLINGS,
    HIJRI_SPELLINGS,
    near_any_month,
    near_month,
)
from archiver.dates.result import (
    AMBIGUOUS,
    CONFLICT_STATUSES,
    HIJRI_MISMATCH,
    HIJRI_ONLY,
    INVALID,
    MISSING,
    MONTH_BY_CALENDAR,
    OK,
    OUT_OF_RANGE,
    UNKNOWN_MONTH,
    UNPARSED,
    WEEKDAY_MISMATCH,
    DateResult,
)
from archiver.dates.scan import NUMERIC_YEARS, Printed, scan

# Asia/Riyadh: UTC+3 without daylight saving since 1950, the site's "M.M.T".
RIYADH = timezone(timedelta(hours=3), "Asia/Riyadh")
_MIDNIGHT = time(0, 0)


def parse_date(
    text: str, lang: str | None = None, source: str = "text", partner: date | None = None
) -> DateResult:
    """One string as printed (it may hold a Hijri part and a Gregorian part, e.g. a whole
    press-release header, or a dateline sentence, or an ISO datetime).

    ``lang`` is accepted for callers that know the section, but parsing does not depend on it:
    sections quote each other's forms (Urdu prints Arabic month names) and no spelling in the
    tables means two different things, so every table is tried. ``partner`` is the day another
    source gives (the listing's): a month spelling no table lists is checked against it when the
    string prints no Gregorian date of its own.
    """
    if not text.strip():
        return DateResult(None, None, None, None, source, MISSING, False, None)
    printed = scan(text)
    if printed.unknown is None:
        return _check(printed, text, source)
    day, run, year = printed.unknown
    hijri_year = calendar.FIRST_YEAR <= year <= calendar.LAST_YEAR
    if printed.hijri is None and hijri_year:
        gregorian = printed.gregorian or ((partner,) if partner else ())
        month = _hijri_month(day, year, gregorian, run)
        if month is not None:
            hijri = (year, month, day)
            return _check(
                dataclasses.replace(printed, hijri=hijri), text, source, MONTH_BY_CALENDAR
            )
    elif not printed.gregorian and year in NUMERIC_YEARS:
        named = _gregorian_day(day, year, _umm_al_qura(printed.hijri), run)
        if named is not None:
            confirmed = dataclasses.replace(printed, gregorian=(named,))
            return _check(confirmed, text, source, MONTH_BY_CALENDAR)
    # "Day, word, Hijri year" in a date string is a Hijri date whatever the word; before a
    # Gregorian year only a word close to a month is ("12 people in 2024" is no date).
    if not (printed.hijri is None and hijri_year) and not near_any_month(run):
        return _check(printed, text, source)
    return _check(printed, text, source, UNKNOWN_MONTH)


@functools.lru_cache(maxsize=256)
def parse_header_widget(text: str, lang: str | None = None) -> date | None:
    """The Gregorian date a header 'today' widget shows (a fetch-time snapshot only).

    Cached: every page fetched on one day shows the same widget text (a pure function)."""
    printed = scan(text)
    gregorian, ambiguous = _pick_reading(printed, _umm_al_qura(printed.hijri))
    return None if ambiguous else gregorian


# A month spelling no table lists is read only when the other calendar confirms it: the one
# month that puts the printed day within a day of the other calendar's date (the site's ±1),
# and only if the printed word is close to a name of that month.


def _hijri_month(day: int, year: int, gregorian: tuple[date, ...], run: str) -> int | None:
    """(Two readings of a numeric Gregorian date may each have their month: the spelling picks.)"""
    for month in range(1, 13) if gregorian and 1 <= day <= 30 else ():
        umm_al_qura = _umm_al_qura((year, month, day))
        near = umm_al_qura is not None and any(abs((g - umm_al_qura).days) <= 1 for g in gregorian)
        if near and near_month(run, HIJRI_SPELLINGS, month):
            return month
    return None


def _gregorian_day(day: int, year: int, umm_al_qura: date | None, run: str) -> date | None:
    if umm_al_qura is None:
        return None
    for month in range(1, 13):
        try:
            named = date(year, month, day)
        except ValueError:
            continue
        if abs((named - umm_al_qura).days) <= 1:
            return named if near_month(run, GREGORIAN_SPELLINGS, month) else None
    return None


def _check(printed: Printed, raw: str, source: str, spelling: str = OK) -> DateResult:
    """The checked result; ``spelling`` is ``OK`` or what an unknown month spelling gave
    (``UNKNOWN_MONTH``, ``MONTH_BY_CALENDAR``), ranked below the calendar's own verdicts."""
    hijri_text = "{:04d}-{:02d}-{:02d}".format(*printed.hijri) if printed.hijri else None
    umm_al_qura = _umm_al_qura(printed.hijri)
    out_of_range = printed.hijri is not None and umm_al_qura is None
    gregorian, ambiguous = _pick_reading(printed, umm_al_qura)
    published = gregorian or umm_al_qura
    if gregorian is not None:
        out_of_range |= not calendar.FIRST_DAY <= gregorian <= calendar.LAST_DAY
    offset = None  # unchecked outside the table's span
    if gregorian is not None and umm_al_qura is not None and not out_of_range:
        offset = (gregorian - umm_al_qura).days
    weekday_ok = _weekday_agrees(printed.weekday, gregorian, umm_al_qura)
    if out_of_range:
        status = OUT_OF_RANGE
    elif printed.invalid:
        status = INVALID
    elif offset is not None and abs(offset) > 1:
        status = HIJRI_MISMATCH
    elif not weekday_ok:
        status = WEEKDAY_MISMATCH
    elif ambiguous:
        status = AMBIGUOUS
    elif spelling != OK:
        status = spelling
    elif published is None:
        status = UNPARSED
    elif gregorian is None:
        status = HIJRI_ONLY
    else:
        status = OK
    return DateResult(
        published_date=published,
        published_at=_instant(gregorian, printed.time),
        published_hijri=hijri_text,
        hijri_offset_days=offset,
        date_source=source,
        date_status=status,
        date_conflict=status in CONFLICT_STATUSES,
        date_raw=raw,
    )


def _umm_al_qura(hijri: tuple[int, int, int] | None) -> date | None:
    """Umm al-Qura's day for a printed Hijri date; None without one or outside the table."""
    if hijri is None:
        return None
    try:
        return calendar.to_gregorian(*hijri)
    except calendar.OutOfRangeError:
        return None  # the caller reports it as out_of_range


def _pick_reading(printed: Printed, umm_al_qura: date | None) -> tuple[date | None, bool]:
    """The reading of a numeric date that the weekday and the Hijri partner support best;
    day-first on a tie. Returns it and whether the tie was real (nothing decided)."""
    readings = printed.gregorian
    if len(readings) < 2:
        return (readings[0] if readings else None), False

    def support(reading: date) -> int:
        weekday = printed.weekday is not None and reading.weekday() == printed.weekday
        near = umm_al_qura is not None and abs((reading - umm_al_qura).days) <= 1
        return int(weekday) + int(near)

    scores = [support(reading) for reading in readings]
    best = max(scores)
    return readings[scores.index(best)], scores.count(best) > 1


def _weekday_agrees(weekday: int | None, gregorian: date | None, umm_al_qura: date | None) -> bool:
    """A Hijri-only date may be a day off Umm al-Qura, so its weekday may be too."""
    if weekday is None:
        return True
    if gregorian is not None:
        return gregorian.weekday() == weekday
    if umm_al_qura is not None:
        return any((umm_al_qura + timedelta(days=d)).weekday() == weekday for d in (-1, 0, 1))
    return True


def _instant(day: date | None, printed: time | None) -> datetime | None:
    if day is None or printed is None or printed.replace(tzinfo=None) == _MIDNIGHT:
        return None
    try:
        return datetime.combine(day, printed.replace(tzinfo=printed.tzinfo or RIYADH)).astimezone(
            UTC
        )
    except OverflowError:  # the last day of year 9999 west of Greenwich: no instant to store
        return None
