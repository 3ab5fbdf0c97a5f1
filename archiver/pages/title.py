"""The item's title, chosen by agreement between the places the page prints it.

``<title>`` and og:title carry the site's name before or after the title, in more forms and
with more separators than any table lists; the heading and the title typed in the body are
bare. So a head title that is a bare source plus a separator and extra words has an affix, and
the bare source is the title. A head title no bare source explains loses a leading or trailing
part that is the site's name however spelled: compared folded (NFKC, case, diacritics, letter
forms, hyphens and spaces) with the words every section's site and party names are made of.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from archiver.pages import labels as L
from archiver.text import squash

# Letters that are one letter to a reader: Persian/Urdu yeh, kaf and heh; alef maksura.
_LETTERS = str.maketrans({"ی": "ي", "ى": "ي", "ک": "ك", "ہ": "ه", "ە": "ه", "ۀ": "ه", "ة": "ه"})
_DROPPED = frozenset(("Mn", "Me", "Cf"))  # diacritics, hamza marks, ZWNJ and other format marks
_TATWEEL = "\u0640"
# Where Joomla joins the site's name to the title: a dash, bar, colon or "::", spaced or not.
_SEPARATOR = re.compile(r"\s*(?:::|[-|–—:])\s*")
_SEPARATOR_AT_END = re.compile(_SEPARATOR.pattern + "$")
_LONGEST_WORD = 40
_WORD_BREAK = re.compile(r"[\s‐-]+")
_NAME_CHARACTERS = re.compile(r"[\w\s'’‐-]+")  # a name is words, hyphens and apostrophes


def fold(text: str) -> str:
    """Text as compared: NFKC, case, diacritics, tatweel and letter forms folded, spaces one."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(
        c for c in decomposed if unicodedata.category(c) not in _DROPPED and c != _TATWEEL
    )
    return squash(kept.translate(_LETTERS))


def compact(text: str) -> str:
    """Folded letters and digits only: "Hizb-ut Tahrir" and "Hizb ut-Tahrir" are one name."""
    return "".join(c for c in fold(text) if c.isalnum())


def _words(tables: Iterable[dict[str, tuple[str, ...]]]) -> frozenset[str]:
    entries = (entry for table in tables for entry in L.every(table))
    return frozenset(w for entry in entries for part in entry.split() if (w := compact(part)))


_VOCABULARY = _words((L.SITE_NAMES, L.PARTY_NAMES, L.SITE_NAME_LINKS, L.MEDIA_OFFICE_LABELS))
# A site's name holds one of these whole: an office's site name or the party's name.
_CORES = tuple(compact(name) for name in L.every(L.SITE_NAMES) + L.every(L.PARTY_NAMES))


@lru_cache(maxsize=4096)
def is_site_name(text: str) -> bool:
    """Whether ``text`` is a form of the site's name: only site-name words, holding a core."""
    letters = compact(text)
    if not _NAME_CHARACTERS.fullmatch(fold(text)) or not any(core in letters for core in _CORES):
        return False
    if not all(compact(word) for word in _WORD_BREAK.split(text.strip()) if word):
        return False  # a word that folds to nothing (a lone mark) is not a name's word
    ends = [True] + [False] * len(letters)  # ends[i]: letters[:i] splits into known words
    for i in range(1, len(letters) + 1):
        ends[i] = any(
            ends[j] and letters[j:i] in _VOCABULARY for j in range(max(0, i - _LONGEST_WORD), i)
        )
    return ends[-1]


def strip_site_name(title: str) -> str | None:
    """A head title without the site's name Joomla joins before or after it (None: only that).

    The longest trailing part that is the site's name goes; else the longest leading one.
    """
    text = squash(title).strip(" -|–—:")  # a separator left dangling joins nothing
    if not text or is_site_name(text):
        return None
    cuts = list(_SEPARATOR.finditer(text))
    for cut in cuts:
        if cut.start() > 0 and cut.end() < len(text) and is_site_name(text[cut.end() :]):
            return text[: cut.start()]
    for cut in reversed(cuts):
        if cut.start() > 0 and cut.end() < len(text) and is_site_name(text[: cut.start()]):
            return text[cut.end() :]
    return text


def _affixed(head: str, bare: str) -> bool:
    """Whether ``head`` is ``bare`` with a separator and extra words before or after it."""
    if not bare or len(bare) >= len(head):
        return False
    if head.startswith(bare):
        cut = _SEPARATOR.match(head, len(bare))
        return cut is not None and cut.end() < len(head)
    if head.endswith(bare):
        before = head[: len(head) - len(bare)]
        cut = _SEPARATOR_AT_END.search(before)
        return cut is not None and cut.start() > 0
    return False


def head_title(head: str, others: list[str], bare: list[str]) -> str | None:
    """What a ``<title>`` or og:title says the title is, given the page's other sources.

    Equal to a bare source (the heading, the typed title): as printed. A bare or other head
    source plus an affix: that source (a head one still loses the site's name). Else the site's
    name stripped."""
    folded = fold(head)
    for source in bare:
        if fold(source) == folded:
            return squash(head)
    for source in (*bare, *others):
        if not is_site_name(source) and _affixed(folded, fold(source)):
            return squash(source) if source in bare else strip_site_name(source)
    return strip_site_name(head)
