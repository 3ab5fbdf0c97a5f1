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

# Dropped when comparing: combining diacritics (Latin, Arabic harakat, hamza above/below,
# Quranic marks), tatweel, and zero-width format marks (ZWNJ, ZWJ, direction marks, BOM).
_MARKS = (
    *range(0x0300, 0x0370), *range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
    *range(0x06D6, 0x06EE), *range(0x200B, 0x2010), *range(0x2066, 0x206A), 0xFEFF,
)  # fmt: skip
# Letters that are one letter to a reader: Persian/Urdu yeh, kaf and heh; alef maksura.
_LETTERS = {"ی": "ي", "ى": "ي", "ک": "ك", "ہ": "ه", "ە": "ه", "ۀ": "ه", "ة": "ه"}
_FOLD = str.maketrans(dict.fromkeys(_MARKS) | {ord(k): v for k, v in _LETTERS.items()})
# Where Joomla joins the site's name to the title: a dash, bar, colon or "::", spaced or not.
_SEPARATOR = re.compile(r"\s*(?:::|[-|–—:])\s*")
_SEPARATOR_AT_END = re.compile(_SEPARATOR.pattern + "$")
_WORD_BREAK = re.compile(r"[\s‐-]+")
_NAME_CHARACTERS = re.compile(r"[\w\s'’‐-]+")  # a name is words, hyphens and apostrophes


def fold(text: str) -> str:
    """Text as compared: NFKC, case, diacritics, tatweel and letter forms folded, spaces one."""
    if text.isascii():  # most of en: nothing to normalise but case
        return squash(text.casefold())
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    return squash(decomposed.translate(_FOLD))


def compact(text: str) -> str:
    """Folded letters and digits only: "Hizb-ut Tahrir" and "Hizb ut-Tahrir" are one name."""
    return "".join(c for c in fold(text) if c.isalnum())


def _words(tables: Iterable[dict[str, tuple[str, ...]]]) -> frozenset[str]:
    entries = (entry for table in tables for entry in L.every(table))
    return frozenset(w for entry in entries for part in entry.split() if (w := compact(part)))


_VOCABULARY = _words((L.SITE_NAMES, L.PARTY_NAMES, L.SITE_NAME_LINKS, L.MEDIA_OFFICE_LABELS))
_WORD_SIZES = range(1, max(len(word) for word in _VOCABULARY) + 1)
# A site's name holds one of these whole: an office's site name or the party's name.
_CORES = tuple(compact(name) for name in L.every(L.SITE_NAMES) + L.every(L.PARTY_NAMES))
# The words that join a name's parts ("of", "de", "ل"): a part that a separator cuts off and
# that holds only these is no part of a name ("De - Afisi Kuu ya Habari": a title, the name).
_LINKS = _words((L.SITE_NAME_LINKS,))


@lru_cache(maxsize=65536)
def _name_word(word: str) -> str | None:
    """A word's folded letters, or None when it cannot be part of a name (punctuation, or a
    lone mark that folds to nothing). Cached: the site's names repeat on every page."""
    folded = fold(word)
    letters = "".join(c for c in folded if c.isalnum())
    return letters if letters and _NAME_CHARACTERS.fullmatch(folded) else None


def is_site_name(text: str) -> bool:
    """Whether ``text`` is a form of the site's name: only site-name words, holding a core."""
    words = [_name_word(word) for word in _WORD_BREAK.split(text) if word]
    if not words or None in words:
        return False
    if any(_only_links(part) for part in _SEPARATOR.split(text)):
        return False
    letters = "".join(w for w in words if w)
    if not any(core in letters for core in _CORES):
        return False
    reached = [True] + [False] * len(letters)  # reached[i]: letters[:i] is known words
    for start in range(len(letters)):
        if reached[start]:
            for size in _WORD_SIZES[: len(letters) - start]:  # sizes 1, 2, … up to the end
                if letters[start : start + size] in _VOCABULARY:
                    reached[start + size] = True
    return reached[-1]


def _only_links(part: str) -> bool:
    words = [_name_word(word) for word in _WORD_BREAK.split(part) if word]
    return bool(words) and all(word in _LINKS for word in words)


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


# A kind's name printed before the title ("News and Comment {title}", "Press Release {title}"),
# as the letters of its words; a title holds at most this many words of it.
_KIND_LABELS = frozenset(
    compact(label) for label in L.every(L.NEWS_COMMENT_NAMES) + L.every(L.PRESS_RELEASE_LABELS)
)
_KIND_LABEL_WORDS = 4
_LEADING_PUNCTUATION = " -|–—:"


# "(Translated)" printed at the end of the title's own line ("Letter from the Ameer to …
# (Translated)" [C en/index.php/archives/ameer-webpage-on-cmo/2067]).
TRANSLATED_TAIL = re.compile(
    r"\s*[(\[（]\s*" + L.alternation(L.every(L.TRANSLATED_MARKS)) + r"\s*[)\]）]\s*$",
    re.IGNORECASE,
)


def without_kind_label(title: str) -> str:
    """A title without the kind's name that old items print before it, however spaced or
    punctuated ("News & Comment …", "-Basın Açıklaması- …"), and without a "(Translated)"
    after it; a title that is only the name, or the name and no words after it, stays."""
    title = TRANSLATED_TAIL.sub("", title) or title
    words = title.split()
    for size in range(min(_KIND_LABEL_WORDS, len(words) - 1), 0, -1):
        if compact(" ".join(words[:size])) in _KIND_LABELS:
            rest = " ".join(words[size:]).lstrip(_LEADING_PUNCTUATION)
            return rest if any(c.isalpha() for c in rest) else title
    return title


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
    text = squash(head)
    for key in (lambda t: t, fold):  # as printed first: folding is the dearer part
        found = _agreed(key(text), [key(s) for s in bare], [key(s) for s in others])
        if found is not None:
            equal, index = found
            if equal:
                return text
            if index < len(bare):
                if _carries_longer(text, bare[index], bare):
                    return strip_site_name(text)  # the "affix" is the title's second line
                return squash(bare[index])
            return strip_site_name(others[index - len(bare)])
    return strip_site_name(head)


def _carries_longer(head: str, source: str, bare: list[str]) -> bool:
    """Whether ``head`` goes on with the words of a longer bare source that starts with
    ``source`` (the typed title and its second line: "The Answer to the Question: {subject}"
    over the lines "The Answer to the Question" / "{subject}"), compared as letters only."""
    head_letters, letters = compact(head), compact(source)
    longer = [b for b in map(compact, bare) if len(b) > len(letters) and b.startswith(letters)]
    return any(head_letters.startswith(b) for b in longer)


def _agreed(head: str, bare: list[str], others: list[str]) -> tuple[bool, int] | None:
    """(equal to a bare source, or index of the source it adds an affix to), or None."""
    if head in bare:
        return True, bare.index(head)
    for index, source in enumerate((*bare, *others)):
        if _affixed(head, source) and not is_site_name(source):
            return False, index
    return None
