"""Date normaliser: Hijri and Gregorian dates as the site prints them → typed, checked columns.

See docs/dates.md for the formats, the status vocabulary and the precedence of sources.
"""

from __future__ import annotations

from archiver.dates.normalise import parse_date, parse_header_widget
from archiver.dates.resolve import HEADER_WIDGET, SOURCE_ORDER, apply_dates, resolve_dates
from archiver.dates.result import CONFLICT_STATUSES, STATUSES, DateResult
from archiver.item import DateCandidate

__all__ = [
    "CONFLICT_STATUSES",
    "HEADER_WIDGET",
    "SOURCE_ORDER",
    "STATUSES",
    "DateCandidate",
    "DateResult",
    "apply_dates",
    "parse_date",
    "parse_header_widget",
    "resolve_dates",
]
