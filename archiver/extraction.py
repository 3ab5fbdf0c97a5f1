"""The public extraction API: one page's bytes in, its archive item with dates applied out.

The one path shared by ``archiver extract``, ``archiver reextract`` and researchers' scripts, so
that what the command prints and what a script gets can never drift apart.
"""

from __future__ import annotations

from archiver.dates import apply_dates
from archiver.item import ArchiveItem
from archiver.pages import extract_item


def extract(
    body: bytes, url: str, listing_date: str | None = None, *, encoding: str | None = None
) -> ArchiveItem:
    """The item of the page ``body`` fetched from ``url``, its date columns resolved.

    ``listing_date`` is the date string the item's listing printed beside it (a crawl has it;
    a single page alone does not); ``encoding`` is the HTTP charset, when known. Never raises
    for a bad page: it comes back with ``page_flags`` set.
    """
    return apply_dates(extract_item(body, url, encoding=encoding, listing_date=listing_date))
