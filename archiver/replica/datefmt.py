"""Dates as the replica prints them: the header widget, long dates, Hijri dates.

The header comes from ``archiver.dates.render`` (the parser's own section formats); the
content's dates fill the ``Lexicon`` patterns from one placeholder table, digits localised once.
"""

from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from archiver.dates.render import render
from archiver.replica.lexicon import Lexicon


def hijri_of(day: date, offset_days: int = 0) -> Hijri:
    """The Umm al-Qura date of ``day``, shifted the way the site's moon-sighting dates are."""
    shifted = day + timedelta(days=offset_days)
    return Gregorian(shifted.year, shifted.month, shifted.day).to_hijri()


def hijri_iso(hijri: Hijri) -> str:
    return f"{hijri.year:04d}-{hijri.month:02d}-{hijri.day:02d}"


def _fields(lex: Lexicon, day: date, hijri: Hijri) -> dict[str, str]:
    return {
        "weekday": lex.weekdays[day.weekday()],
        "gd": f"{day.day:02d}",
        "gm": f"{day.month:02d}",
        "gy": str(day.year),
        "gmonth": lex.months[day.month - 1],
        "hd": str(hijri.day),
        "hd2": f"{hijri.day:02d}",
        "hmonth": lex.hijri_months[hijri.month - 1],
        "hy": str(hijri.year),
    }


def widget(lang: str, day: date) -> str:
    """The header "today" line, printed by the dates package's section formats."""
    return render("header", lang, day)


def long_date(lex: Lexicon, day: date) -> str:
    """``Wednesday, 06 November 2019`` in the section's language."""
    return lex.localise_digits(lex.long_date.format(**_fields(lex, day, hijri_of(day))))


def hijri_date(lex: Lexicon, hijri: Hijri) -> str:
    """``9 Rabi' I 1441`` in the section's language."""
    fields = _fields(lex, hijri.to_gregorian(), hijri)
    return lex.localise_digits(lex.hijri_date.format(**fields))


def pattern(lex: Lexicon, template: str, day: date, hijri: Hijri, **extra: str) -> str:
    """Fill any other date pattern of the lexicon (Q&A signature, headline titles)."""
    fields = _fields(lex, day, hijri) | extra
    return lex.localise_digits(template.format(**fields))
