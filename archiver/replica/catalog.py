"""Which items a section holds: ids, publication times, menus and layouts by cheap arithmetic.

Nothing here depends on an item's text, so 100,000 items per section cost one small integer
array per menu. Catalogue index ``i`` orders a section's items by time (0 = oldest); ids grow
with ``i`` except for every ``MIGRATED_EVERY``-th item, an old migrated one with a low id.
Items ``added`` later (the site's news since ``NEWEST``) extend the same arithmetic past the
first ``items``, so the older items keep their ids, times and menus.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cached_property

from archiver.replica.languages import Lexicon, Menu

MAKKAH = timezone(timedelta(hours=3), "AST")
# The newest item of every section; fixed so that the truth never depends on the clock.
NEWEST = datetime(2024, 11, 20, 18, 0, tzinfo=MAKKAH)
FIRST_YEAR = {"en": 2009, "ar": 2006, "tr": 2009, "gr": 2012, "pe": 2012, "ur": 2013,
              "pa": 2014, "sw": 2015, "fr": 2023}  # fmt: skip
MIGRATED_EVERY = 41
MIGRATED_FIRST_ID = 100
LAYOUTS = (("k2_site", 70), ("k2_stock", 15), ("gavick", 15))
K2_ROUTE_PERCENT = 4
# Hosts serving the same paths and ids (../shared/site.md); listings link a few items on one.
MIRROR_HOSTS = (
    "hizbuttahrir.today",
    "www.hizbut-tahrir.info",
    "hizb-uttahrir.info",
    "domainnomeaning.com",
    "muslimworld.today",
)
MIRROR_PERCENT = 5
# Press releases whose H. line prints a wrong Hijri year, as the site's data entry now and then
# does (site.md: a 2022 release dated "1 Sha'aban 1360").
HIJRI_ERROR_PERCENT = 2
# Items added after NEWEST come this far apart, at 7 past the hour (never at midnight, which
# K2 prints for "no time").
ADDED_EVERY = timedelta(hours=6)
ADDED_MINUTE = timedelta(minutes=7)

# The one real page we have (shared/seeds/000_…): an English News & Comment item at a fixed id.
SEED_LANG = "en"
SEED_ITEM_ID = 99
SEED_PUBLISHED = datetime(2022, 10, 21, 11, 40, tzinfo=MAKKAH)
SEED_MENU = "2017-01-28-14-59-33/news-comment"


def mix(*values: int) -> int:
    """A well-spread 64-bit hash of small integers (splitmix64 steps), stable across runs."""
    state = 0x9E3779B97F4A7C15
    for value in values:
        state = (state ^ (value & 0xFFFFFFFFFFFFFFFF)) * 0xBF58476D1CE4E5B9 & 0xFFFFFFFFFFFFFFFF
        state = (state ^ (state >> 31)) * 0x94D049BB133111EB & 0xFFFFFFFFFFFFFFFF
    return state ^ (state >> 29)


def _lang_number(lang: str) -> int:
    return int.from_bytes(lang.encode(), "big")


@dataclass(frozen=True)
class Entry:
    """One item's place in its section: everything about it that is not text."""

    lang: str
    index: int
    item_id: int
    published: datetime  # local time, +03:00
    menu: Menu
    layout: str
    k2_route: bool
    mirror: str | None  # the host listings link the item on, when not the site's own
    hijri_error: bool  # a press release printed with a wrong Hijri year (a data-entry error)

    @property
    def is_seed(self) -> bool:
        return self.lang == SEED_LANG and self.item_id == SEED_ITEM_ID


