"""Folding: the project's one idea of "the same letters", for every comparison of printed words.

The site prints one word in many code points. Tatweel stretches it (``المكتب الإعــلامي``);
harakat, hamza and madda signs, Quranic marks and Latin accents come and go (``Vilâyeti``);
Persian and Urdu keyboards type their own yeh, kaf and heh for the Arabic ones; presentation
forms and ligatures stand for plain letters (NFKC); zero-width and direction marks are invisible.
A reader sees one word, so folding maps all of these to one form. ``MARKS`` and ``LETTERS`` are
the one table of both: the page readers (labels, names, titles) compare ``fold``/``compact``
forms, and the date lexicon builds its own fold (which also maps digits and apostrophes, and
keeps every position's spacing) from the same two tables.
"""

from __future__ import annotations

import re
import unicodedata

from archiver.text import squash

# Code points that carry nothing a comparison needs, dropped: combining diacritics (Latin
# accents; after NFKD also the hamza and madda of أ إ آ ؤ ئ), Arabic harakat and Quranic marks,
# the superscript alef, tatweel, and the zero-width and direction marks (ZWSP, ZWNJ, ZWJ,
# LRM/RLM, the Arabic letter mark, embeddings and isolates, BOM).
MARKS = frozenset(
    (
        *range(0x0300, 0x0370), *range(0x0610, 0x061B), 0x061C, *range(0x064B, 0x0660), 0x0670,
        0x0640, *range(0x06D6, 0x06EE), *range(0x200B, 0x2010), *range(0x202A, 0x202F),
        *range(0x2066, 0x206A), 0xFEFF,
    )
)  # fmt: skip
# Letters that are one letter to a reader: Persian/Urdu yeh and alef maksura; Persian kaf; Urdu,
# Kurdish heh and teh marbuta; alef wasla; Turkish dotless i (typed or dropped at will).
LETTERS = {
    "ی": "ي", "ى": "ي", "ک": "ك", "ہ": "ه", "ە": "ه", "ۀ": "ه", "ة": "ه", "ۃ": "ه", "ٱ": "ا",
    "ı": "i",
}  # fmt: skip
_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum refuses: \w is alphanumerics and "_"
_FOLD = str.maketrans(dict.fromkeys(MARKS) | {ord(k): v for k, v in LETTERS.items()})


def _letters(text: str) -> str:
    """Compatibility forms, case, marks and letter forms folded; spacing as printed."""
    if text.isascii():  # most of en: nothing to normalise but case
        return text.casefold()
    return unicodedata.normalize("NFKD", text).translate(_FOLD).casefold()


def fold(text: str) -> str:
    """Text as compared: compatibility forms, case, marks and letter forms folded, spaces one."""
    return squash(_letters(text))


def compact(text: str) -> str:
    """Folded letters and digits only: "Hizb-ut Tahrir", "Hizb ut-Tahrir" and "Media  Office:"
    are one name."""
    return _NOT_ALNUM.sub("", _letters(text))
