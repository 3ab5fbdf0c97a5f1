"""The replica's URL space (decoded paths; ``href`` gives their wire form)."""

from __future__ import annotations

import re

from archiver.replica.catalog import Entry
from archiver.replica.lexicon import Lexicon, Menu
from archiver.urls import NO_HTML_SUFFIX_LANGS, canonical_path

PRINT_QUERY = "tmpl=component&print=1"
_NOT_ALIAS = re.compile(r"[^\w]+")


def suffix(lang: str) -> str:
    """The SEF suffix: ``.html`` except in the sections that run without it (pe, pa)."""
    return "" if lang in NO_HTML_SUFFIX_LANGS else ".html"


def section_path(lang: str) -> str:
    return f"/{lang}/index.php"


def listing_path(lex: Lexicon, menu: Menu) -> str:
    return f"{section_path(lex.lang)}/{menu.path}{suffix(lex.lang)}"


def alias(title: str) -> str:
    """K2's item alias: the title's first words, lower case, joined by hyphens."""
    words = _NOT_ALIAS.sub(" ", title.lower()).split()
    return "-".join(words[:5])


def item_path(entry: Entry, title: str) -> str:
    """The SEF route ``/{menu}/{id}`` or, for a few items, K2's ``/{menu}/item/{id}-{alias}``."""
    base = f"{section_path(entry.lang)}/{entry.menu.path}"
    if entry.k2_route:
        return f"{base}/item/{entry.item_id}-{alias(title)}{suffix(entry.lang)}"
    return f"{base}/{entry.item_id}{suffix(entry.lang)}"


def href(path: str, query: str = "") -> str:
    """A decoded path as it goes on the wire: percent-encoded UTF-8, with its query."""
    return canonical_path(path) + (f"?{query}" if query else "")
