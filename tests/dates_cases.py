"""Every example date string of dates.md and site.md, with the exact parse expected of it.

Offsets were worked out from Umm al-Qura for each printed Hijri date; the weekdays were checked
against the calendar. Strings are as the site prints them (the Persian header's ``|`` was escaped
in the Markdown table only).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, date, datetime

from archiver.dates import DateResult


def expect(
    raw: str,
    day: date | None,
    hijri: str | None = None,
    offset: int | None = None,
    status: str = "ok",
    conflict: bool = False,
    at: datetime | None = None,
) -> DateResult:
    return DateResult(day, at, hijri, offset, "text", status, conflict, raw)


HEADER_WIDGETS = [
    expect("Tuesday, 24 Jumada al-awwal 1446 | 2024/11/26", date(2024, 11, 26), "1446-05-24", 0),
    expect("27 Rabi' al-awwal 1446 | 2024/09/30", date(2024, 9, 30), "1446-03-27", 0),
    expect("الخميس، 16 شوال 1445هـ| 2024/04/25م", date(2024, 4, 25), "1445-10-16", 0),
    expect("الأربعاء، 23 جمادى الثانية 1446| 2024/12/25", date(2024, 12, 25), "1446-06-23", 1),
    expect("Perşembe, 26 Cumade’l Ûlâ 1446 | 2024/11/28", date(2024, 11, 28), "1446-05-26", 0),
    expect("Donnerstag, 17 Ramadan 1445 | 28/03/2024", date(2024, 3, 28), "1445-09-17", 1),
    expect("دوشنبه, ۲۳ جمادی الاول ۱۴۴۶هـ| ۲۰۲۴/۱۱/۲۵م", date(2024, 11, 25), "1446-05-23", 0),
    expect("Jumanne, 07 Shawwal 1445 | 2024/04/16", date(2024, 4, 16), "1445-10-07", 0),
]

ITEM_DATES = [
    expect(
        "2024-11-26T10:15:00+03:00",
        date(2024, 11, 26),
        at=datetime(2024, 11, 26, 7, 15, tzinfo=UTC),
    ),
    # K2 prints 00:00 when no time was entered: a date, no instant.
    expect("Tuesday, 26 November 2024 00:00", date(2024, 11, 26)),
]

PRESS_RELEASES = [
    expect(
        "H.  9 Rabi' I 1441 No: 1441 AH / 005\nM.  Wednesday, 06 November 2019",
        date(2019, 11, 6),
        "1441-03-09",
        0,
    ),
    expect(
        "H. 27 Safar 1446 | No: 1446 AH / 017 |\nM. Sunday, 01 September 2024 |",
        date(2024, 9, 1),
        "1446-02-27",
        1,
    ),
    expect("M. Mittwoch, 25 März 2020 |", date(2020, 3, 25)),
    expect("M. Alhamisi, 15 Oktoba 2020", date(2020, 10, 15)),
    expect("H. 4 Şa'bân 1430\nM. Pazar, 26 Temmuz 2009", date(2009, 7, 26), "1430-08-04", 0),
    expect(
        "التاريخ الهجري | 29 من شـعبان 1446هـ | رقم الإصدار: 1446هـ / 092\n"
        "التاريخ الميلادي | الجمعة, 28 شباط/فبراير 2025 م",
        date(2025, 2, 28),
        "1446-08-29",
        0,
    ),
    expect(
        "ہجری تاریخ 5 من ذي القعدة 1438هـ\nعیسوی تاریخ جمعہ, 28 جولائی 2017 م",
        date(2017, 7, 28),
        "1438-11-05",
        0,
    ),
    # The H. line alone: the day is Umm al-Qura's; the No: field's 1441 is not a date.
    expect(
        "H.  9 Rabi' I 1441 No: 1441 AH / 005", date(2019, 11, 6), "1441-03-09", None, "hijri_only"
    ),
    expect("No: 1441 AH / 005", None, status="unparsed"),
    # site.md: a 2022 release dated "1 Sha'aban 1360" (a data-entry error): kept, flagged.
    expect(
        "H. 1 Sha'aban 1360 | No: 1443 AH / 012 |\nM. Sunday, 06 March 2022 |",
        date(2022, 3, 6),
        "1360-08-01",
        (date(2022, 3, 6) - date(1941, 8, 23)).days,
        "hijri_mismatch",
        True,
    ),
]

IN_TEXT = [
    expect(
        "Thursday, 03 Sha'ban 1439 AH, corresponding to 19 April 2018",
        date(2018, 4, 19),
        "1439-08-03",
        0,
    ),
    expect(
        "Sunday, 26 Shawwal 1445 AH corresponding to 05/05/2024 CE",
        date(2024, 5, 5),
        "1445-10-26",
        0,
    ),
    expect("Thursday 13/11/2014 CE", date(2014, 11, 13)),
    # Day 30 of a 29-day month: the site's calendar had a 30th; the Gregorian agrees.
    expect("Saturday, 30th Shawwal 1436 AH 15/08/2015 CE", date(2015, 8, 15), "1436-10-30", 0),
    expect(
        "Samedi, 01 Rabi-ul Awwal 1445 de l'Hégire correspondant au 16 septembre 2023",
        date(2023, 9, 16),
        "1445-03-01",
        0,
    ),
    # 1342 AH is before the Umm al-Qura table (and 1924 before the site): kept, flagged.
    expect(
        "am 28. Rajab 1342 n.H., entspricht dem 03. März 1924 n.Chr.",
        date(1924, 3, 3),
        "1342-07-28",
        None,
        "out_of_range",
        True,
    ),
    expect("جمعہ 5 ذی القعد 1438 ہجری بمطابق 28 جولائی 2017", date(2017, 7, 28), "1438-11-05", 0),
    expect("14 Rajab 1434 AH / 24 May 2013 CE", date(2013, 5, 24), "1434-07-14", 0),
    expect("Pakistan Headlines 14/12/2014", date(2014, 12, 14)),
]

CASES = HEADER_WIDGETS + ITEM_DATES + PRESS_RELEASES + IN_TEXT


# The contexts the site prints these strings in (docs/markup.md, shared/site.md), each as a
# rewrite of the string alone; the parse must not change. Press-release blocks come as table
# rows (the string as given), piped paragraphs, plain lines, the number before the date on the
# H. line (tr, "No: … H. …") and the whole block on one line; a date of the text sits inside a
# body paragraph.
_REFERENCE_CELL = re.compile(
    r"\s*\|?\s*((?:No|Nr|Na|Sayı|رقم الإصدار|شمارہ نمبر):[^|\n]*?)\s*\|?\s*$"
)


def _lines(raw: str, rewrite: Callable[[str], str]) -> str:
    return "\n".join(rewrite(line) for line in raw.split("\n"))


def _unpiped(line: str) -> str:
    return re.sub(r"\s*\|\s*", " ", line).strip()


def _piped(line: str) -> str:
    return _REFERENCE_CELL.sub(r" | \1", _unpiped(line)) + " |"


def _number_first(line: str) -> str:
    match = _REFERENCE_CELL.search(_unpiped(line))
    return line if match is None else f"{match[1]} {_unpiped(line)[: match.start()]}"


CONTEXTS: dict[str, Callable[[str], str]] = {
    "piped": lambda raw: _lines(raw, _piped),
    "unpiped": lambda raw: _lines(raw, _unpiped),
    "number_first": lambda raw: _lines(raw, _number_first),
    "one_line": lambda raw: _unpiped(raw.replace("\n", " ")),
    "body": lambda raw: f"As was reported on {raw}, the statement was read out again.",
}
PRESS_CONTEXTS = ("piped", "unpiped", "number_first", "one_line")
TEXT_CONTEXTS = ("body",)


def in_context(case: DateResult, context: str) -> DateResult:
    """The same expected parse for the string printed in ``context``."""
    return dataclasses.replace(case, date_raw=CONTEXTS[context](case.date_raw or ""))


CONTEXT_CASES = [
    (context, in_context(case, context))
    for cases, contexts in ((PRESS_RELEASES, PRESS_CONTEXTS), (IN_TEXT, TEXT_CONTEXTS))
    for case in cases
    for context in contexts
]
