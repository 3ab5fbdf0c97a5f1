"""The replica's URL space (decoded paths; ``href`` gives their wire form).

Its own rules, written from ``shared/site.md`` §1, not ``archiver.urls``: the truth's ``url``
must not come from the code it checks.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from archiver.replica.catalog import Entry
from archiver.replica.languages import Lexicon, Menu

PRINT_QUERY = "tmpl=component&print=1"
CANONICAL_SITE = "https://www.hizb-ut-tahrir.info"
_NO_SUFFIX = frozenset({"pe", "pa"})  # site.md: these sections' SEF URLs have no ".html"
# Characters a link carries literally; the rest is percent-encoded UTF-8, uppercase hex.
_LITERAL = "/-._~!$&'()*+,;=:@"
_NOT_ALIAS = re.compile(r"[^\w]+")
# An item path as the replica prints one: SEF ``{menu}/{id}`` or K2's ``{menu}/item/{id}-…``.
_ITEM = re.compile(r"^/[a-z]{2}/index\.php/.+?/(?:item/)?(?P<id>\d+)(?:-[^/]*)?(?:\.html)?$")


def suffix(lang: str) -> str:
    """The SEF suffix: ``.html`` except in the sections that run without it (pe, pa)."""
    return "" if lang in _NO_SUFFIX else ".html"


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
    return quote(path, safe=_LITERAL) + (f"?{query}" if query else "")


def canonical_url(path: str) -> str:
    """The item's address in the dataset: the canonical host, https, its path encoded."""
    return CANONICAL_SITE + href(path)


def item_id_of(path: str) -> int | None:
    """The id in a decoded path shaped like an item's; the caller checks it is that item's."""
    match = _ITEM.match(path)
    return int(match["id"]) if match else None
