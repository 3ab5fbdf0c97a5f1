"""The one record that flows from page objects through pipelines into the archive.

Its fields are the dataset's columns, defined with their types, meanings and layers in
``archiver.columns`` (docs/data.md): page objects fill the ``page`` columns, the date normaliser
fills the ``dates`` columns from ``date_candidates``, and the spiders and pipelines the
``crawl`` columns (fetch time, hashes, WARC pointers, ``crawl_id``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from archiver.columns import COLUMN_NAMES, Row

KINDS = ("news_comment", "press_release", "qa", "headlines", "article", "media", "other")


@dataclass(frozen=True)
class DateCandidate:
    """A date as printed somewhere on or about the page, before normalisation.

    ``source`` names where it was found (``listing``, ``k2_item``, ``press_release``,
    ``qa_signature``, ``headline_title``, ``dateline``, ``header_widget``); ``raw`` is the
    text as printed.
    """

    source: str
    raw: str


@dataclass
class ArchiveItem(Row):
    """A row of the dataset (its columns are ``archiver.columns.Row``'s) and the raw dates the
    page objects found, which archiver.dates turns into the date columns."""

    date_candidates: list[DateCandidate] = field(default_factory=list)

    def replace(self, **changes: Any) -> ArchiveItem:
        return dataclasses.replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        """The item as a flat dict of dataset columns, in the files' order (shallow: lists are
        shared)."""
        return {name: getattr(self, name) for name in COLUMN_NAMES}
