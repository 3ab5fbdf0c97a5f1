"""Schema version 1 of the archive: every column, its Arrow type and its meaning, defined once.

The Parquet files carry this schema (with the descriptions as field metadata and the version in
the file metadata); ``docs/data.md`` is generated from it by ``archiver.store.datadict``.
Column names are a contract: add columns, never rename or retype one.

Version 2 changed only where two columns live, so that pandas, polars, DuckDB and pyarrow each
open ``articles/`` with their plain hive call and the same types: ``lang`` is the one hive
partition (``articles/lang=en/``) and is no longer repeated inside the files (a file column
beside a partition of the same name is string against dictionary to pandas); ``year`` is a file
column under a plain ``2024/`` or ``unknown/`` directory (a hive ``year=`` partition with a
null value, ``__HIVE_DEFAULT_PARTITION__``, is one pandas cannot read). Version 1 archives are
still read by ``archiver.dataset`` and verified.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from archiver.item import RECORD_FIELDS

SCHEMA_VERSION = 2
UNKNOWN_YEAR = "unknown"  # the directory of the rows whose year is null
# Version 1: articles/lang=XX/year=YYYY/, lang in the files, year only in the path.
LEGACY_VERSION = 1
LEGACY_UNKNOWN_YEAR = "__HIVE_DEFAULT_PARTITION__"  # read back as a null year by every reader

_str = pa.string()
_strs = pa.list_(pa.string())
_utc = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True


COLUMNS: tuple[Column, ...] = (
    Column(
        "key",
        _str,
        'The item\'s identity, "{lang}/{item_id}"; one key has one or more versions.',
        False,
    ),
    Column(
        "lang",
        _str,
        "Language section of the site: en, ar, tr, gr (German), pe (Persian), ur, pa (Pashto), sw, fr. Also a partition.",
        False,
    ),
    Column(
        "item_id",
        pa.int64(),
        "K2 item id within its language section (each section has its own id sequence).",
        False,
    ),
    Column(
        "url",
        _str,
        "Canonical address: https://www.hizb-ut-tahrir.info/{lang}/index.php/…, whatever host or scheme it was fetched from; no query or fragment.",
        False,
    ),
    Column(
        "fetched_url", _str, "The address actually fetched (mirror host, replica, print view…)."
    ),
    Column("category", _str, 'Category display name as the page shows it ("News & Comment").'),
    Column("category_path", _str, "Menu path of the category (2017-01-28-14-59-33/news-comment)."),
    Column(
        "kind", _str, "news_comment, press_release, qa, headlines, article, media or other.", False
    ),
    Column("title", _str, "The item's title."),
    Column("subtitle", _str, "A second heading line under the title, when there is one."),
    Column(
        "translated",
        pa.bool_(),
        'True when the page marks the item "(Translated)" or its equivalent.',
        False,
    ),
    Column(
        "news",
        _str,
        'News & Comment items: the paragraphs after the "News:" label, without the label.',
    ),
    Column(
        "comment",
        _str,
        'News & Comment items: the paragraphs after the "Comment:" label, up to the sign-off.',
    ),
    Column(
        "body",
        _str,
        "The item's text as its content block prints it: paragraphs separated by one blank line, labels and sign-off included; title, subtitle, (Translated), press-release header and contact footer excluded.",
    ),
    Column(
        "author",
        _str,
        "A person's name (sign-off, signatory, byline); null when only an office signs.",
    ),
    Column(
        "signoff", _str, "The whole sign-off or signature line as printed, line breaks as spaces."
    ),
    Column(
        "office",
        _str,
        "Press releases: the issuing office (Central Media Office, Wilayah Pakistan…).",
    ),
    Column("reference", _str, 'Press releases: the release number as printed ("1441 AH / 005").'),
    Column(
        "published_date",
        pa.date32(),
        "Publication date, the local (Makkah, UTC+3) calendar day; from the best date source.",
    ),
    Column(
        "published_at", _utc, "Publication instant in UTC, only when the source gives a real time."
    ),
    Column(
        "published_hijri",
        _str,
        "The Hijri date as the page prints it, 'YYYY-MM-DD' (never corrected).",
    ),
    Column(
        "hijri_offset_days",
        pa.int32(),
        "Printed Gregorian date minus the Umm al-Qura date of the printed Hijri date, in days.",
    ),
    Column(
        "date_source",
        _str,
        "Where published_date came from: listing, k2_item, press_release, qa_signature, headline_title, rss.",
    ),
    Column(
        "date_status",
        _str,
        "Outcome of date normalisation (docs/dates.md lists the values).",
        False,
    ),
    Column(
        "date_conflict",
        pa.bool_(),
        "True when the date sources or the Hijri/Gregorian pair disagree beyond tolerance.",
        False,
    ),
    Column("date_raw", _str, "The date text as printed by the chosen source."),
    Column(
        "page_header_date",
        pa.date32(),
        "The date the page's 'today' header widget showed when fetched; a fetch-time snapshot, never the publication date.",
    ),
    Column("tags", _strs, "K2 tags of the item."),
    Column("links", _strs, "Absolute links inside the content block."),
    Column("images", _strs, "Absolute image addresses inside the content block."),
    Column("media", _strs, "Audio, video and document links of the item."),
    Column(
        "layout",
        _str,
        "Which page layout the parser recognised: k2_site, k2_stock, gavick, print, unknown.",
    ),
    Column(
        "page_flags",
        _strs,
        "What was wrong or missing on the page (no_title, no_body, unknown_layout, truncated…); empty when all is well.",
    ),
    Column("fetched_at", _utc, "When the page was fetched (UTC).", False),
    Column("http_status", pa.int32(), "HTTP status of the fetched page."),
    Column(
        "content_sha256",
        _str,
        "SHA-256 of the extracted content fields; a new version of an item is a new value here.",
        False,
    ),
    Column("html_sha256", _str, "SHA-256 of the raw response body."),
    Column("warc_file", _str, "WARC file (relative to the archive) holding the raw response."),
    Column("warc_offset", pa.int64(), "Byte offset of the response record in warc_file."),
    Column("warc_length", pa.int64(), "Byte length of the response record in warc_file."),
    Column("crawl_id", _str, "The crawl run that wrote this row (crawls/{crawl_id}.json).", False),
    Column("parser_version", _str, "Version of the page objects that extracted the row.", False),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
# The columns page objects fill (archiver/pages); archiver.dates fills the date columns from the
# item's date candidates, the spiders and pipelines the rest (hashes, WARC pointers, crawl id).
PAGE_COLUMNS: tuple[str, ...] = (
    "key", "lang", "item_id", "url", "fetched_url", "category", "category_path", "kind", "title",
    "subtitle", "translated", "news", "comment", "body", "author", "signoff", "office",
    "reference", "tags", "links", "images", "media", "layout", "page_flags", "parser_version",
)  # fmt: skip
YEAR_DESCRIPTION = "Year of published_date (also the directory under lang=…); null when unknown."
PARTITION_COLUMN = "lang"  # the hive partition: in the path, not in the files
PARTITION_SCHEMA = pa.schema([pa.field("lang", pa.string())])
LEGACY_PARTITION_SCHEMA = pa.schema([pa.field("lang", pa.string()), pa.field("year", pa.int32())])


def _fields() -> list[pa.Field]:
    return [
        pa.field(c.name, c.type, nullable=c.nullable, metadata={"description": c.description})
        for c in COLUMNS
    ]


def _year() -> pa.Field:
    return pa.field("year", pa.int32(), metadata={"description": YEAR_DESCRIPTION})


def file_schema(version: int = SCHEMA_VERSION) -> pa.Schema:
    """The schema stored in every part file (of ``version``), descriptions included."""
    fields = _fields()
    if version != LEGACY_VERSION:
        fields = [f for f in fields if f.name != PARTITION_COLUMN] + [_year()]
    return pa.schema(fields, metadata={"archiver.schema_version": str(version)})


def dataset_schema() -> pa.Schema:
    """Every column as readers see the dataset: the documented columns, then ``year``."""
    return pa.schema([*_fields(), _year()], metadata=file_schema().metadata)


def partition_dir(lang: str, year: int | None) -> str:
    """The directory of a row's part files, relative to ``articles/``."""
    return f"lang={lang}/{UNKNOWN_YEAR if year is None else year}"


