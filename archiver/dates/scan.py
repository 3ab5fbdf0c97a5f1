"""Find the parts of a date in folded text: a Hijri date, Gregorian readings, weekday, time.

Purely lexical: regexes find "day, month words, year", numeric dates and times, and the tables
in ``lexicon`` say what the words mean. Calendar checks are ``normalise``'s business.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from archiver.dates.lexicon import (
    GREGORIAN_INDEX,
    HIJRI_INDEX,
    fold,
    month_number,
    weekday_number,
)
from archiver.dates.tables import GREGORIAN_LABELS, HIJRI_LABELS, REFERENCE_LABELS

# Numeric dates with a year outside this are not Gregorian (a Solar Hijri 1403/09/06, an id).
NUMERIC_YEARS = range(1900, 2101)
_WEEKDAY_WINDOW = 40


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(fold(word)) for word in words)


# A reference field ("No: 1441 AH / 005") up to the next cell, line or date label.
_REFERENCE = re.compile(
    rf"(?<![^\W\d_])(?:{_alternatives(REFERENCE_LABELS)})\s*:[^|\n]*?"
    rf"(?=\||\n|$|(?<![^\W\d_])(?:{_alternatives(GREGORIAN_LABELS + HIJRI_LABELS)})"
    r"|(?<!\S)h\.\s*\d)"
)
# "24 Jumada al-awwal 1446", "30th Shawwal 1436", "28. Rajab 1342", "28 شباط/فبراير 2025".
_NAMED = re.compile(
    r"(?<![\d/.\-])(?<!\d:)(\d{1,2})(?:(?:st|nd|rd|th|er)(?![^\W\d_]))?\.?\s*"
    r"([^\W\d_]+(?:[ '\-./]+[^\W\d_]+){0,5}?)[\s,،'\-./]*(\d{4})(?!\d)"
)
# English month first: "April 13, 2003" (en/index.php/archives/ameer-webpage-on-cmo/22891),
# "AH- April 27, 2014 CE" (en/index.php/latest-articles.html?start=18280).
_MONTH_FIRST = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+)\.?\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
)
# "2024/11/26", "28/03/2024", "05.05.2024", "2024-11-26T…".
_NUMERIC = re.compile(r"(?<![\d/.:\-])(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})(?![\d/\-]|\.\d)")
_TIME = re.compile(
    r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?![\d:])"
    r"\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?"
)
_BEFORE_DATE = " \t\n,،-"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Printed:
    """What a string prints, as numbers; nothing checked against a calendar yet."""

    hijri: tuple[int, int, int] | None  # (year, month, day)
    gregorian: tuple[date, ...]  # the readings of the Gregorian date, day-first first
    weekday: int | None  # Monday = 0
    time: time | None  # tz-aware when an offset is printed
    invalid: bool  # a date-shaped part named no real day
    # The first "day, words, year" whose words name no month in the tables (day, folded words,
    # year): a spelling no table lists, for ``normalise`` to check against the calendar.
    unknown: tuple[int, str, int] | None = None


def scan(text: str) -> Printed:
    iso = _iso(text.strip())
    if iso is not None:
        return iso
    folded = fold(text)
    if ":" in folded:
        folded = _REFERENCE.sub(_unreferenced, folded)
    invalid = False
    hijri: tuple[int, int, int] | None = None
    hijri_at = -1
    named: tuple[date, ...] = ()
    named_at = named_end = -1
    unknown: tuple[int, str, int] | None = None
    unknown_at = -1
    for match in _NAMED.finditer(folded):
        day, year, run = int(match[1]), int(match[3]), match[2]
        if (month := month_number(run, HIJRI_INDEX)) is not None:
            if hijri is not None:
                continue
            if 1 <= day <= 30:
                hijri, hijri_at = (year, month, day), match.start()
            else:
                invalid = True
        elif (month := month_number(run, GREGORIAN_INDEX)) is not None:
            if named:
                continue
            try:
                named = (date(year, month, day),)
            except ValueError:
                invalid = True
            else:
                named_at, named_end = match.start(), match.end()
        elif unknown is None:
            unknown, unknown_at = (day, run, year), match.start()
        if hijri is not None and named:
            break
    numeric, numeric_at, numeric_end, impossible = _first_numeric(folded)
    invalid |= impossible
    if not named and not numeric:  # the rare English month-first form, looked for last
        named, named_at, named_end, impossible = _month_first(folded)
        invalid |= impossible
    if numeric and (not named or numeric_at < named_at):
        gregorian, at, end = numeric, numeric_at, numeric_end
    else:
        gregorian, at, end = named, named_at, named_end
    weekday = _weekday_before(folded, at) if gregorian else None
    for before in (hijri_at, unknown_at):
        if weekday is None and before >= 0:
            weekday = _weekday_before(folded, before)
    return Printed(
        hijri=hijri,
        gregorian=gregorian,
        weekday=weekday,
        time=_time_after(folded, end) if gregorian else None,
        invalid=invalid,
        unknown=None if hijri is not None and gregorian else unknown,
    )


def _unreferenced(match: re.Match[str]) -> str:
    """A reference field blanked up to a weekday inside it, where a one-line block goes on to
    the date without a label ("شماره: ح.ت.افغ ۰۴/۱۴۴۲ سهشنبه ۱۶ ربیع الثاني، ۱۴۴۲هـ", Pashto
    and Persian, hizb-afghanistan.org/topic/content.aspx?id=8844)."""
    value = match[0]
    for word in _WORD.finditer(value):
        if weekday_number(word[0]) is not None:
            return " " + value[word.start() :]
    return " "


def _iso(text: str) -> Printed | None:
    """The listing's ISO 8601 datetime, read by the standard library: the commonest source,
    at a third of the general scan's cost."""
    if len(text) < 10 or text[4] != "-" or not text[:4].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None  # ISO-like but not ISO ("2024-11-26 (Tuesday)"): the general scan reads it
    return Printed(None, (moment.date(),), None, moment.timetz(), invalid=False)


