"""Dates printed the way each section prints them: the inverse of the parser.

The local replica prints its pages with these, and the tests and the benchmark feed the parser
with them; ``hijri`` and ``weekday`` can be overridden to print the site's data-entry errors.
Month and weekday names are each table's first (the site's) spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from archiver.dates import hijri as calendar
from archiver.dates.tables import DIGIT_ZEROS, GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Template:
    """A ``str.format`` pattern over ``wd`` (weekday), ``hd``/``hd2`` (Hijri day, padded),
    ``hm``, ``hy``, ``d``/``dd`` (Gregorian day, padded), ``mm``, ``gm``, ``y``; names come from
    the section's own tables unless ``names`` gives another section's (Urdu prints Arabic)."""

    pattern: str
    names: str = ""


_EN = {
    "header": Template("{wd}, {hd} {hm} {hy} | {y}/{mm}/{dd}"),
    "press_release": Template("H.  {hd} {hm} {hy} No: {hy} AH / 005\nM.  {wd}, {dd} {gm} {y}"),
    "dateline": Template("{wd}, {hd2} {hm} {hy} AH, corresponding to {dd} {gm} {y}"),
}
_PERSIAN = {
    "header": Template("{wd}, {hd} {hm} {hy}هـ| {y}/{mm}/{dd}م"),
    "press_release": Template(
        "تاریخ هجری: {hd} {hm} {hy}هـ شماره: {hy} / 012\n"
        "تاریخ میلادی: {wd}, {dd} {gm} {y}م"
    ),
    "dateline": Template("{wd} {hd} {hm} {hy} هجری قمری برابر با {dd} {gm} {y} میلادی"),
}  # fmt: skip
TEMPLATES: dict[str, dict[str, Template]] = {
    "en": _EN,
    # The French section runs with the English interface; its texts are French.
    "fr": {
        "header": Template(_EN["header"].pattern, "en"),
        "press_release": _EN["press_release"],
        "dateline": Template("{wd}, {hd2} {hm} {hy} de l'Hégire correspondant au {dd} {gm} {y}"),
    },
    "ar": {
        "header": Template("{wd}، {hd} {hm} {hy}هـ| {y}/{mm}/{dd}م"),
        "press_release": Template(
            "التاريخ الهجري | {hd} من {hm} {hy}هـ | رقم الإصدار: {hy}هـ / 092\n"
            "التاريخ الميلادي | {wd}, {dd} {gm} {y} م"
        ),
        "dateline": Template("{wd} {hd} {hm} {hy}هـ الموافق {dd} {gm} {y}م"),
    },
    "ur": {
        "header": Template("{wd}، {hd} {hm} {hy}| {y}/{mm}/{dd}", "ar"),
        "press_release": Template(
            "ہجری تاریخ {hd} من {hm} {hy}هـ شمارہ نمبر: {hy} / 017\n"
            "عیسوی تاریخ {wd}, {dd} {gm} {y} م"
        ),
        "dateline": Template("{wd} {hd} {hm} {hy} ہجری بمطابق {dd} {gm} {y}"),
    },
    "tr": {
        "header": Template("{wd}, {hd} {hm} {hy} | {y}/{mm}/{dd}"),
        "press_release": Template("H. {hd} {hm} {hy} Sayı: {hy} / 017\nM. {wd}, {dd} {gm} {y}"),
        "dateline": Template("{wd}, {hd} {hm} {hy} H. / {dd} {gm} {y} M."),
    },
    "gr": {
        "header": Template("{wd}, {hd} {hm} {hy} | {dd}/{mm}/{y}"),
        "press_release": Template(
            "H. {hd}. {hm} {hy} | Nr: {hy} / 017 |\nM. {wd}, {dd} {gm} {y} |"
        ),
        "dateline": Template(
            "am {wd}, {hd2}. {hm} {hy} n.H., entspricht dem {dd}. {gm} {y} n.Chr."
        ),
    },
    "sw": {
        "header": Template("{wd}, {hd2} {hm} {hy} | {y}/{mm}/{dd}"),
        "press_release": Template("H. {hd} {hm} {hy} Na: {hy} H / 030\nM. {wd}, {dd} {gm} {y}"),
        "dateline": Template("{wd}, {hd} {hm} {hy} H sawa na {dd} {gm} {y}"),
    },
    "pe": _PERSIAN,
    "pa": {name: Template(t.pattern, "pe") for name, t in _PERSIAN.items()},
}
FORMATS = ("header", "press_release", "dateline")
# Sections whose pages print Persian digits.
_DIGITS = {"pe": "persian", "pa": "persian"}


def render(
    fmt: str,
    lang: str,
    day: date,
    hijri: tuple[int, int, int] | None = None,
    weekday: int | None = None,
) -> str:
    """``day`` printed in section ``lang``'s ``fmt``, with Umm al-Qura's Hijri partner unless
    ``hijri`` is given, and ``day``'s weekday (Monday = 0) unless ``weekday`` is given."""
    template = TEMPLATES[lang][fmt]
    names = template.names or lang
    hy, hm, hd = hijri or calendar.to_hijri(day)
    text = template.pattern.format(
        wd=_first(WEEKDAYS[names][day.weekday() if weekday is None else weekday]),
        hd=hd,
        hd2=f"{hd:02d}",
        hm=_first(HIJRI_MONTHS[names][hm - 1]),
        hy=hy,
        d=day.day,
        dd=f"{day.day:02d}",
        mm=f"{day.month:02d}",
        gm=_gregorian_month(lang, day.month),
        y=day.year,
    )
    return to_digits(text, _DIGITS[lang]) if lang in _DIGITS else text


def to_digits(text: str, system: str) -> str:
    """ASCII digits rewritten in another digit system (a key of ``DIGIT_ZEROS``)."""
    zero = ord(DIGIT_ZEROS[system])
    return text.translate({ord("0") + v: chr(zero + v) for v in range(10)})


def _first(spellings: str) -> str:
    return spellings.partition("|")[0]


def _gregorian_month(lang: str, month: int) -> str:
    """Arabic pages print the Levantine and the common name together: ``شباط/فبراير``."""
    spellings = GREGORIAN_MONTHS[lang][month - 1].split("|")
    return "/".join(spellings[:2]) if lang == "ar" else spellings[0]
