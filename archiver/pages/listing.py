"""Listing pages: the items a category page lists, and the link to its next page.

Only K2's item lists are read (``#itemListLeading``, ``#itemListPrimary``, ``#itemListSecondary``,
``#itemListLinks``); the menus and "latest"/"most read" modules around them are not items.
The next page is found by ``li.pagination-next``, whose title is translated per section.
A link that is no URL (``http://[::1…``) is skipped: the page's other entries still count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lxml import etree
from parsel import Selector

from archiver.pages.blocks import render_blocks
from archiver.pages.document import base_url, has_class, join_url, parse_document
from archiver.text import join_paragraphs, squash

# Compiled once, shaped for libxml2 (docs/extraction.md, "Performance"): ``id()`` reads the
# parser's id index (document order) instead of testing every element of the page, and
# one ``descendant::a`` pass with the places a title link sits in replaces a union of paths.
_LISTS = etree.XPath(
    "id('itemListLeading itemListPrimary itemListSecondary itemListLinks')[self::div]"
)
_ENTRIES = etree.XPath(f".//article | .//div[{has_class('catItemView')}][not(ancestor::article)]")
_PLAIN_LINKS = etree.XPath(".//li/a[@href] | .//h3/a[@href] | .//h4/a[@href]")
_ENTRY_LINK = etree.XPath(
    "descendant::a[@href][parent::h2 or parent::h3 or parent::h4"
    f" or parent::*[{has_class('catItemTitle')}]"
    f" or (ancestor::header and not(ancestor::*[{has_class('itemCategory')}]))][1]"
)
_ENTRY_DATETIME = etree.XPath(".//time/@datetime")
_ENTRY_DATE_TEXT = etree.XPath(
    f"string((.//*[{has_class('itemDate')} or {has_class('catItemDateCreated')}])[1])"
)
_ENTRY_CATEGORY = etree.XPath(
    f"string((.//*[{has_class('itemCategory')} or {has_class('catItemCategory')}]//a)[1])"
)
_ENTRY_INTRO = etree.XPath(
    f".//div[{has_class('itemIntroText')} or {has_class('catItemIntroText')}]"
)
_NEXT = etree.XPath(f"descendant::li[{has_class('pagination-next')}]/descendant::a/@href")
_REL_NEXT = etree.XPath("/html/head/link[@rel='next']/@href | descendant::a[@rel='next']/@href")


@dataclass(frozen=True, eq=False)
class ListingEntry:
    """One listed item. ``url`` and ``datetime_raw`` are what a crawl reads of every entry;
    the title, category and intro are read from the page only when asked for (rendering the
    intro cost more than the rest of the entry)."""

    url: str  # absolute, as linked (canonicalise with archiver.urls)
    datetime_raw: str | None  # the ``time[datetime]`` value, else the visible date text
    link: Any = field(repr=False)  # the entry's ``<a>``
    node: Any = field(repr=False)  # the entry's element; None for a titles-only "links" list

    @cached_property
    def title(self) -> str | None:
        return squash(self.link.xpath("string()")) or None

    @cached_property
    def category(self) -> str | None:
        return None if self.node is None else squash(_ENTRY_CATEGORY(self.node)) or None

    @cached_property
    def intro(self) -> str | None:
        if self.node is None:
            return None
        return join_paragraphs([b.text for b in render_blocks(_ENTRY_INTRO(self.node)[:1]).blocks])


class ListingPage:
    """A listing page, built from a parsed selector or from the page's bytes."""

    def __init__(self, page: Selector | bytes, url: str, *, encoding: str | None = None) -> None:
        selector = (
            parse_document(page, encoding=encoding).selector if isinstance(page, bytes) else page
        )
        self.url = url
        self.root: Any = selector.root
        self.base_url = base_url(self.root, url)

    def _entry(self, node: Any) -> ListingEntry | None:
        links = _ENTRY_LINK(node)
        url = join_url(self.base_url, links[0].get("href")) if links else None
        if url is None:
            return None
        datetimes = _ENTRY_DATETIME(node)
        when = (squash(datetimes[0]) if datetimes else "") or squash(_ENTRY_DATE_TEXT(node))
        return ListingEntry(url, when or None, links[0], node)

    def _plain(self, link: Any) -> ListingEntry | None:
        url = join_url(self.base_url, link.get("href"))
        return None if url is None else ListingEntry(url, None, link, None)

    def entries(self) -> list[ListingEntry]:
        """Every listed item once, in page order (leading, primary, secondary, links)."""
        found: dict[str, ListingEntry] = {}
        for item_list in _LISTS(self.root):
            nodes = _ENTRIES(item_list)
            if nodes:
                entries = [self._entry(node) for node in nodes]
            else:  # "links" lists: titles only
                entries = [self._plain(a) for a in _PLAIN_LINKS(item_list)]
            for entry in entries:
                if entry is not None and entry.url not in found:
                    found[entry.url] = entry
        return list(found.values())

    def next_url(self) -> str | None:
        """The next page's absolute URL; None on the last page (a disabled ``span.pagenav``)
        or when its link is no URL."""
        hrefs = _NEXT(self.root) or _REL_NEXT(self.root)
        return join_url(self.base_url, hrefs[0]) if hrefs else None
