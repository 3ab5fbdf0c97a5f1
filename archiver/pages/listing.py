"""Listing pages: the items a category page lists, and the link to its next page.

Only K2's item lists are read (``#itemListLeading``, ``#itemListPrimary``, ``#itemListSecondary``,
``#itemListLinks``); the menus and "latest"/"most read" modules around them are not items.
The next page is found by ``li.pagination-next``, whose title is translated per section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

from archiver.pages.blocks import render_blocks
from archiver.pages.document import parse_document
from archiver.text import join_paragraphs, squash


def _has_class(name: str) -> str:
    return f"contains(@class, '{name}')"  # see item.py on why a substring test


_LISTS = etree.XPath(
    "descendant::div[@id='itemListLeading' or @id='itemListPrimary' or @id='itemListSecondary'"
    " or @id='itemListLinks']"
)
_ENTRIES = etree.XPath(f".//article | .//div[{_has_class('catItemView')}][not(ancestor::article)]")
_PLAIN_LINKS = etree.XPath(".//li/a[@href] | .//h3/a[@href] | .//h4/a[@href]")
_ENTRY_LINK = etree.XPath(
    f"(.//header//h4/a[@href] | .//header//a[@href][not(ancestor::*[{_has_class('itemCategory')}])]"
    f" | .//*[{_has_class('catItemTitle')}]/a[@href] | .//h2/a[@href] | .//h3/a[@href]"
    " | .//h4/a[@href])[1]"
)
_ENTRY_DATETIME = etree.XPath(".//time/@datetime")
_ENTRY_DATE_TEXT = etree.XPath(
    f"string((.//*[{_has_class('itemDate')} or {_has_class('catItemDateCreated')}])[1])"
)
_ENTRY_CATEGORY = etree.XPath(
    f"string((.//*[{_has_class('itemCategory')} or {_has_class('catItemCategory')}]//a)[1])"
)
_ENTRY_INTRO = etree.XPath(
    f".//div[{_has_class('itemIntroText')} or {_has_class('catItemIntroText')}]"
)
_NEXT = etree.XPath(f"descendant::li[{_has_class('pagination-next')}]/descendant::a/@href")
_REL_NEXT = etree.XPath("/html/head/link[@rel='next']/@href | descendant::a[@rel='next']/@href")
_BASE_HREF = etree.XPath("/html/head/base/@href")


@dataclass(frozen=True)
class ListingEntry:
    url: str  # absolute, as linked (canonicalise with archiver.urls)
    title: str | None
    datetime_raw: str | None  # the ``time[datetime]`` value, else the visible date text
    category: str | None
    intro: str | None


class ListingPage:
    """A listing page, built from a parsed selector or from the page's bytes."""

    def __init__(self, page: Selector | bytes, url: str, *, encoding: str | None = None) -> None:
        selector = (
            parse_document(page, encoding=encoding).selector if isinstance(page, bytes) else page
        )
        self.url = url
        self.root: Any = selector.root
        base = _BASE_HREF(self.root)
        self.base_url = urljoin(url, base[0].strip()) if base else url

    def _entry(self, node: Any) -> ListingEntry | None:
        links = _ENTRY_LINK(node)
        if not links:
            return None
        link = links[0]
        datetimes = _ENTRY_DATETIME(node)
        date_text = squash(_ENTRY_DATE_TEXT(node))
        intro = _ENTRY_INTRO(node)
        return ListingEntry(
            url=urljoin(self.base_url, link.get("href").strip()),
            title=squash(link.xpath("string()")) or None,
            datetime_raw=squash(datetimes[0]) if datetimes else date_text or None,
            category=squash(_ENTRY_CATEGORY(node)) or None,
            intro=join_paragraphs([b.text for b in render_blocks(intro[:1]).blocks]),
        )

    def entries(self) -> list[ListingEntry]:
        """Every listed item once, in page order (leading, primary, secondary, links)."""
        found: dict[str, ListingEntry] = {}
        for item_list in _LISTS(self.root):
            nodes = _ENTRIES(item_list)
            if nodes:
                entries = [self._entry(node) for node in nodes]
            else:  # "links" lists: titles only
                entries = [
                    ListingEntry(
                        urljoin(self.base_url, a.get("href").strip()),
                        squash(a.xpath("string()")) or None,
                        None,
                        None,
                        None,
                    )
                    for a in _PLAIN_LINKS(item_list)
                ]
            for entry in entries:
                if entry is not None and entry.url not in found:
                    found[entry.url] = entry
        return list(found.values())

    def next_url(self) -> str | None:
        """The next page's absolute URL; None on the last page (a disabled ``span.pagenav``)."""
        hrefs = _NEXT(self.root) or _REL_NEXT(self.root)
        return urljoin(self.base_url, hrefs[0].strip()) if hrefs else None
