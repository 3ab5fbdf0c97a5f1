"""``@field`` page objects (archiver/pages/fields.py): one field per page column of the registry,
checked when a class is defined, computed once per page, gathered by ``to_item``."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pytest

from archiver.columns import PAGE, PAGE_COLUMNS, ColumnMismatch, column, columns_of, names
from archiver.item import ArchiveItem
from archiver.pages import GavickPage, ItemPage, K2SitePage, K2StockPage, PrintPage, page_for
from archiver.pages.document import parse_document
from archiver.pages.fields import cached_field, field, field_names

URL = "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33/articles/analysis/7.html"
PAGE_HTML = b"""<html><head><title>Two Paragraphs</title></head><body>
<div id="k2Container" class="itemView"><div class="itemBody"><div class="itemFullText">
<p>One two three.</p><p>Four five.</p></div></div></div></body></html>"""


@pytest.mark.parametrize("page", [ItemPage, K2SitePage, K2StockPage, PrintPage, GavickPage])
def test_every_layout_has_one_field_per_page_column(page: type[ItemPage]) -> None:
    assert sorted(field_names(page)) == sorted(PAGE_COLUMNS)


def test_the_fields_are_gathered_in_the_registrys_order() -> None:
    page = page_for(parse_document(PAGE_HTML).selector, URL)
    fields = page.fields()
    assert list(fields) == list(PAGE_COLUMNS)
    assert (fields["key"], fields["url"], fields["fetched_url"]) == ("en/7", URL, URL)
    assert (fields["title"], fields["body"]) == ("Two Paragraphs", "One two three.\n\nFour five.")
    assert (fields["layout"], fields["kind"], fields["page_flags"]) == ("k2_site", "article", [])


def test_a_page_column_without_a_field_fails_when_the_class_is_defined() -> None:
    with pytest.raises(ColumnMismatch, match=r"NoBody does not match .*missing \['body'\]"):

        class NoBody(K2SitePage):
            def body(self) -> str | None:  # type: ignore[override]  # hides the field
                return None


def test_a_field_without_a_column_fails_when_the_class_is_defined() -> None:
    with pytest.raises(ColumnMismatch, match=r"missing \[\], extra \['colour'\]"):

        class Coloured(K2SitePage):
            @field
            def colour(self) -> str:
                return "red"


def test_a_field_is_computed_once_however_many_fields_read_it() -> None:
    calls: list[str] = []

    class Counting(K2SitePage):
        @cached_field
        def title(self) -> str | None:  # kind, subtitle and page_flags read it too
            calls.append("title")
            return "Two Paragraphs"

    page = Counting(parse_document(PAGE_HTML).selector, URL)
    item = page.to_item()
    assert (item.title, item.kind, item.page_flags, calls) == (
        "Two Paragraphs",
        "article",
        [],
        ["title"],
    )


# Adding a column: one line in the registry (here a test-local record) and one @field method.
@dataclass
class CountedItem(ArchiveItem):
    word_count: int | None = column(pa.int64(), PAGE, "Words in the body.")


class CountedPage(K2SitePage):
    record = CountedItem

    @field
    def word_count(self) -> int | None:
        return len(self.body.split()) if self.body is not None else None


def test_a_new_column_is_one_registry_line_and_one_field() -> None:
    assert columns_of(CountedItem)[-1].name == "word_count"
    assert names(PAGE, record=CountedItem) == (*PAGE_COLUMNS, "word_count")
    item = CountedPage(parse_document(PAGE_HTML).selector, URL).to_item()
    assert isinstance(item, CountedItem)
    assert (item.word_count, item.body, item.key) == (5, "One two three.\n\nFour five.", "en/7")


def test_a_new_column_without_its_field_fails() -> None:
    with pytest.raises(ColumnMismatch, match=r"missing \['word_count'\], extra \[\]"):

        class Forgot(K2SitePage):
            record = CountedItem
