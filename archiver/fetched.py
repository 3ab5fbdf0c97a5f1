"""Stamping an extracted item with the facts of its fetch: where, when, what came back.

One function for the crawl (from a Scrapy response) and for re-extraction (from a WARC record),
so the two can never describe a capture differently.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from archiver.item import ArchiveItem
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
