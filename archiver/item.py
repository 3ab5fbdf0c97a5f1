"""The one record that flows from page objects through pipelines into the archive.

Field names are the dataset's column names (``docs/data.md``); page objects fill the extracted
fields, the date normaliser fills the ``published_*``/``date_*`` fields from ``date_candidates``,
and the pipelines fill the crawl fields (``fetched_*``, hashes, WARC pointers, ``crawl_id``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KINDS = ("news_comment", "press_release", "qa", "headlines", "article", "media", "other")


@dataclass(frozen=True)
class DateCandidate:
    """A date as printed somewhere on or about the page, before normalisation.

    ``source`` names where it was found (``listing``, ``k2_item``, ``press_release``,
    ``qa_signature``, ``dateline``, ``headline_title``, ``rss``); ``raw`` is the text as printed.
    """

    source: str
    raw: str


@dataclass
class ArchiveItem:
    # identity
    key: str
    lang: str
    item_id: int
    url: str
    fetched_url: str = ""
    # what the page says
    category: str | None = None
    category_path: str | None = None
    kind: str = "other"
    title: str | None = None
    subtitle: str | None = None
    translated: bool = False
    news: str | None = None
    comment: str | None = None
    body: str | None = None
    author: str | None = None
    signoff: str | None = None
    office: str | None = None
    reference: str | None = None
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    # dates (filled by archiver.dates from date_candidates)
    published_date: date | None = None
    published_at: datetime | None = None
    published_hijri: str | None = None
    hijri_offset_days: int | None = None
    date_source: str | None = None
    date_status: str = "missing"
    date_conflict: bool = False
    date_raw: str | None = None
    page_header_date: date | None = None
    date_candidates: list[DateCandidate] = field(default_factory=list)
    # how it was read
    layout: str = "unknown"
    page_flags: list[str] = field(default_factory=list)
    parser_version: str = ""
    # crawl facts (filled by spiders and pipelines)
    fetched_at: datetime | None = None
    http_status: int | None = None
    content_sha256: str | None = None
    html_sha256: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None
    crawl_id: str | None = None

    def replace(self, **changes: Any) -> ArchiveItem:
        return dataclasses.replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        """The item as a flat dict of dataset columns (shallow: lists are shared)."""
        return {f.name: getattr(self, f.name) for f in RECORD_FIELDS}


RECORD_FIELDS = tuple(f for f in dataclasses.fields(ArchiveItem) if f.name != "date_candidates")
