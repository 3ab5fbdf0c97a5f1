"""The dataset's columns, defined once: name, types, nullability, meaning and who fills each.

``Row`` is the table: one line per column, in the order of the Parquet files, its Python type
in the annotation and its Arrow type, layer and description in ``column(...)``. Column names,
order and types are a contract: append a line, never rename, move or retype one (the frozen
copy in tests/test_schema_frozen.py checks it). Everything else is derived from the table:
``archiver.item.ArchiveItem`` is ``Row`` plus the date candidates, ``archiver.store.schema``
builds the file schema from ``COLUMNS``, ``archiver.store.datadict`` renders docs/data.md, the
item page objects must have one ``@field`` per ``page`` column (``archiver.pages.fields``), and
the fixture tests and the replica's truth take their column sets from ``names``.

The layer says who fills a column: ``page`` the page objects (archiver/pages), ``dates`` the
date normaliser (archiver/dates) from the item's date candidates, ``crawl`` the spiders and
pipelines (fetch time, status, hashes, WARC pointers, crawl id).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, NamedTuple

import pyarrow as pa

Layer = Literal["page", "dates", "crawl"]
PAGE: Layer = "page"
DATES: Layer = "dates"
CRAWL: Layer = "crawl"
LAYERS: tuple[Layer, ...] = (PAGE, DATES, CRAWL)
REQUIRED: Any = dataclasses.MISSING  # a column every item is built with (no default)

_STR = pa.string()
_STRS = pa.list_(pa.string())
_UTC = pa.timestamp("us", tz="UTC")
_SPEC = "archiver.column"  # the dataclass field metadata key of a column's spec


class _Spec(NamedTuple):
    type: pa.DataType
    layer: Layer
    description: str
    nullable: bool


def column(
    type: pa.DataType,
    layer: Layer,
    description: str,
    *,
    nullable: bool = True,
    default: Any = None,
) -> Any:
    """One line of the table: a dataclass field that carries its column's spec. List columns
    start empty; ``default=REQUIRED`` makes the column an argument every item is built with."""
    metadata = {_SPEC: _Spec(type, layer, description, nullable)}
    if pa.types.is_list(type):
        return dataclasses.field(default_factory=list, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass
class Row:
    """One row of the dataset: every column, in the files' order."""

    key: str = column(
        _STR,
        PAGE,
        'The item\'s identity, "{lang}/{item_id}"; one key has one or more versions.',
        nullable=False,
        default=REQUIRED,
    )
    lang: str = column(
        _STR,
        PAGE,
        "Language section of the site: en, ar, tr, gr (German), pe (Persian), ur, pa (Pashto), sw, fr. Also a partition.",
        nullable=False,
        default=REQUIRED,
    )
    item_id: int = column(
        pa.int64(),
        PAGE,
        "K2 item id within its language section (each section has its own id sequence).",
        nullable=False,
        default=REQUIRED,
    )
    url: str = column(
        _STR,
        PAGE,
        "Canonical address: https://www.hizb-ut-tahrir.info/{lang}/index.php/…, whatever host or scheme it was fetched from; no query or fragment.",
        nullable=False,
        default=REQUIRED,
    )
    fetched_url: str = column(
        _STR, PAGE, "The address actually fetched (mirror host, replica, print view…).", default=""
    )
    category: str | None = column(
        _STR, PAGE, 'Category display name as the page shows it ("News & Comment").'
    )
    category_path: str | None = column(
        _STR, PAGE, "Menu path of the category (2017-01-28-14-59-33/news-comment)."
    )
    kind: str = column(
        _STR,
        PAGE,
        "news_comment, press_release, qa, headlines, article, media or other.",
        nullable=False,
        default="other",
    )
    title: str | None = column(_STR, PAGE, "The item's title.")
    subtitle: str | None = column(
        _STR, PAGE, "A second heading line under the title, when there is one."
    )
    translated: bool = column(
        pa.bool_(),
        PAGE,
        'True when the page marks the item "(Translated)" or its equivalent.',
        nullable=False,
        default=False,
    )
    news: str | None = column(
        _STR,
        PAGE,
        'News & Comment items: the paragraphs after the "News:" label, without the label.',
    )
    comment: str | None = column(
        _STR,
        PAGE,
        'News & Comment items: the paragraphs after the "Comment:" label, up to the sign-off.',
    )
    body: str | None = column(
        _STR,
        PAGE,
        "The item's text as its content block prints it: paragraphs separated by one blank line, labels and sign-off included; title, subtitle, (Translated), press-release header and contact footer excluded.",
    )
    author: str | None = column(
        _STR, PAGE, "A person's name (sign-off, signatory, byline); null when only an office signs."
    )
    signoff: str | None = column(
        _STR, PAGE, "The whole sign-off or signature line as printed, line breaks as spaces."
    )
    office: str | None = column(
        _STR, PAGE, "Press releases: the issuing office (Central Media Office, Wilayah Pakistan…)."
    )
    reference: str | None = column(
        _STR, PAGE, 'Press releases: the release number as printed ("1441 AH / 005").'
    )
    published_date: date | None = column(
        pa.date32(),
        DATES,
        "Publication date, the local (Makkah, UTC+3) calendar day; from the best date source.",
    )
    published_at: datetime | None = column(
        _UTC, DATES, "Publication instant in UTC, only when the source gives a real time."
    )
    published_hijri: str | None = column(
        _STR, DATES, "The Hijri date as the page prints it, 'YYYY-MM-DD' (never corrected)."
    )
    hijri_offset_days: int | None = column(
        pa.int32(),
        DATES,
        "Printed Gregorian date minus the Umm al-Qura date of the printed Hijri date, in days.",
    )
    date_source: str | None = column(
        _STR,
        DATES,
        "Where published_date came from: listing, k2_item, press_release, qa_signature, headline_title, rss.",
    )
    date_status: str = column(
        _STR,
        DATES,
        "Outcome of date normalisation (docs/dates.md lists the values).",
        nullable=False,
        default="missing",
    )
    date_conflict: bool = column(
        pa.bool_(),
        DATES,
        "True when the date sources or the Hijri/Gregorian pair disagree beyond tolerance.",
        nullable=False,
        default=False,
    )
    date_raw: str | None = column(_STR, DATES, "The date text as printed by the chosen source.")
    page_header_date: date | None = column(
        pa.date32(),
        DATES,
        "The date the page's 'today' header widget showed when fetched; a fetch-time snapshot, never the publication date.",
    )
    tags: list[str] = column(_STRS, PAGE, "K2 tags of the item.")
    links: list[str] = column(_STRS, PAGE, "Absolute links inside the content block.")
    images: list[str] = column(_STRS, PAGE, "Absolute image addresses inside the content block.")
    media: list[str] = column(_STRS, PAGE, "Audio, video and document links of the item.")
    layout: str = column(
        _STR,
        PAGE,
        "Which page layout the parser recognised: k2_site, k2_stock, gavick, print, unknown.",
        default="unknown",
    )
    page_flags: list[str] = column(
        _STRS,
        PAGE,
        "What was wrong or missing on the page (no_title, no_body, unknown_layout, truncated…); empty when all is well.",
    )
    fetched_at: datetime | None = column(
        _UTC, CRAWL, "When the page was fetched (UTC).", nullable=False
    )
    http_status: int | None = column(pa.int32(), CRAWL, "HTTP status of the fetched page.")
    content_sha256: str | None = column(
        _STR,
        CRAWL,
        "SHA-256 of the extracted content fields; a new version of an item is a new value here.",
        nullable=False,
    )
    html_sha256: str | None = column(_STR, CRAWL, "SHA-256 of the raw response body.")
    warc_file: str | None = column(
        _STR, CRAWL, "WARC file (relative to the archive) holding the raw response."
    )
    warc_offset: int | None = column(
        pa.int64(), CRAWL, "Byte offset of the response record in warc_file."
    )
    warc_length: int | None = column(
        pa.int64(), CRAWL, "Byte length of the response record in warc_file."
    )
    crawl_id: str | None = column(
        _STR, CRAWL, "The crawl run that wrote this row (crawls/{crawl_id}.json).", nullable=False
    )
    parser_version: str = column(
        _STR,
        PAGE,
        "Version of the page objects that extracted the row.",
        nullable=False,
        default="",
    )


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    layer: Layer
    description: str
    nullable: bool = True


