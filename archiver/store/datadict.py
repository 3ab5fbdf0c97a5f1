"""The data dictionary (``docs/data.md``) rendered from the column registry, so they cannot drift.

Regenerate with ``python -m archiver.store.datadict > docs/data.md``; a test compares them.
"""

from __future__ import annotations

from archiver.columns import COLUMNS
from archiver.store.schema import (
    LEGACY_UNKNOWN_YEAR,
    SCHEMA_VERSION,
    UNKNOWN_YEAR,
    YEAR_DESCRIPTION,
)

HEADER = f"""# The archive's data dictionary (schema version {SCHEMA_VERSION})

Generated from the column registry, `archiver/columns.py`, by
`python -m archiver.store.datadict`; do not edit by hand. Every Parquet file carries these
descriptions as field metadata and the schema version as the file metadata key
`archiver.schema_version`.

## Layout

```
{{archive}}/articles/lang={{lang}}/{{year}}/part-{{crawl_id}}-{{seq}}.parquet
{{archive}}/warc/{{crawl_id}}-{{seq}}.warc.gz
{{archive}}/crawls/{{crawl_id}}.json
```

`lang` is the hive partition: it is in the directory name and not inside the files, so pandas,
polars, DuckDB and pyarrow read it from the path alike. `year` (the year of `published_date`)
is a column inside the files, null for items without a known date, and also names their
directory (`{UNKNOWN_YEAR}` for those). Archives of schema version 1 have `lang` inside the files
and the year only in the path (`year=2024`, `year={LEGACY_UNKNOWN_YEAR}`); `archiver.dataset`
reads both. One row per **version** of an item: the latest version of an item is its row with the
greatest `fetched_at` (`archiver.dataset.latest`).

## Columns

"filled by" names the layer that writes the column: `page` the page objects, from the page
alone (docs/extraction.md); `dates` the date normaliser, from the dates the page and its
listing print (docs/dates.md); `crawl` the spiders and pipelines (fetch facts, hashes, WARC
pointers, crawl id); `store` the archive writer, from `published_date`.

| column | type | null | filled by | description |
|---|---|---|---|---|
"""


def render() -> str:
    rows = [
        f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {c.layer} | {c.description} |"
        for c in COLUMNS
    ]
    partition = f"| `year` | int32 | yes | store | {YEAR_DESCRIPTION} |"  # the last column
    return HEADER + "\n".join([*rows, partition]) + "\n"


if __name__ == "__main__":
    print(render(), end="")
