"""One printed date string → a checked ``DateResult``; never raises on any text.

The Gregorian part is authoritative; a printed Hijri is kept as printed and checked against
Umm al-Qura (offset in days), the printed weekday against the day. A time counts only when it
is not midnight (K2 prints 00:00 for "no time"); without an offset it is Makkah time.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta, timezone

from archiver.dates import hijri as calendar
from archiver.dates.result import (
    AMBIGUOUS,
    CONFLICT_STATUSES,
    HIJRI_MISMATCH,
    HIJRI_ONLY,
    INVALID,
    MISSING,
    OK,
    OUT_OF_RANGE,
    UNPARSED,
    WEEKDAY_MISMATCH,
    DateResult,
)
from archiver.dates.scan import Printed, scan

# Asia/Riyadh: UTC+3 without daylight saving since 1950, the site's "M.M.T".
RIYADH = timezone(timedelta(hours=3), "Asia/Riyadh")
_MIDNIGHT = time(0, 0)


def parse_date(text: str, lang: str | None = None, source: str = "text") -> DateResult:
    """One string as printed (it may hold a Hijri part and a Gregorian part, e.g. a whole
    press-release header, or a dateline sentence, or an ISO datetime).

    ``lang`` is accepted for callers that know the section, but parsing does not depend on it:
    sections quote each other's forms (Urdu prints Arabic month names) and no spelling in the
    tables means two different things, so every table is tried.
    """
    if not text.strip():
        return DateResult(None, None, None, None, source, MISSING, False, None)
    return _check(scan(text), text, source)


@functools.lru_cache(maxsize=256)
def parse_header_widget(text: str, lang: str | None = None) -> date | None:
    """The Gregorian date a header 'today' widget shows (a fetch-time snapshot only).

    Cached: every page fetched on one day shows the same widget text (a pure function)."""
    printed = scan(text)
    gregorian, ambiguous = _pick_reading(printed, _umm_al_qura(printed.hijri))
    return None if ambiguous else gregorian


def _check(printed: Printed, raw: str, source: str) -> DateResult:
    hijri_text = "{:04d}-{:02d}-{:02d}".format(*printed.hijri) if printed.hijri else None
    umm_al_qura = _umm_al_qura(printed.hijri)
    out_of_range = printed.hijri is not None and umm_al_qura is None
    gregorian, ambiguous = _pick_reading(printed, umm_al_qura)
    published = gregorian or umm_al_qura
    if gregorian is not None:
        out_of_range |= not calendar.FIRST_DAY <= gregorian <= calendar.LAST_DAY
    offset = None if gregorian is None or umm_al_qura is None else (gregorian - umm_al_qura).days
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
