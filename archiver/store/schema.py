"""The Parquet schema of the archive, built from the column registry (``archiver.columns``).

The files carry it with the descriptions as field metadata and the schema version in the file
metadata; ``docs/data.md`` is generated from the same registry by ``archiver.store.datadict``.
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

from typing import Any

import pyarrow as pa

from archiver.columns import COLUMN_NAMES, COLUMNS, check_columns

SCHEMA_VERSION = 2
UNKNOWN_YEAR = "unknown"  # the directory of the rows whose year is null
# Version 1: articles/lang=XX/year=YYYY/, lang in the files, year only in the path.
LEGACY_VERSION = 1
LEGACY_UNKNOWN_YEAR = "__HIVE_DEFAULT_PARTITION__"  # read back as a null year by every reader

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


def to_row(record: dict[str, Any]) -> dict[str, Any]:
    """Exactly the schema's columns of a record, in the schema's order; a record with a column
    too many or too few is a programming error, never silently filled or dropped."""
    check_columns(record, "the record")
    return {name: record[name] for name in COLUMN_NAMES}