def _month_first(folded: str) -> tuple[tuple[date, ...], int, int, bool]:
    """The first Gregorian date printed month first ("april 13, 2003"): its reading, start
    and end (-1 when there is none), and whether an impossible one was seen."""
    for match in _MONTH_FIRST.finditer(folded):
        month = month_number(match[1], GREGORIAN_INDEX)
        if month is None:
            continue
        try:
            return (date(int(match[3]), month, int(match[2])),), match.start(), match.end(), False
        except ValueError:
            return (), -1, -1, True
    return (), -1, -1, False


def _first_numeric(folded: str) -> tuple[tuple[date, ...], int, int, bool]:
    """The first numeric Gregorian date: its readings, start and end (-1 when there is none),
    and whether an impossible one (31/02/2024) was seen."""
    impossible = False
    for match in _NUMERIC.finditer(folded):
        first, second, last = match[1], int(match[3]), match[4]
        if len(first) == 4 and len(last) <= 2:
            year, orders = int(first), [(second, int(last))]
        elif len(last) == 4 and len(first) <= 2:
            year, orders = int(last), [(second, int(first)), (int(first), second)]
        else:
            continue
        if year not in NUMERIC_YEARS:
            continue
        readings = tuple(dict.fromkeys(_valid_dates(year, orders)))
        if readings:
            return readings, match.start(), match.end(), impossible
        impossible = True
    return (), -1, -1, impossible


def _valid_dates(year: int, orders: list[tuple[int, int]]) -> list[date]:
    found = []
    for month, day in orders:
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue  # this order names no day; the other may
    return found


def _weekday_before(folded: str, at: int) -> int | None:
    """The weekday named by the one or two words just before a date ("سه شنبه، 24")."""
    words = folded[max(0, at - _WEEKDAY_WINDOW) : at].rstrip(_BEFORE_DATE).rsplit(None, 2)
    if not words or not words[-1].isalpha():
        return None
    if len(words) > 1 and words[-2].isalpha():
        number = weekday_number(words[-2] + words[-1])
        if number is not None:
            return number
    return weekday_number(words[-1])


def _time_after(folded: str, end: int) -> time | None:
    match = _TIME.search(folded, end) if ":" in folded[end:] else None
    if match is None:
        return None
    zone = _zone(match[4]) if match[4] else None
    if match[4] and zone is None:
        return None  # a time of no place on Earth: the day alone is kept
    return time(int(match[1]), int(match[2]), int(match[3] or 0), tzinfo=zone)


@functools.lru_cache(maxsize=64)
def _zone(printed: str) -> tzinfo | None:
    """A printed offset ("+03:00", "+0300", "z"); a site prints a handful, hence the cache.
    None for an offset of a day or more ("+24:00"), which no zone has."""
    if printed in ("z", "utc", "gmt"):
        return UTC
    sign = -1 if printed[0] == "-" else 1
    digits = printed[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(sign * offset) if offset < timedelta(days=1) else None
