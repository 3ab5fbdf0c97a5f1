"""The item's fields and the file schema's columns are one list: a mismatch fails loudly."""

from __future__ import annotations

import pytest

from archiver.item import RECORD_FIELDS, ArchiveItem
from archiver.replica import Replica
from archiver.store.schema import COLUMN_NAMES, PAGE_COLUMNS, ColumnMismatch, check_columns, to_row


def _record() -> dict[str, object]:
    return ArchiveItem(key="en/1", lang="en", item_id=1, url="https://x/en/1").to_record()


def test_item_fields_are_the_schema_columns() -> None:
    assert sorted(f.name for f in RECORD_FIELDS) == sorted(COLUMN_NAMES)


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


def test_a_dataclass_without_a_schema_column_fails() -> None:
    names = [name for name in COLUMN_NAMES if name != "warc_file"]
    with pytest.raises(ColumnMismatch, match=r"ArchiveItem does not match .*'warc_file'"):
        check_columns(names, "archiver.item.ArchiveItem")


def test_the_replica_truth_names_only_schema_columns() -> None:
    site = Replica(3, 7, ("en",))
    extra = {"listing_datetime"}  # the listing's printed date, not a column
    for item_id in site.item_ids("en"):
        keys = set(site.truth("en", item_id)) - extra
        assert keys <= set(COLUMN_NAMES), keys - set(COLUMN_NAMES)
        assert set(PAGE_COLUMNS) - {"fetched_url", "page_flags", "parser_version"} <= keys