def columns_of(record: type) -> tuple[Column, ...]:
    """The columns of a record class (``Row`` or a subclass), in field order."""
    return tuple(
        Column(f.name, *f.metadata[_SPEC])
        for f in dataclasses.fields(record)
        if _SPEC in f.metadata
    )


def names(*layers: Layer, record: type = Row) -> tuple[str, ...]:
    """The names of ``record``'s columns filled by ``layers`` (every layer when none is given)."""
    wanted = layers or LAYERS
    return tuple(c.name for c in columns_of(record) if c.layer in wanted)


COLUMNS = columns_of(Row)
COLUMN_NAMES = names()
PAGE_COLUMNS = names(PAGE)
DATE_COLUMNS = names(DATES)


class ColumnMismatch(ValueError):
    """Two lists of columns disagree: a column was added or removed in one place only
    (docs/extraction.md, "Adding a column")."""


def check_columns(
    names: Collection[str], where: str, expected: Collection[str] = COLUMN_NAMES
) -> None:
    """Fail, naming the columns, unless ``names`` are exactly ``expected`` (every column)."""
    missing = [name for name in expected if name not in names]
    extra = [name for name in names if name not in expected]
    if missing or extra:
        raise ColumnMismatch(
            f"{where} does not match archiver.columns: missing {missing}, extra {extra}"
        )
