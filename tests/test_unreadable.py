"""Pages that cannot be read as they come are rows with flags, never exceptions: nesting deeper
than the extractors recurse, impossible time-zone offsets, UTF-16 with or without a BOM, and a
leading NUL byte, through ``archiver.extract`` and the spider's item callback."""

from __future__ import annotations

from datetime import date
from encodings.aliases import aliases
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from archiver.dates import parse_date
from archiver.extraction import extract
from archiver.item import ArchiveItem
from archiver.pages import ListingPage
from archiver.pages.document import MAX_DEPTH, byte_order_mark
from archiver.replica import Replica
from spiders.mediaoffice import MediaOfficeSpider
from tests.callbacks import parse_item

SEED = Path(__file__).parent / "fixtures" / "en_k2_site_news_comment_seed" / "page.html"
SEED_URL = (
    "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33/news-comment/29123.html"
)
ITEM = "http://127.0.0.1:8000/en/index.php/2017-01-28-14-59-33/news-comment/99.html"
LISTED = "2024-11-26T10:15:00+03:00"
# What a page read says, without the fields that record how it was read.
READ_FIELDS = ("title", "author", "news", "comment", "body", "kind", "published_date", "links")


def fields(item: ArchiveItem) -> dict[str, object]:
    return {name: getattr(item, name) for name in READ_FIELDS}


def replica_page() -> str:
    return Replica(20, 1, ("en",)).render_item("en", 99)


def nested(depth: int, words: str) -> str:
    """The replica's item page with ``words`` inside ``depth`` nested elements in its body."""
    page = replica_page()
    deep = "<div><span>" * (depth // 2) + words + "</span></div>" * (depth // 2)
    marker = '<div class="itemFullText">'
    assert marker in page
    return page.replace(marker, marker + deep, 1)


def callback_item(body: bytes, url: str = ITEM, **headers: str) -> ArchiveItem:
    """The spider's item for the page (dates are applied later, by the pipeline)."""
    crawler = get_crawler(MediaOfficeSpider, {"ARCHIVER_OUT": "unused"})
    spider = MediaOfficeSpider.from_crawler(crawler, base_url="http://127.0.0.1:8000", mode="full")
    response = HtmlResponse(url, body=body, headers=headers, request=Request(url))
    try:
        (item,) = parse_item(spider, response, LISTED)
    finally:
        spider.pages.close()
    assert isinstance(item, ArchiveItem)
    return item


def test_deeply_nested_html_is_a_flagged_row_with_its_text() -> None:
    body = nested(1_000, "words at the bottom").encode()
    for item in (extract(body, ITEM, LISTED), callback_item(body)):
        assert item.title == "Lavrov Scares Central Asia Countries"
        assert "too_deep" in item.page_flags
        assert item.body is not None and "words at the bottom" in item.body
    assert extract(body, ITEM, LISTED).published_date == date(2024, 11, 26)


@pytest.mark.parametrize("depth", [5_000, 50_000])
def test_beyond_what_libxml2_reads_the_row_is_flagged_with_what_came_before(depth: int) -> None:
    """libxml2 stops reading at 2,048 levels: the rest of the page is not there to keep."""
    body = nested(depth, "words at the bottom").encode()
    for item in (extract(body, ITEM, LISTED), callback_item(body)):
        assert item.title == "Lavrov Scares Central Asia Countries"
        assert item.page_flags == ["too_deep", "no_body"]
        assert item.body is None


def test_nesting_up_to_the_limit_is_read_as_it_is() -> None:
    item = extract(nested(MAX_DEPTH - 40, "words at the bottom").encode(), ITEM, LISTED)
    assert "too_deep" not in item.page_flags
    assert item.body is not None and "words at the bottom" in item.body


@pytest.mark.parametrize(
    "printed",
    [
        "Tuesday, 26 November 2024 10:15 +24:00",
        "26/11/2024 10:15 -2400",
        "2024-11-26T10:15:00+24:00",
        "2024-11-26T10:15:00-99:59",
    ],
)
def test_an_offset_of_a_day_or_more_keeps_the_day_and_drops_the_time(printed: str) -> None:
    result = parse_date(printed)
    assert (result.published_date, result.published_at) == (date(2024, 11, 26), None)


def test_an_instant_beyond_the_last_year_is_out_of_range_not_an_overflow() -> None:
    result = parse_date("9999-12-31T23:59:59-23:59")
    assert (result.published_date, result.published_at) == (date(9999, 12, 31), None)
    assert result.date_status == "out_of_range"


def test_a_listing_date_with_an_impossible_offset_still_gives_a_row() -> None:
    page = replica_page().replace("</h2>", "</h2><p>Tuesday, 26 November 2024 10:15 +24:00</p>", 1)
    item = extract(page.encode(), ITEM, "2024-11-26T10:15:00+24:00")
    assert item.published_date == date(2024, 11, 26)
    assert item.published_at is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_pages_read_as_their_utf8_original(codec: str) -> None:
    """With a BOM (``utf-16``, ``utf-32``) or without (``-le``/``-be``), with or without the
    HTTP charset."""
    text = SEED.read_text(encoding="utf-8")
    original = fields(extract(text.encode(), SEED_URL))
    assert original["title"] and original["body"]
    body = text.encode(codec)
    assert fields(extract(body, SEED_URL)) == original
    assert fields(extract(body, SEED_URL, encoding=codec)) == original
    assert extract(body, SEED_URL).page_flags == extract(text.encode(), SEED_URL).page_flags


def test_a_big_endian_utf32_page_with_its_mark_reads_as_its_utf8_original() -> None:
    text = SEED.read_text(encoding="utf-8")
    body = b"\x00\x00\xfe\xff" + text.encode("utf-32-be")
    assert fields(extract(body, SEED_URL)) == fields(extract(text.encode(), SEED_URL))


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (b"\xff\xfe\x00\x00<\x00\x00\x00", ("utf-32-le", b"\xff\xfe\x00\x00")),
        (b"\x00\x00\xfe\xff\x00\x00\x00<", ("utf-32-be", b"\x00\x00\xfe\xff")),
        (b"\xff\xfe<\x00", ("utf-16-le", b"\xff\xfe")),
        (b"\xfe\xff\x00<", ("utf-16-be", b"\xfe\xff")),
        (b"\xef\xbb\xbf<", ("utf-8", b"\xef\xbb\xbf")),
        (b"<html>", (None, b"")),
    ],
)
def test_byte_order_marks_utf32_before_utf16(
    start: bytes, expected: tuple[str | None, bytes]
) -> None:
    """w3lib 2.6 reads UTF-32LE's mark as UTF-16LE's (as browsers do): the page lost its text."""
    assert byte_order_mark(start) == expected


