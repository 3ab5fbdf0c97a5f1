"""Stamping an extracted item with the facts of its fetch: where, when, what came back.

One function for the crawl (from a Scrapy response) and for re-extraction (from a WARC record),
so the two can never describe a capture differently.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from archiver.item import ArchiveItem
from archiver.pages import extract_item
from archiver.store.warc import WarcRef


def stamp_fetch(
    item: ArchiveItem,
    *,
    url: str,
    status: int,
    body: bytes,
    fetched_at: datetime,
    warc: WarcRef | None,
) -> ArchiveItem:
    return item.replace(
        fetched_url=url,
        fetched_at=fetched_at,
        http_status=status,
        html_sha256=hashlib.sha256(body).hexdigest(),
        warc_file=warc.file if warc else None,
        warc_offset=warc.offset if warc else None,
        warc_length=warc.length if warc else None,
    )


@dataclass(frozen=True)
class Fetched:
    """One fetched item page, as the crawl hands it to its page process (picklable)."""

    body: bytes
    url: str
    status: int
    encoding: str | None
    listing_date: str | None
    fetched_at: datetime
    warc: WarcRef | None


def read_fetched(page: Fetched) -> ArchiveItem:
    """The item of one fetched page, stamped with its fetch: the crawl's work per item page
    that needs no Scrapy object, so it runs in the page process (``spiders.base``)."""
    item = extract_item(page.body, page.url, encoding=page.encoding, listing_date=page.listing_date)
    return stamp_fetch(
        item,
        url=page.url,
        status=page.status,
        body=page.body,
        fetched_at=page.fetched_at,
        warc=page.warc,
    )
