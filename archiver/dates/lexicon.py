"""Folding of printed text and lookups of month and weekday names.

The page text and the table spellings go through the same ``fold``, so matching is a dictionary
lookup: case, accents, harakat, tatweel, Arabic letter variants, digit systems and apostrophe
shapes never need a spelling of their own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from archiver.dates.tables import (
    DIGIT_ZEROS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    MONTH_EPITHETS,
    MONTH_PREFIXES,
    WEEKDAYS,
)

_APOSTROPHES = "'’‘ʿʾ`´′ʻ“”"


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for zero in DIGIT_ZEROS.values():
        for value in range(10):
            table[ord(zero) + value] = str(value)
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    # Combining marks (Latin accents, Arabic harakat and hamza/madda signs), tatweel, joiners
    # and direction marks carry nothing a date needs.
    for code in [*range(0x0300, 0x0370), *range(0x064B, 0x0660), 0x0670, 0x0640]:
        table[code] = None
    for code in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x202A, 0x202B, 0x202C):
        table[code] = None
    arabic = {"ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ۃ": "ه", "ہ": "ه"}
    arabic |= {"ۀ": "ه", "ک": "ك", "ı": "i", "\u00a0": " "}
    table.update({ord(k): v for k, v in arabic.items()})
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
_PREFIXES = frozenset(fold(word) for word in MONTH_PREFIXES)
_EPITHETS = frozenset(squash(fold(word)) for word in MONTH_EPITHETS)


def month_number(run: str, index: Mapping[str, int]) -> int | None:
    """The month a folded run of words names, if any.

    Tolerates ``من``/``في`` before the name, epithets after it (``رمضان المبارك``), a double
    Arabic form (``شباط/فبراير``: either half) and a Turkish suffix (``kasım'da``).
    """
    for part in run.split("/"):
        words = part.split()
        while words and words[0] in _PREFIXES:
            words.pop(0)
        while len(words) > 1 and squash(words[-1]) in _EPITHETS:
            words.pop()
        joined = " ".join(words)
        number = index.get(squash(joined))
        if number is None and "'" in joined:
            number = index.get(squash(joined.rpartition("'")[0]))
        if number is not None:
            return number
    return None


def weekday_number(words: str) -> int | None:
    """Monday = 0, for one folded weekday name (possibly two words, ``سه شنبه``)."""
    number = WEEKDAY_INDEX.get(squash(words))
    return None if number is None else number - 1
