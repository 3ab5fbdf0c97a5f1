"""Page objects: pure extraction from parsed pages of the site (no network, no disk).

``ListingPage`` reads listing pages, ``extract_item`` reads item pages of every layout
(``ItemPage`` subclasses, chosen by ``page_for``); docs/extraction.md documents the rules.
"""

from __future__ import annotations

from archiver.pages.item import (
    GavickPage,
    ItemPage,
    K2SitePage,
    K2StockPage,
    PrintPage,
    extract_item,
    page_for,
)
from archiver.pages.listing import ListingEntry, ListingPage
from archiver.pages.version import PARSER_VERSION

__all__ = [
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
