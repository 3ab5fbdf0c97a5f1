"""The file schema frozen as it was when the column registry (archiver/columns.py) replaced the
hand-kept lists: the dataset's bytes depend on every name, position, type, nullability and
description here. Adding a column appends a line; nothing above it may change."""

from __future__ import annotations

import pyarrow as pa

from archiver.store.schema import dataset_schema, file_schema

_STR = pa.string()
_STRS = pa.list_(pa.string())
_UTC = pa.timestamp("us", tz="UTC")
# (name, type, nullable, description) of every column, in the order of the files.
FROZEN = (
    ('key', _STR, False, 'The item\'s identity, "{lang}/{item_id}"; one key has one or more versions.'),
    ('lang', _STR, False, 'Language section of the site: en, ar, tr, gr (German), pe (Persian), ur, pa (Pashto), sw, fr. Also a partition.'),
    ('item_id', pa.int64(), False, 'K2 item id within its language section (each section has its own id sequence).'),
    ('url', _STR, False, 'Canonical address: https://www.hizb-ut-tahrir.info/{lang}/index.php/…, whatever host or scheme it was fetched from; no query or fragment.'),
    ('fetched_url', _STR, True, 'The address actually fetched (mirror host, replica, print view…).'),
    ('category', _STR, True, 'Category display name as the page shows it ("News & Comment").'),
    ('category_path', _STR, True, 'Menu path of the category (2017-01-28-14-59-33/news-comment).'),
    ('kind', _STR, False, 'news_comment, press_release, qa, headlines, article, media or other.'),
    ('title', _STR, True, "The item's title."),
    ('subtitle', _STR, True, 'A second heading line under the title, when there is one.'),
    ('translated', pa.bool_(), False, 'True when the page marks the item "(Translated)" or its equivalent.'),
    ('news', _STR, True, 'News & Comment items: the paragraphs after the "News:" label, without the label.'),
    ('comment', _STR, True, 'News & Comment items: the paragraphs after the "Comment:" label, up to the sign-off.'),
    ('body', _STR, True, "The item's text as its content block prints it: paragraphs separated by one blank line, labels and sign-off included; title, subtitle, (Translated), press-release header and contact footer excluded."),
    ('author', _STR, True, "A person's name (sign-off, signatory, byline); null when only an office signs."),
    ('signoff', _STR, True, 'The whole sign-off or signature line as printed, line breaks as spaces.'),
    ('office', _STR, True, 'Press releases: the issuing office (Central Media Office, Wilayah Pakistan…).'),
    ('reference', _STR, True, 'Press releases: the release number as printed ("1441 AH / 005").'),
    ('published_date', pa.date32(), True, 'Publication date, the local (Makkah, UTC+3) calendar day; from the best date source.'),
    ('published_at', _UTC, True, 'Publication instant in UTC, only when the source gives a real time.'),
    ('published_hijri', _STR, True, "The Hijri date as the page prints it, 'YYYY-MM-DD' (never corrected)."),
    ('hijri_offset_days', pa.int32(), True, 'Printed Gregorian date minus the Umm al-Qura date of the printed Hijri date, in days.'),
    ('date_source', _STR, True, 'Where published_date came from: listing, k2_item, press_release, qa_signature, headline_title, rss.'),
    ('date_status', _STR, False, 'Outcome of date normalisation (docs/dates.md lists the values).'),
    ('date_conflict', pa.bool_(), False, 'True when the date sources or the Hijri/Gregorian pair disagree beyond tolerance.'),
    ('date_raw', _STR, True, 'The date text as printed by the chosen source.'),
    ('page_header_date', pa.date32(), True, "The date the page's 'today' header widget showed when fetched; a fetch-time snapshot, never the publication date."),
    ('tags', _STRS, True, 'K2 tags of the item.'),
    ('links', _STRS, True, 'Absolute links inside the content block.'),
    ('images', _STRS, True, 'Absolute image addresses inside the content block.'),
    ('media', _STRS, True, 'Audio, video and document links of the item.'),
    ('layout', _STR, True, 'Which page layout the parser recognised: k2_site, k2_stock, gavick, print, unknown.'),
    ('page_flags', _STRS, True, 'What was wrong or missing on the page (no_title, no_body, unknown_layout, truncated…); empty when all is well.'),
    ('fetched_at', _UTC, False, 'When the page was fetched (UTC).'),
    ('http_status', pa.int32(), True, 'HTTP status of the fetched page.'),
    ('content_sha256', _STR, False, 'SHA-256 of the extracted content fields; a new version of an item is a new value here.'),
    ('html_sha256', _STR, True, 'SHA-256 of the raw response body.'),
    ('warc_file', _STR, True, 'WARC file (relative to the archive) holding the raw response.'),
    ('warc_offset', pa.int64(), True, 'Byte offset of the response record in warc_file.'),
    ('warc_length', pa.int64(), True, 'Byte length of the response record in warc_file.'),
    ('crawl_id', _STR, False, 'The crawl run that wrote this row (crawls/{crawl_id}.json).'),
    ('parser_version', _STR, False, 'Version of the page objects that extracted the row.'),
)  # fmt: skip
YEAR = pa.field(
    "year",
    pa.int32(),
    metadata={
        "description": "Year of published_date (also the directory under lang=…); null when unknown."
    },
)


def _fields(skip: str = "") -> list[pa.Field]:
    return [
        pa.field(name, type_, nullable=nullable, metadata={"description": description})
        for name, type_, nullable, description in FROZEN
        if name != skip
    ]


def test_version_2_files_keep_their_schema() -> None:
    frozen = pa.schema([*_fields(skip="lang"), YEAR], metadata={"archiver.schema_version": "2"})
    assert file_schema().equals(frozen, check_metadata=True)
    assert file_schema().serialize().to_pybytes() == frozen.serialize().to_pybytes()


def test_version_1_files_keep_their_schema() -> None:
    frozen = pa.schema(_fields(), metadata={"archiver.schema_version": "1"})
    assert file_schema(1).equals(frozen, check_metadata=True)


def test_the_dataset_schema_is_every_column_then_year() -> None:
    frozen = pa.schema([*_fields(), YEAR], metadata={"archiver.schema_version": "2"})
    assert dataset_schema().equals(frozen, check_metadata=True)