def test_utf16_through_the_spider_callback() -> None:
    page = replica_page()
    expected = fields(callback_item(page.encode()))
    assert fields(callback_item(page.encode("utf-16-be"))) == expected
    assert fields(callback_item(page.encode("utf-16"), **{"Content-Type": "text/html"})) == expected
    charset = {"Content-Type": "text/html; charset=utf-16"}
    assert fields(callback_item(page.encode("utf-16"), **charset)) == expected


def test_a_leading_nul_byte_is_dropped_and_flagged() -> None:
    page = replica_page().encode()
    read = [
        (extract(b"\x00" + page, ITEM, LISTED), extract(page, ITEM, LISTED)),
        (callback_item(b"\x00\x00\n" + page), callback_item(page)),
    ]
    for item, clean in read:
        assert fields(item) == fields(clean)
        assert item.page_flags == [*clean.page_flags, "encoding_errors"]


def test_binary_with_nul_bytes_is_still_not_html() -> None:
    item = extract(b"\x00\x01\x02<html>\x00\x00\x00 binary", ITEM)
    assert "not_html" in item.page_flags
    assert item.body is None


# Every label Python's codec registry knows, document charsets or not (base64, rot13, idna…).
CODEC_LABELS = sorted(set(aliases) | set(aliases.values()))


@pytest.mark.parametrize("label", ["rot13", "base64", "zlib", "hex", "punycode", "idna"])
def test_a_charset_label_naming_no_charset_is_ignored(label: str) -> None:
    """w3lib resolves them (Python decodes bytes with them); no page is written in one."""
    page = replica_page()
    expected = fields(extract(page.encode(), ITEM, LISTED))
    assert fields(extract(page.encode(), ITEM, LISTED, encoding=label)) == expected
    in_page = page.replace("<head>", f'<head><meta charset="{label}">', 1)
    assert fields(extract(in_page.encode(), ITEM, LISTED)) == expected
    header = {"Content-Type": f"text/html; charset={label}"}
    assert fields(callback_item(page.encode(), **header)) == fields(callback_item(page.encode()))


def test_a_wide_charset_declared_for_8_bit_bytes_is_not_believed() -> None:
    page = replica_page()
    expected = fields(extract(page.encode(), ITEM, LISTED))
    assert fields(extract(page.encode(), ITEM, LISTED, encoding="utf-16")) == expected
    in_page = page.replace("<head>", '<head><meta charset="utf-16">', 1)
    assert fields(extract(in_page.encode(), ITEM, LISTED)) == expected


def test_every_codec_label_gives_a_row() -> None:
    body = replica_page().replace("<head>", '<head><meta charset="LABEL">', 1).encode()
    for label in CODEC_LABELS:
        item = extract(body.replace(b"LABEL", label.encode()), ITEM, LISTED, encoding=label)
        assert item.key == "en/99", label
        ListingPage(body, ITEM, encoding=label).entries()


def test_control_characters_below_the_depth_limit_do_not_stop_the_flattening() -> None:
    """Found by tests/test_unreadable_properties.py: lxml refuses them as an element's text."""
    item = extract(nested(1_000, "before\x1f\x08after").encode(), ITEM, LISTED)
    assert item.body is not None and "beforeafter" in item.body
    assert "too_deep" in item.page_flags
