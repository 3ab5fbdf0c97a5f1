"""The replica's printing of dates (its own templates and month tables) against the parser's
reading: over many days, every section and every form, the two agree on the day, the printed
Hijri date, the offset and the status, so neither can drift without this failing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from archiver.dates import parse_date, parse_header_widget
from archiver.replica import datefmt
from archiver.replica.languages import LEXICONS

# Every 23rd day from 2006 to 2026: every weekday, every Hijri month and day count over time.
DAYS = [date(2006, 1, 1) + timedelta(days=n) for n in range(0, 7670, 23)]
HIJRI_ONLY = {"hijri_date"}
GREGORIAN_ONLY = {"long_date", "numeric"}


def hijri_text(hijri: tuple[int, int, int]) -> str:
    return "{:04d}-{:02d}-{:02d}".format(*hijri)


@pytest.mark.parametrize("form", datefmt.FORMS)
@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_the_parser_reads_every_day_the_replica_prints(lang: str, form: str) -> None:
    wrong: list[tuple[str, object, object]] = []
    for n, day in enumerate(DAYS):
        shift = (-1, 0, 1)[n % 3] if form not in GREGORIAN_ONLY else 0
        hijri = datefmt.hijri_of(day, shift)
        partner = (hijri.year, hijri.month, hijri.day)
        text = datefmt.printed(form, lang, day, partner)
        got = parse_date(text, lang)
        expected: tuple[date, str | None, int | None, str]
        if form in HIJRI_ONLY:
            umm_al_qura = date(*hijri.to_gregorian().datetuple())
            expected = (umm_al_qura, hijri_text(partner), None, "hijri_only")
        elif form == "numeric":  # alone, DD/MM reads both ways unless the day is over 12
            undecided = day.day <= 12 and day.day != day.month
            expected = (day, None, None, "ambiguous" if undecided else "ok")
        elif form in GREGORIAN_ONLY:
            expected = (day, None, None, "ok")
        else:
            expected = (day, hijri_text(partner), -shift, "ok")
        read = (got.published_date, got.published_hijri, got.hijri_offset_days, got.date_status)
        if read != expected:
            wrong.append((text, read, expected))
        if form == "header" and parse_header_widget(text, lang) != day:
            wrong.append((text, parse_header_widget(text, lang), day))
    assert wrong == []


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_a_wrong_weekday_or_hijri_year_printed_by_the_replica_is_flagged(lang: str) -> None:
    day = date(2022, 3, 6)
    year, month, mday = (h := datefmt.hijri_of(day)).year, h.month, h.day
    for form in ("header", "press_release", "long_date"):
        other_weekday = parse_date(datefmt.printed(form, lang, day, weekday=day.weekday() - 1))
        assert (other_weekday.published_date, other_weekday.date_status) == (
            day,
            "weekday_mismatch",
        )
    for form in ("header", "press_release", "qa_signature"):
        wrong_year = parse_date(datefmt.printed(form, lang, day, (year - 83, month, mday)))
        assert (wrong_year.published_date, wrong_year.published_hijri) == (
            day,
            hijri_text((year - 83, month, mday)),
        )
        assert (wrong_year.date_status, wrong_year.date_conflict) == ("hijri_mismatch", True)
