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

from archiver.replica import chrome, pages, paths
from archiver.replica.catalog import Catalog, Entry
from archiver.replica.changes import BREAKABLE, added_items, break_labels, is_revised, revise
from archiver.replica.faults import FaultSpec, permanent
from archiver.replica.generator import Content, generate
from archiver.replica.languages import LEXICONS, Menu
from archiver.replica.seed import seed_content
from archiver.replica.truth import truth

RIYADH = ZoneInfo("Asia/Riyadh")
# What a non-HTML item serves instead of its page (the start of a PDF file).
NON_HTML_BODY = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
LOOP_QUERY = "loop=1"
_SECTION = re.compile(r"^/(?P<lang>[a-z]{2})(?P<rest>/.*)?$")
_TRUTH = re.compile(r"^/_replica/truth/(?P<lang>[a-z]{2})/(?P<id>\d+)$")
SIDE_ITEMS = 5


def serving_day() -> date:
    """Today in Makkah: the day the header widget shows."""
    return datetime.now(RIYADH).date()


@dataclass(frozen=True)
class Response:
    status: int
    # What was asked for: robots, root, section, listing, item, print, truth, not_found; or
    # the permanent fault served instead of an item: deleted, nonhtml, loop.
    kind: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


class Replica:
    """A deterministic site: the same arguments always give the same pages.

    ``edition`` > 0 is the site later on (new items, a few revised; ``changes.py``);
    ``faults`` adds the permanent faults of items (the server adds the transient ones);
    ``broken`` holds ``(field, lang)`` pairs whose label the pages print unreadably;
    ``robots_disallow`` holds path prefixes that robots.txt disallows.
    """

    def __init__(
        self,
        items: int = 250,
        seed: int = 1,
        langs: Sequence[str] = ("en", "ar"),
        *,
        edition: int = 0,
        faults: FaultSpec | None = None,
        broken: Sequence[tuple[str, str]] = (),
        robots_disallow: Sequence[str] = (),
    ):
        unknown = [lang for lang in langs if lang not in LEXICONS]
        if unknown:
            raise ValueError(f"no replica section for {', '.join(unknown)}")
        unbreakable = [f for f, _ in broken if f not in BREAKABLE]
        if unbreakable:
            raise ValueError(
                f"cannot break {', '.join(unbreakable)}: only {', '.join(BREAKABLE)} have labels"
            )
        if edition < 0:
            raise ValueError("the edition is 0 or more")
        self.items, self.seed, self.langs = items, seed, tuple(langs)
        self.edition, self.faults = edition, faults
        self.broken = {lang: frozenset(f for f, b in broken if b == lang) for _, lang in broken}
        self.robots = "User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in robots_disallow)
        self.robots += "Allow: /\n"
        self._catalogs = {lang: self._catalog(lang, edition) for lang in self.langs}
        self._content = lru_cache(maxsize=4096)(self._make_content)
        self._side = lru_cache(maxsize=None)(self._make_side)
        self._chrome = lru_cache(maxsize=None)(self._make_chrome)

    # --- items -----------------------------------------------------------------------------
    def _catalog(self, lang: str, edition: int) -> Catalog:
        added = added_items(self.items, edition)
        return Catalog(LEXICONS[lang], self.items, self.seed, added)

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
        content = seed_content() if entry.is_seed else generate(LEXICONS[lang], entry, self.seed)
        for edition in range(1, self.edition + 1):
            existed = entry.index < self.items + added_items(self.items, edition - 1)
            if existed and is_revised(self.seed, lang, item_id, edition):
                content = revise(content, LEXICONS[lang], self.seed, item_id, edition)
        return content

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
        """The item as this edition serves it (a broken label is the crawler's loss: the truth
        keeps the field)."""
        entry = self.entry(lang, item_id)
        return truth(entry, self._content(lang, item_id), self.item_path(lang, item_id))

    def revised_keys(self, edition: int) -> set[str]:
        """The keys whose text ``edition`` changes against the edition before it."""
        keys: set[str] = set()
        if edition < 1:
            return keys
        for lang in self.langs:
            before = self._catalog(lang, edition - 1)
            ids = (before.item_id(index) for index in range(before.items))
            keys.update(f"{lang}/{i}" for i in ids if is_revised(self.seed, lang, i, edition))
        return keys

    def fault(self, lang: str, item_id: int) -> str | None:
        """The item's permanent fault (``faults.PERMANENT``), if the spec gives it one."""
        return permanent(self.faults, lang, item_id) if self.faults else None

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

    def _make_chrome(self, lang: str) -> chrome.Chrome:
        """The section's item-page template, with each menu's newest items in its panel."""
        catalog = self._catalogs[lang]
        by_menu = {
            menu.path: [
                self._listed(lang, catalog.listed(menu, position))
                for position in range(min(chrome.MENU_PICKS, catalog.menu_size(menu)))
            ]
            for menu in self.menus(lang)
        }
        return pages.section_chrome(LEXICONS[lang], self._side(lang), by_menu)

    # --- pages -----------------------------------------------------------------------------
    def render_item(
        self, lang: str, item_id: int, today: date | None = None, print_view: bool = False
    ) -> str:
        lex = LEXICONS[lang]
        entry = self.entry(lang, item_id)
        content = self._content(lang, item_id)
        if lang in self.broken:
            content = break_labels(content, self.broken[lang])
        item = pages.Listed(entry, content, paths.item_path(entry, content.title))
        if print_view:
            return pages.print_page(lex, item)
        return pages.item_page(lex, item, today or serving_day(), self._chrome(lang))

    def render_listing(
        self, lang: str, menu: Menu, start: int = 0, today: date | None = None
    ) -> str | None:
        """One page of a listing from offset ``start``; None past its end."""
        catalog = self._catalogs[lang]
        total = catalog.menu_size(menu)
        if start < 0 or (start >= total and start != 0):
            return None
        stop = min(total, start + menu.page_size)
        # A "duplicate" item is listed again at the top of the next page, as when new items
        # push a listing down between two page requests.
        again = [
            index
            for position in range(max(0, start - menu.page_size), start)
            if self.fault(lang, catalog.item_id(index := catalog.listed(menu, position)))
            == "duplicate"
        ]
        indices = again + [catalog.listed(menu, p) for p in range(start, stop)]
        items = [self._listed(lang, index) for index in indices]
        day = today or serving_day()
        return pages.listing_page(LEXICONS[lang], menu, items, start, total, day, self._side(lang))

    # --- routing ---------------------------------------------------------------------------
    def route(self, raw_path: str, query: str, today: date | None = None) -> Response:
        """Answer one GET: the page, its status and what kind of page it is."""
        path = unquote(raw_path)
        if path == "/robots.txt":
            return Response(200, "robots", self.robots.encode(), "text/plain; charset=utf-8")
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
        item_id = paths.item_id_of(path)
        if item_id is None or self._catalogs[lang].index_of(item_id) is None:
            return None
        if self.item_path(lang, item_id) != path:
            return None
        fault = self.fault(lang, item_id)
        if fault == "deleted":
            return Response(404, "deleted", pages.not_found_page(lex).encode())
        if fault == "nonhtml":
            return Response(200, "nonhtml", NON_HTML_BODY, "application/pdf")
        if fault == "loop":  # the page and its ?loop=1 twin redirect to each other
            there = paths.href(path, "" if query.get("loop") else LOOP_QUERY)
            return Response(302, "loop", b"", headers=(("Location", there),))
        if query.get("tmpl") == ["component"] and query.get("print") == ["1"]:
            return Response(200, "print", self.render_item(lang, item_id, print_view=True).encode())
        return Response(200, "item", self.render_item(lang, item_id, today).encode())

    def _truth_response(self, lang: str, item_id: int) -> Response:
        if lang not in self._catalogs or self._catalogs[lang].index_of(item_id) is None:
            return Response(404, "not_found", b'{"error": "no such item"}', "application/json")
        body = json.dumps(self.truth(lang, item_id), default=str, ensure_ascii=False)
        return Response(200, "truth", body.encode(), "application/json; charset=utf-8")

    def _root_page(self) -> str:
        links = "".join(f'<li><a href="/{lang}/index.php">{lang}</a></li>' for lang in self.langs)
        head = "<!DOCTYPE html>\n<html><head><title>Replica</title></head>"
        return f"{head}<body><ul>{links}</ul></body></html>\n"
