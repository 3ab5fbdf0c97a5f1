"""Buffered, partitioned, atomic Parquet writing.

Rows are buffered per ``lang=…/{year}`` directory and written as one part file per batch, so
memory stays bounded by the batch limits however long the crawl. Every part file appears only
when complete (``archiver.store.atomic``) and is named by crawl id and sequence number, so two
crawls (or two writers of one crawl) never collide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.store.atomic import write_atomically
from archiver.store.layout import ARTICLES_DIR
from archiver.store.schema import file_schema, partition_dir


@dataclass(frozen=True)
class PartFile:
    path: str  # relative to the archive root
    rows: int
    sha256: str
    lang: str
    year: int | None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _row_bytes(row: dict[str, Any]) -> int:
    """A cheap estimate of a row's size: the text it holds dominates."""
    return sum(len(v) for v in row.values() if isinstance(v, str)) + 256


class PartitionedWriter:
    def __init__(
        self,
        root: Path,
        crawl_id: str,
        *,
        batch_rows: int = 200,
        batch_bytes: int = 32 << 20,
        on_commit: Callable[[PartFile], None] | None = None,
        sequence: tuple[int, int] = (1, 1),
    ) -> None:
        """``sequence``: the first part file's number and the step to the next, so that the
        writers of one crawl id (re-extraction's workers) each name files of their own."""
        self.root = root
        self.crawl_id = crawl_id
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.on_commit = on_commit
        self.schema = file_schema()
        self._buffers: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
        self._partition_bytes: dict[tuple[str, int | None], int] = {}
        self._buffered_rows = 0
        self._buffered_bytes = 0
        first, self._step = sequence
        self._sequence = first - self._step

    def write(self, row: dict[str, Any], year: int | None) -> None:
        partition = (row["lang"], year)
        self._buffers.setdefault(partition, []).append(row)
        size = _row_bytes(row)
        self._partition_bytes[partition] = self._partition_bytes.get(partition, 0) + size
        self._buffered_rows += 1
        self._buffered_bytes += size
        if len(self._buffers[partition]) >= self.batch_rows:
            self._flush(partition)
        # Many partitions each holding a remainder must not add up past the limits either.
        while (
            self._buffered_rows >= 4 * self.batch_rows or self._buffered_bytes >= self.batch_bytes
        ):
            self._flush(max(self._buffers, key=lambda p: len(self._buffers[p])))

    def close(self) -> None:
        for partition in sorted(self._buffers, key=str):
            self._flush(partition)

    def _flush(self, partition: tuple[str, int | None]) -> None:
        rows = self._buffers.pop(partition, [])
        if not rows:
            return
        self._buffered_rows -= len(rows)
        self._buffered_bytes -= self._partition_bytes.pop(partition)
        lang, year = partition
        self._sequence += self._step
        relative = (
            Path(ARTICLES_DIR)
            / partition_dir(lang, year)
            / f"part-{self.crawl_id}-{self._sequence:05d}.parquet"
        )
        # lang is the partition, not a file column; year is a file column (schema version 2).
        table = pa.Table.from_pylist([{**r, "year": year} for r in rows], schema=self.schema)
        write_atomically(
            self.root / relative,
            lambda tmp: pq.write_table(table, tmp, compression="zstd"),
        )
        part = PartFile(str(relative), len(rows), file_sha256(self.root / relative), lang, year)
        if self.on_commit is not None:
            self.on_commit(part)
