"""Folding of printed text and lookups of month and weekday names.

The page text and the table spellings go through the same ``fold``, so matching is a dictionary
lookup: case, accents, harakat, tatweel, Arabic letter variants, digit systems and apostrophe
shapes never need a spelling of their own. The marks and letter variants are ``archiver.fold``'s,
the pages' own; this fold adds digits, apostrophes and dashes and keeps every space in place
(the scanner reads positions in the folded text).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

from archiver.dates.tables import (
    DIGIT_ZEROS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    MONTH_EPITHETS,
    MONTH_PREFIXES,
    WEEKDAYS,
    YEAR_WORDS,
)
from archiver.fold import LETTERS, MARKS

_APOSTROPHES = "'’‘ʿʾ`´′ʻ“”"
# Hyphen, non-breaking hyphen, figure, en and em dashes, bar, minus: "Dhul–Hijjah" is one name.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# A spelling no table lists is taken for a month only this close to one of the month's
# spellings (difflib's ratio over the squashed forms) and only when the calendar agrees.
NEAR_RATIO = 0.75


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for zero in DIGIT_ZEROS.values():
        for value in range(10):
            table[ord(zero) + value] = str(value)
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    for char in _DASHES:
        table[ord(char)] = "-"
    # The pages' marks and letter forms (archiver.fold): combining marks, tatweel, joiners and
    # direction marks carry nothing a date needs; letter variants are one letter.
    table.update(dict.fromkeys(MARKS))
    table.update({ord(k): v for k, v in LETTERS.items()})
    table[0xA0] = " "
    return table


_FOLD = _fold_table()
_SQUASH = str.maketrans("", "", " '-.")


def fold(text: str) -> str:
    """The form both page text and table spellings are compared in."""
    if text.isascii():  # most strings: of ASCII, the fold changes only the backquote
        return text.lower().replace("`", "'")
    return unicodedata.normalize("NFKD", text).translate(_FOLD).casefold()


def squash(folded: str) -> str:
    """Drop the separators that spellings of one name disagree on."""
    return folded.translate(_SQUASH)


def _index(tables: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Key every spelling to its 1-based position; a spelling with two meanings is a table bug."""
    index: dict[str, int] = {}
    for entries in tables:
        for number, spellings in enumerate(entries, start=1):
            for spelling in spellings.split("|"):
                key = squash(fold(spelling))
                if index.setdefault(key, number) != number:
                    raise ValueError(f"{spelling!r} names two entries: {index[key]} and {number}")
    return index


HIJRI_INDEX = _index(HIJRI_MONTHS.values())
GREGORIAN_INDEX = _index(GREGORIAN_MONTHS.values())
WEEKDAY_INDEX = _index(WEEKDAYS.values())


def _by_month(index: Mapping[str, int]) -> dict[int, tuple[str, ...]]:
    return {m: tuple(k for k, number in index.items() if number == m) for m in range(1, 13)}


HIJRI_SPELLINGS = _by_month(HIJRI_INDEX)
GREGORIAN_SPELLINGS = _by_month(GREGORIAN_INDEX)
_PREFIXES = frozenset(fold(word) for word in MONTH_PREFIXES)
# What may follow a name before the year: epithets (``al-Mubarak``, ``المبارك``), alone or after
# an article (``ul-``, ``el-``), and words for "in the year" (``katika mwaka wa``), squashed.
_TAILS = tuple(
    sorted(
        {squash(fold(w)) for w in (*MONTH_EPITHETS, *YEAR_WORDS)}
        | {a + squash(fold(w)) for w in MONTH_EPITHETS if w.isascii() for a in ("al", "ul", "el")},
        key=len,
        reverse=True,
    )
)
# A Turkish case suffix after an apostrophe ("Kasım’da", "2024’te"): a few letters, no space.
_TURKISH_SUFFIX = re.compile(r"[^\W\d_]{1,4}")
# Names are at least this long, squashed ("mai", "آب"); shorter keys are never tried as a head.
_SHORTEST = 2


