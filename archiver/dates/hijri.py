"""Umm al-Qura conversions (via ``hijridate``), with its range as data instead of an exception."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

# The span hijridate's Umm al-Qura table covers; outside it nothing can be checked.
FIRST_YEAR, LAST_YEAR = 1343, 1500
FIRST_DAY, LAST_DAY = date(1924, 8, 1), date(2077, 11, 16)


class OutOfRangeError(ValueError):
    """A Hijri year or Gregorian day the Umm al-Qura table does not cover."""


# A crawl meets few distinct days (every page's header widget shows the same one; the whole
# site spans about 8,000 days), so conversions are remembered.
@functools.lru_cache(maxsize=16384)
def to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day Umm al-Qura gives for a printed Hijri date (month 1-12, day 1-30).

    The site names day 30 of a 29-day month (its calendar follows moon sighting), so a day past
    the table's month is read as that many days after its last, which is what the printed
    Gregorian partner then shows. (The table has a few months of 28 days, 1343/9 among them.)
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRangeError(f"Hijri year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    known = min(day, Hijri(year, month, 1).month_length())
    gregorian = Hijri(year, month, known).to_gregorian()
    return date(gregorian.year, gregorian.month, gregorian.day) + timedelta(days=day - known)


def to_hijri(day: date) -> tuple[int, int, int]:
    """The Umm al-Qura date (year, month, day) of a Gregorian day."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutOfRangeError(f"{day} is outside {FIRST_DAY} - {LAST_DAY}")
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    return hijri.year, hijri.month, hijri.day
