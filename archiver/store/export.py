"""Exporting an archive to JSON Lines or CSV.

Every version is streamed batch by batch, so memory stays flat whatever the archive's size.
``latest_only`` must compare an item's versions before it can write one, so it holds one language
section's rows at a time (every version of an item has the item's key, hence its language):
memory grows with the largest section, not with the whole archive.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow.compute as pc

from archiver.jsonable import jsonable
from archiver.store.reader import batches, latest, read
from archiver.store.schema import dataset_schema

FORMATS = ("jsonl", "csv")


def _rows(root: Path, latest_only: bool) -> Iterator[dict[str, Any]]:
    if not latest_only:
        for batch in batches(root):
            yield from batch.to_pylist()
        return
    langs = pc.unique(read(root, ["lang"]).column("lang"))
    for lang in sorted(langs.to_pylist()):
        for batch in latest(root, filter=pc.field("lang") == lang).to_batches():
            yield from batch.to_pylist()


def export(root: Path, out: TextIO, fmt: str, latest_only: bool = False) -> int:
    """Write every row (or each item's latest version); returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    names = dataset_schema().names
    writer = csv.DictWriter(out, fieldnames=names) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    count = 0
    for row in _rows(root, latest_only):
        plain = {name: jsonable(row[name]) for name in names}
        if writer is not None:
            # Lists become JSON arrays inside their cell; null becomes an empty cell.
            writer.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                    for k, v in plain.items()
                }
            )
        else:
            out.write(json.dumps(plain, ensure_ascii=False) + "\n")
        count += 1
    return count