def directory_year(name: str) -> int | None:
    """The year a partition directory holds (``2024``, ``unknown``, or version 1's ``year=…``)."""
    value = name.removeprefix("year=")
    return None if value in (UNKNOWN_YEAR, LEGACY_UNKNOWN_YEAR) else int(value)


class ColumnMismatch(ValueError):
    """The item's fields, a record and the schema's columns disagree: a column was added or
    removed in one place only (docs/data.md, "Adding a column")."""


def check_columns(names: Collection[str], where: str) -> None:
    """Fail, naming the columns, unless ``names`` are exactly the schema's columns."""
    missing = [name for name in COLUMN_NAMES if name not in names]
    extra = [name for name in names if name not in COLUMN_NAMES]
    if missing or extra:
        raise ColumnMismatch(
            f"{where} does not match archiver.store.schema.COLUMNS: missing {missing}, "
            f"extra {extra}; add or remove the column in both places"
        )


check_columns([f.name for f in RECORD_FIELDS], "archiver.item.ArchiveItem")
if unknown := set(PAGE_COLUMNS) - set(COLUMN_NAMES):
    raise ColumnMismatch(f"PAGE_COLUMNS names columns the schema lacks: {sorted(unknown)}")


def to_row(record: dict[str, Any]) -> dict[str, Any]:
    """Exactly the schema's columns of a record, in the schema's order; a record with a column
    too many or too few is a programming error, never silently filled or dropped."""
    check_columns(record, "the record")
    return {name: record[name] for name in COLUMN_NAMES}
