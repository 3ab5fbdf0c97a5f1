"""The normalised date of one string or one item, and the status vocabulary it reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

OK = "ok"
AMBIGUOUS = "ambiguous"
HIJRI_ONLY = "hijri_only"
INVALID = "invalid"
OUT_OF_RANGE = "out_of_range"
HIJRI_MISMATCH = "hijri_mismatch"
WEEKDAY_MISMATCH = "weekday_mismatch"
SOURCE_CONFLICT = "source_conflict"
UNPARSED = "unparsed"
MISSING = "missing"
MONTH_BY_CALENDAR = "month_by_calendar"
UNKNOWN_MONTH = "unknown_month"

# Every status, with what it tells a researcher (docs/dates.md lists these; a test keeps it so).
STATUSES: dict[str, str] = {
    OK: "the date is as printed and every check passed",
    AMBIGUOUS: "a numeric date could be day/month or month/day and nothing decided; day first",
    HIJRI_ONLY: "only a Hijri date is printed; the Gregorian day is Umm al-Qura's (±1 day)",
    INVALID: "a printed date is impossible (31 February, Hijri day 31); it was left out",
    OUT_OF_RANGE: "a year outside 1343-1500 AH / 1924-08-01 - 2077-11-16: unchecked, implausible",
    HIJRI_MISMATCH: "the printed Hijri is more than one day off Umm al-Qura for the Gregorian",
    WEEKDAY_MISMATCH: "the printed weekday is not the weekday of the date",
    UNKNOWN_MONTH: "a date is printed with a month spelling no table lists and the calendar could"
    " not confirm it: that part of the date is left out",
    MONTH_BY_CALENDAR: "a month spelling no table lists, close to a known name, was read because"
    " the other calendar's printed date confirms it",
    SOURCE_CONFLICT: "the item's date sources name different days; the best-ranked one is kept",
    UNPARSED: "text was given but no date was found in it",
    MISSING: "no date text at all",
}
CONFLICT_STATUSES = frozenset({OUT_OF_RANGE, HIJRI_MISMATCH, WEEKDAY_MISMATCH, SOURCE_CONFLICT})


@dataclass(frozen=True)
class DateResult:
    published_date: date | None
    published_at: datetime | None  # tz-aware UTC; only when a real time is known
    published_hijri: str | None  # 'YYYY-MM-DD' as printed (digits converted to ASCII)
    hijri_offset_days: int | None  # printed Gregorian minus Umm al-Qura's day for the Hijri
    date_source: str | None
    date_status: str
    date_conflict: bool
    date_raw: str | None
