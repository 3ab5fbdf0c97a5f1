"""One column registry (archiver/columns.py): the item, the file schema and the layers derive
from it, and a list of columns that disagrees with it fails loudly."""

from __future__ import annotations

import dataclasses

import pytest

from archiver.columns import (
    COLUMN_NAMES,
    DATE_COLUMNS,
    PAGE_COLUMNS,
    ColumnMismatch,
    check_columns,
    names,
)
from archiver.dates.result import DateResult
from archiver.item import ArchiveItem
from archiver.replica import Replica, truth
from archiver.store.schema import file_schema, to_row


def _record() -> dict[str, object]:
    return ArchiveItem(key="en/1", lang="en", item_id=1, url="https://x/en/1").to_record()


def test_the_item_is_every_column_in_file_order_then_its_date_candidates() -> None:
    fields = [f.name for f in dataclasses.fields(ArchiveItem)]
    assert fields == [*COLUMN_NAMES, "date_candidates"]
    assert file_schema(1).names == list(COLUMN_NAMES)


def test_the_layers_split_the_columns() -> None:
    assert len(PAGE_COLUMNS) == 25
    assert DATE_COLUMNS == (
        "published_date", "published_at", "published_hijri", "hijri_offset_days", "date_source",
        "date_status", "date_conflict", "date_raw", "page_header_date",
    )  # fmt: skip
    assert names("crawl") == (
        "fetched_at", "http_status", "content_sha256", "html_sha256", "warc_file", "warc_offset",
        "warc_length", "crawl_id",
    )  # fmt: skip
    assert sorted([*PAGE_COLUMNS, *DATE_COLUMNS, *names("crawl")]) == sorted(COLUMN_NAMES)


def test_the_date_layer_is_what_the_date_normaliser_sets() -> None:
    result = [f.name for f in dataclasses.fields(DateResult)]
    assert [*result, "page_header_date"] == list(DATE_COLUMNS)


def test_item_defaults_are_the_columns_defaults() -> None:
    record = _record()
    assert record["kind"] == "other"
    assert record["date_status"] == "missing"
    assert record["tags"] == [] and record["tags"] is not _record()["tags"]
    with pytest.raises(TypeError, match="url"):
        ArchiveItem(key="en/1", lang="en", item_id=1)


def test_to_row_keeps_the_schema_order() -> None:
    assert list(to_row(_record())) == list(COLUMN_NAMES)


def test_a_record_missing_a_column_fails_naming_it() -> None:
    record = _record()
    del record["subtitle"]
    with pytest.raises(ColumnMismatch, match=r"missing \['subtitle'\], extra \[\]"):
        to_row(record)


def test_a_record_with_an_unknown_column_fails_naming_it() -> None:
    with pytest.raises(ColumnMismatch, match=r"missing \[\], extra \['colour'\]"):
        to_row({**_record(), "colour": "red"})


def test_a_list_without_a_column_fails() -> None:
    names = [name for name in COLUMN_NAMES if name != "warc_file"]
    with pytest.raises(ColumnMismatch, match=r"ArchiveItem does not match .*'warc_file'"):
        check_columns(names, "archiver.item.ArchiveItem")


def test_the_replica_truth_is_every_page_and_date_column_but_the_unmodelled() -> None:
    site = Replica(3, 7, ("en",))
    unmodelled = {"fetched_url", "page_flags", "parser_version", "date_raw", "page_header_date"}
    assert set(truth.TRUTH_COLUMNS) == {*PAGE_COLUMNS, *DATE_COLUMNS} - unmodelled
    for item_id in site.item_ids("en"):
        assert set(site.truth("en", item_id)) == {*truth.TRUTH_COLUMNS, "listing_datetime"}


def test_a_registry_column_the_truth_lacks_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(truth, "TRUTH_KEYS", (*truth.TRUTH_KEYS, "word_count"))
    site = Replica(3, 7, ("en",))
    with pytest.raises(ColumnMismatch, match=r"replica's truth .*missing \['word_count'\]"):
        site.truth("en", site.item_ids("en")[0])
