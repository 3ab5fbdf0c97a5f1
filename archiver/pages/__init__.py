"""Page objects: pure extraction from parsed pages of the site (no network, no disk).

``ListingPage`` reads listing pages, ``extract_item`` reads item pages of every layout
(``ItemPage`` subclasses, chosen by ``page_for``); docs/extraction.md documents the rules.
"""

from __future__ import annotations

from archiver.pages.article import (
    ITEM_FLAGS,
    GavickPage,
    ItemPage,
    K2SitePage,
    K2StockPage,
    PrintPage,
    extract_item,
    page_for,
)
from archiver.pages.document import DOCUMENT_FLAGS
from archiver.pages.listing import ListingEntry, ListingPage
from archiver.pages.version import PARSER_VERSION

# Every value ``page_flags`` can hold.
PAGE_FLAGS = DOCUMENT_FLAGS + ITEM_FLAGS

__all__ = [
    "PAGE_FLAGS",
    "PARSER_VERSION",
    "GavickPage",
    "ItemPage",
    "K2SitePage",
    "K2StockPage",
    "ListingEntry",
    "ListingPage",
    "PrintPage",
    "extract_item",
    "page_for",
]