def month_number(run: str, index: Mapping[str, int]) -> int | None:
    """The month a folded run of words names, if any.

    Tolerates ``من``/``في`` before the name, epithets and year words after it
    (``رمضان المبارك``, ``Rajab al Muharram``, ``Ramazan-ul-Mubarak``), a double Arabic form
    (``شباط/فبراير``: either half) and a Turkish suffix (``kasım'da``).
    """
    for part in run.split("/"):
        joined = " ".join(_unprefixed(part))
        key = squash(joined)
        number = index.get(key)
        head, _, suffix = joined.rpartition("'")
        if number is None and head and _TURKISH_SUFFIX.fullmatch(suffix):
            number = index.get(squash(head))
        if number is None:
            number = _named_with_tail(key, index)
        if number is not None:
            return number
    return None


def _unprefixed(part: str) -> list[str]:
    words = part.split()
    while words and words[0] in _PREFIXES:
        words.pop(0)
    return words


def _named_with_tail(key: str, index: Mapping[str, int]) -> int | None:
    """The longest name ``key`` starts with, when only epithets and year words follow it."""
    for end in range(len(key) - 1, _SHORTEST - 1, -1):
        number = index.get(key[:end])
        if number is not None and _is_tail(key[end:]):
            return number
    return None


def _is_tail(rest: str) -> bool:
    return not rest or any(rest.startswith(t) and _is_tail(rest[len(t) :]) for t in _TAILS)


def near_month(run: str, spellings: Mapping[int, tuple[str, ...]], month: int) -> bool:
    """Whether a folded run no table lists is close to one of ``month``'s spellings
    (``HIJRI_SPELLINGS`` or ``GREGORIAN_SPELLINGS``), and closer than to any other month's:
    the calendar has chosen the month, this checks that the printed word means it and not its
    twin (``Jumadal Thani`` is no spelling of Jumada I)."""
    best = _closeness(squash(" ".join(_unprefixed(run.partition("/")[0]))), spellings)
    return best[month] >= NEAR_RATIO and all(
        score < best[month] for number, score in best.items() if number != month
    )


def near_any_month(run: str) -> bool:
    """Whether a folded run looks like a month spelling at all (close to any month's name)."""
    key = squash(" ".join(_unprefixed(run.partition("/")[0])))
    return any(
        max(_closeness(key, spellings).values()) >= NEAR_RATIO
        for spellings in (HIJRI_SPELLINGS, GREGORIAN_SPELLINGS)
    )


def _closeness(key: str, spellings: Mapping[int, tuple[str, ...]]) -> dict[int, float]:
    """Each month's best ratio against ``key``, over the spellings in ``key``'s script."""
    return dict(_closeness_cached(key, "h" if spellings is HIJRI_SPELLINGS else "g"))


# A crawl meets few distinct unknown spellings, and each costs about a millisecond to compare.
@functools.lru_cache(maxsize=4096)
def _closeness_cached(key: str, calendar: str) -> tuple[tuple[int, float], ...]:
    spellings = HIJRI_SPELLINGS if calendar == "h" else GREGORIAN_SPELLINGS
    script = _script(key)
    matcher = difflib.SequenceMatcher(None, "", key)  # the second sequence is the one cached
    best = dict.fromkeys(spellings, 0.0)
    for number, known in spellings.items():
        for spelling in known:
            if _script(spelling) != script:
                continue
            matcher.set_seq1(spelling)
            if matcher.real_quick_ratio() > best[number] and matcher.quick_ratio() > best[number]:
                best[number] = max(best[number], matcher.ratio())
    return tuple(best.items())


def _script(word: str) -> str:
    """ "LATIN", "ARABIC", "CYRILLIC": the script of a word's first letter."""
    return unicodedata.name(word[0], "?").partition(" ")[0] if word else ""


def weekday_number(words: str) -> int | None:
    """Monday = 0, for one folded weekday name (possibly two words, ``سه شنبه``)."""
    number = WEEKDAY_INDEX.get(squash(words))
    return None if number is None else number - 1