class Catalog:
    """The items of one section; ``entry(i)`` and ``index_of(id)`` are O(1)."""

    def __init__(self, lex: Lexicon, items: int, seed: int, added: int = 0) -> None:
        self.lex = lex
        self.items = items + added  # every item; the arithmetic below scales with ``items``
        self.seed = seed
        self._base = items
        self._salt = mix(seed, _lang_number(lex.lang))
        start = datetime(FIRST_YEAR[lex.lang], 1, 1, tzinfo=MAKKAH)
        self._start = start
        self._slot = (NEWEST - start).total_seconds() / max(items, 1)
        self._migrated_phase = self._salt % MIGRATED_EVERY
        self._first_id = MIGRATED_FIRST_ID + items // MIGRATED_EVERY + 1 + self._salt % 700
        self._seed_index = -1
        if lex.lang == SEED_LANG and items > 0:
            self._seed_index = min(
                int((SEED_PUBLISHED - start).total_seconds() // self._slot), items - 1
            )
        self._weights = [m.weight for m in lex.menus]
        self._total_weight = sum(self._weights)

    def _hash(self, index: int, salt: int) -> int:
        return mix(self._salt, index, salt)

    def _migrated(self, index: int) -> bool:
        return (
            index < self._base
            and index % MIGRATED_EVERY == self._migrated_phase
            and index != self._seed_index
        )

    def item_id(self, index: int) -> int:
        if index == self._seed_index:
            return SEED_ITEM_ID
        if self._migrated(index):
            return MIGRATED_FIRST_ID + index // MIGRATED_EVERY
        return self._first_id + 2 * index + (self._hash(index, 1) & 1)

    def index_of(self, item_id: int) -> int | None:
        """The catalogue index of an id, or None when the section has no such item."""
        if item_id == SEED_ITEM_ID:
            return self._seed_index if self._seed_index >= 0 else None
        if item_id >= self._first_id:
            index = (item_id - self._first_id) // 2
        elif item_id >= MIGRATED_FIRST_ID:
            index = (item_id - MIGRATED_FIRST_ID) * MIGRATED_EVERY + self._migrated_phase
        else:
            return None
        if 0 <= index < self.items and self.item_id(index) == item_id:
            return index
        return None

    def published(self, index: int) -> datetime:
        if index == self._seed_index:
            return SEED_PUBLISHED
        if index >= self._base:
            return NEWEST + (index - self._base + 1) * ADDED_EVERY + ADDED_MINUTE
        offset = (index + (self._hash(index, 2) % 1000) / 1000) * self._slot
        return self._start + timedelta(minutes=int(offset // 60))

    def menu(self, index: int) -> Menu:
        if index == self._seed_index:
            return next(m for m in self.lex.menus if m.path == SEED_MENU)
        ticket = self._hash(index, 3) % self._total_weight
        for menu, weight in zip(self.lex.menus, self._weights, strict=True):
            if ticket < weight:
                return menu
            ticket -= weight
        raise AssertionError("weights exhausted")  # unreachable: ticket < total weight

    def entry(self, index: int) -> Entry:
        seed_slot = index == self._seed_index
        layout_ticket = self._hash(index, 4) % 100
        layout = "k2_site"
        for name, share in LAYOUTS:
            if layout_ticket < share:
                layout = name
                break
            layout_ticket -= share
        return Entry(
            lang=self.lex.lang,
            index=index,
            item_id=self.item_id(index),
            published=self.published(index),
            menu=self.menu(index),
            layout="k2_site" if seed_slot else layout,
            k2_route=not seed_slot and self._hash(index, 5) % 100 < K2_ROUTE_PERCENT,
            mirror=self._mirror(index) if not seed_slot else None,
            hijri_error=self._hash(index, 8) % 100 < HIJRI_ERROR_PERCENT,
        )

    def _mirror(self, index: int) -> str | None:
        if self._hash(index, 6) % 100 >= MIRROR_PERCENT:
            return None
        return MIRROR_HOSTS[self._hash(index, 7) % len(MIRROR_HOSTS)]

    @cached_property
    def _by_menu(self) -> dict[str, array[int]]:
        lists: dict[str, array[int]] = {m.path: array("i") for m in self.lex.menus}
        for index in range(self.items):
            lists[self.menu(index).path].append(index)
        return lists

    def menu_size(self, menu: Menu) -> int:
        if menu.path == self.lex.latest.path:
            return self.items
        return len(self._by_menu[menu.path])

    def listed(self, menu: Menu, position: int) -> int:
        """The catalogue index at ``position`` of a menu's listing (newest first)."""
        if menu.path == self.lex.latest.path:
            return self.items - 1 - position
        indices = self._by_menu[menu.path]
        return indices[len(indices) - 1 - position]
