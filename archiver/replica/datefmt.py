"""Dates as the replica prints them: the header widget, long dates, Hijri dates.

Printed from the replica's own patterns and month tables (``lexicon``: the header ``Widget``s
and each ``Lexicon``), never from the parser's (``archiver.dates``), so that the end-to-end test
checks the parser against an independent printing. One placeholder table fills them all.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hijridate import Gregorian, Hijri

from archiver.replica.lexicon import ASCII_DIGITS, LEXICONS, WIDGETS, Lexicon

# A Hijri date as (year, month, day); a ``Hijri`` cannot hold the site's wrong years (1360 on a
# 2022 release) or a year outside the Umm al-Qura table.
HijriDay = tuple[int, int, int]


def hijri_of(day: date, offset_days: int = 0) -> Hijri:
    """The Umm al-Qura date of ``day``, shifted the way the site's moon-sighting dates are."""
    shifted = day + timedelta(days=offset_days)
    return Gregorian(shifted.year, shifted.month, shifted.day).to_hijri()


def hijri_iso(hijri: Hijri) -> str:
    return f"{hijri.year:04d}-{hijri.month:02d}-{hijri.day:02d}"


def _triple(hijri: Hijri | HijriDay) -> HijriDay:
    return hijri if isinstance(hijri, tuple) else (hijri.year, hijri.month, hijri.day)


def _fields(
    weekdays: tuple[str, ...],
    lex: Lexicon,
    day: date,
    hijri: HijriDay,
    hijri_months: tuple[str, ...],
    weekday: int | None = None,
) -> dict[str, str]:
    year, month, mday = hijri
    return {
        "weekday": weekdays[day.weekday() if weekday is None else weekday],
        "gd": f"{day.day:02d}",
        "gm": f"{day.month:02d}",
        "gy": str(day.year),
        "gmonth": lex.months[day.month - 1],
        "hd": str(mday),
        "hd2": f"{mday:02d}",
        "hmonth": hijri_months[month - 1],
        "hy": str(year),
    }


def _fill(
    lex: Lexicon,
    template: str,
    day: date,
    hijri: Hijri | HijriDay,
    weekday: int | None = None,
    **extra: str,
) -> str:
    fields = _fields(lex.weekdays, lex, day, _triple(hijri), lex.hijri_months, weekday) | extra
    return lex.localise_digits(template.format(**fields))


def widget(lang: str, day: date, hijri: HijriDay | None = None, weekday: int | None = None) -> str:
    """The header "today" line of section ``lang``, with Umm al-Qura's Hijri date unless
    ``hijri`` is given, and ``day``'s weekday (Monday = 0) unless ``weekday`` is given."""
    shown = WIDGETS[lang]
    partner = hijri or _triple(hijri_of(day))
    fields = _fields(shown.weekdays, LEXICONS[lang], day, partner, shown.hijri_months, weekday)
    return shown.pattern.format(**fields).translate(str.maketrans(ASCII_DIGITS, shown.digits))


def long_date(lex: Lexicon, day: date, weekday: int | None = None) -> str:
    """``Wednesday, 06 November 2019`` in the section's language."""
    return _fill(lex, lex.long_date, day, hijri_of(day), weekday)


def k2_date(lex: Lexicon, moment: datetime) -> str:
    """K2's "created" line of an item page, ``Wednesday, 06 November 2019 10:15``: the long
    date and the local time (``00:00`` when no time was entered)."""
    return f"{long_date(lex, moment.date())} {moment:%H:%M}"


def hijri_date(lex: Lexicon, hijri: Hijri | HijriDay) -> str:
    """``9 Rabi' I 1441`` in the section's language."""
    return _fill(lex, lex.hijri_date, date.min, hijri)  # it prints no Gregorian field


def pattern(lex: Lexicon, template: str, day: date, hijri: Hijri | HijriDay, **extra: str) -> str:
    """Fill any other date pattern of the lexicon (Q&A signature, headline titles)."""
    return _fill(lex, template, day, hijri, None, **extra)


# What ``printed`` prints: the forms of a date the replica's pages carry.
FORMS = ("header", "press_release", "qa_signature", "dual", "long_date", "hijri_date", "numeric")


def printed(
    form: str, lang: str, day: date, hijri: HijriDay | None = None, weekday: int | None = None
) -> str:
    """``day`` in one of ``FORMS`` as section ``lang``'s pages print it (the press-release
    lines as the extractor joins them; ``dual``: an event's dates in one sentence), with
    Umm al-Qura's Hijri unless ``hijri`` is given, the day's weekday unless ``weekday`` is:
    the tests and the benchmark read the replica's printing through this."""
    if form == "header":
        return widget(lang, day, hijri, weekday)
    lex = LEXICONS[lang]
    partner = hijri or _triple(hijri_of(day))
    h_date = hijri_date(lex, partner)
    if form == "press_release":
        number = lex.localise_digits(lex.pr_ref.format(hy=partner[0], n3="017"))
        reference = lex.pr_no.format(ref=number)
        m_line = lex.pr_m_line.format(date=long_date(lex, day, weekday))
        return f"{lex.pr_h_line.format(hijri=h_date)} {reference}\n{m_line}"
    if form in ("qa_signature", "dual"):
        lines = (lex.qa_hijri.format(hijri=h_date), pattern(lex, lex.qa_date, day, partner))
        return ("\n" if form == "qa_signature" else " ").join(lines)
    if form == "long_date":
        return long_date(lex, day, weekday)
    if form == "hijri_date":
        return h_date
    if form == "numeric":
        return pattern(lex, "{gd}/{gm}/{gy}", day, partner)
    raise ValueError(f"unknown date form {form!r}; one of {', '.join(FORMS)}")
