"""The replica as a whole, in process: catalogues, content, truth, pages and routing.

``Replica`` is what tests and tools use directly (no server needed); the HTTP server is a thin
layer over ``Replica.route``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs, unquote
from zoneinfo import ZoneInfo

from archiver.replica import pages, paths
from archiver.replica.catalog import Catalog, Entry
from archiver.replica.content import Content, generate
from archiver.replica.lexicon import LEXICONS, Menu
from archiver.replica.seed import seed_content
from archiver.replica.truth import truth
from archiver.urls import parse_item_url

RIYADH = ZoneInfo("Asia/Riyadh")
ROBOTS = "User-agent: *\nAllow: /\n"
_SECTION = re.compile(r"^/(?P<lang>[a-z]{2})(?P<rest>/.*)?$")
_TRUTH = re.compile(r"^/_replica/truth/(?P<lang>[a-z]{2})/(?P<id>\d+)$")
SIDE_ITEMS = 5


def serving_day() -> date:
    """Today in Makkah: the day the header widget shows."""
    return datetime.now(RIYADH).date()


@dataclass(frozen=True)
class Response:
    status: int
    kind: str  # what was asked for: robots, root, section, listing, item, print, truth, not_found
    body: bytes
    content_type: str = "text/html; charset=utf-8"


class Replica:
    """A deterministic site: the same (items, seed, langs) always give the same pages."""

    def __init__(self, items: int = 250, seed: int = 1, langs: Sequence[str] = ("en", "ar")):
        unknown = [lang for lang in langs if lang not in LEXICONS]
        if unknown:
            raise ValueError(f"no replica section for {', '.join(unknown)}")
        self.items, self.seed, self.langs = items, seed, tuple(langs)
        self._catalogs = {lang: Catalog(LEXICONS[lang], items, seed) for lang in self.langs}
        self._content = lru_cache(maxsize=4096)(self._make_content)
        self._side = lru_cache(maxsize=None)(self._make_side)

    # --- items -----------------------------------------------------------------------------
    def catalog(self, lang: str) -> Catalog:
        return self._catalogs[lang]

    def item_ids(self, lang: str) -> list[int]:
        """Every item id of a section, oldest first."""
        catalog = self._catalogs[lang]
        return [catalog.item_id(i) for i in range(catalog.items)]

    def entry(self, lang: str, item_id: int) -> Entry:
        catalog = self._catalogs[lang]
        index = catalog.index_of(item_id)
        if index is None:
            raise KeyError(f"{lang}/{item_id}")
        return catalog.entry(index)

    def _make_content(self, lang: str, item_id: int) -> Content:
        entry = self.entry(lang, item_id)
        if entry.is_seed:
            return seed_content()
        return generate(LEXICONS[lang], entry, self.seed)

    def content(self, lang: str, item_id: int) -> Content:
        return self._content(lang, item_id)

    def _listed(self, lang: str, index: int) -> pages.Listed:
        entry = self._catalogs[lang].entry(index)
        content = self._content(lang, entry.item_id)
        return pages.Listed(entry, content, paths.item_path(entry, content.title))

    def item_path(self, lang: str, item_id: int) -> str:
        """The item's path, decoded (as the site's editors typed it)."""
        entry = self.entry(lang, item_id)
        return paths.item_path(entry, self._content(lang, item_id).title)

    def item_url(self, lang: str, item_id: int) -> str:
        """The item's path as it goes on the wire (percent-encoded); join it to a base URL."""
        return paths.href(self.item_path(lang, item_id))

    def truth(self, lang: str, item_id: int) -> dict[str, Any]:
        entry = self.entry(lang, item_id)
        return truth(entry, self._content(lang, item_id), self.item_path(lang, item_id))

    # --- listings --------------------------------------------------------------------------
    def menus(self, lang: str) -> tuple[Menu, ...]:
        """Every listing of a section: ``latest`` first, then the category menus."""
        lex = LEXICONS[lang]
        return (lex.latest, *lex.menus)

    def menu_ids(self, lang: str, menu: Menu) -> list[int]:
        """The ids a menu lists, newest first."""
        catalog = self._catalogs[lang]
        return [catalog.item_id(catalog.listed(menu, p)) for p in range(catalog.menu_size(menu))]

    def listing_url(self, lang: str, menu: Menu) -> str:
        return paths.href(paths.listing_path(LEXICONS[lang], menu))

    def _make_side(self, lang: str) -> tuple[list[pages.Listed], list[pages.Listed]]:
        """The "most read" and "latest" modules of a section (fixed picks)."""
        catalog = self._catalogs[lang]
        count = min(SIDE_ITEMS, catalog.items)
        step = max(1, catalog.items // (count + 1))
        most_read = [self._listed(lang, (k + 1) * step % catalog.items) for k in range(count)]
        latest = [self._listed(lang, catalog.items - 1 - k) for k in range(count)]
        return most_read, latest

    # --- pages -----------------------------------------------------------------------------
    def render_item(
        self, lang: str, item_id: int, today: date | None = None, print_view: bool = False
    ) -> str:
        lex = LEXICONS[lang]
        entry = self.entry(lang, item_id)
        content = self._content(lang, item_id)
        item = pages.Listed(entry, content, paths.item_path(entry, content.title))
        if print_view:
            return pages.print_page(lex, item)
        return pages.item_page(lex, item, today or serving_day(), self._side(lang))

    def render_listing(
        self, lang: str, menu: Menu, start: int = 0, today: date | None = None
    ) -> str | None:
        """One page of a listing from offset ``start``; None past its end."""
        catalog = self._catalogs[lang]
        total = catalog.menu_size(menu)
        if start < 0 or (start >= total and start != 0):
            return None
        stop = min(total, start + menu.page_size)
        items = [self._listed(lang, catalog.listed(menu, p)) for p in range(start, stop)]
        day = today or serving_day()
        return pages.listing_page(LEXICONS[lang], menu, items, start, total, day, self._side(lang))

    # --- routing ---------------------------------------------------------------------------
    def route(self, raw_path: str, query: str, today: date | None = None) -> Response:
        """Answer one GET: the page, its status and what kind of page it is."""
        path = unquote(raw_path)
        if path == "/robots.txt":
            return Response(200, "robots", ROBOTS.encode(), "text/plain; charset=utf-8")
        if path == "/":
            return Response(200, "root", self._root_page().encode())
        truth_match = _TRUTH.match(path)
        if truth_match:
            return self._truth_response(truth_match["lang"], int(truth_match["id"]))
        section = _SECTION.match(path)
        if section and section["lang"] in self._catalogs:
            response = self._section_route(section["lang"], path, parse_qs(query), today)
            if response:
                return response
        lex = LEXICONS[section["lang"]] if section and section["lang"] in LEXICONS else None
        return Response(404, "not_found", pages.not_found_page(lex or LEXICONS["en"]).encode())

    def _section_route(
        self, lang: str, path: str, query: dict[str, list[str]], today: date | None
    ) -> Response | None:
        lex = LEXICONS[lang]
        if path.rstrip("/") in (f"/{lang}", paths.section_path(lang)):
            home = pages.home_page(lex, today or serving_day(), self._side(lang))
            return Response(200, "section", home.encode())
        for menu in self.menus(lang):
            if path == paths.listing_path(lex, menu):
                start = query.get("start", ["0"])[-1]
                page = (
                    self.render_listing(lang, menu, int(start), today) if start.isdigit() else None
                )
                return Response(200, "listing", page.encode()) if page else None
        ref = parse_item_url(path)
        if ref is None or self._catalogs[lang].index_of(ref.item_id) is None:
            return None
        if self.item_path(lang, ref.item_id) != path:
            return None
        if query.get("tmpl") == ["component"] and query.get("print") == ["1"]:
            return Response(
                200, "print", self.render_item(lang, ref.item_id, print_view=True).encode()
            )
        return Response(200, "item", self.render_item(lang, ref.item_id, today).encode())

    def _truth_response(self, lang: str, item_id: int) -> Response:
        if lang not in self._catalogs or self._catalogs[lang].index_of(item_id) is None:
            return Response(404, "not_found", b'{"error": "no such item"}', "application/json")
        body = json.dumps(self.truth(lang, item_id), default=str, ensure_ascii=False)
        return Response(200, "truth", body.encode(), "application/json; charset=utf-8")

    def _root_page(self) -> str:
        links = "".join(f'<li><a href="/{lang}/index.php">{lang}</a></li>' for lang in self.langs)
        head = "<!DOCTYPE html>\n<html><head><title>Replica</title></head>"
        return f"{head}<body><ul>{links}</ul></body></html>\n"
