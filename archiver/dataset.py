"""Reading an archive: the dataset with its documented types, and the latest version per item.

``open`` lists the part files itself and keeps only those whose Parquet footer reads, so a
reader never trips over a stray temporary or a damaged file (``archiver verify`` names those).
It also leaves out the files a compaction has replaced, so a compaction interrupted before it
deleted them never shows a row twice, and reads schema version 1's ``lang=…/year=…`` files
beside version 2's ``lang=…/YYYY`` ones as one dataset with one schema.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from archiver.store import remote
from archiver.store.layout import ARTICLES_DIR
from archiver.store.manifest import replaced_files
from archiver.store.schema import LEGACY_PARTITION_SCHEMA, PARTITION_SCHEMA, dataset_schema


class UnreadablePartWarning(UserWarning):
    """A part file was skipped because its footer could not be read."""


def part_files(root: Path) -> list[Path]:
    """Every published part file (temporaries start with a dot and are never listed)."""
    base = Path(root) / ARTICLES_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.parquet") if not p.name.startswith((".", "_")))


def readable(path: Path) -> str | None:
    """None when the file's footer reads, else the reason it does not."""
    try:
        pq.read_metadata(path)
    except (OSError, pa.ArrowException) as error:
        return f"{type(error).__name__}: {error}"
    return None


def open(root: str | Path) -> ds.Dataset:
    """The archive as a ``pyarrow.dataset.Dataset`` (hive partition ``lang``).

    ``root`` may be ``s3://bucket/prefix`` (``archiver.store.remote``): the part files its
    manifests name are read from the object store directly.
    """
    if remote.is_remote(root):
        archive = remote.RemoteArchive.parse(str(root))
        files = [archive.key(relative) for relative in archive.committed_parts()]
        return _dataset(files, archive.key(ARTICLES_DIR), archive.fs)
    root = Path(root)
    replaced = replaced_files(root)
    files = []
    for path in part_files(root):
        if str(path.relative_to(root)) in replaced:
            continue
        problem = readable(path)
        if problem is None:
            files.append(str(path))
        else:
            warnings.warn(f"skipping {path}: {problem}", UnreadablePartWarning, stacklevel=2)
    return _dataset(files, str(root / ARTICLES_DIR), None)


def _dataset(files: list[str], base_dir: str, filesystem: Any) -> ds.Dataset:
    """One dataset of schema version 2's ``lang=…/YYYY`` files and version 1's ``year=…``."""
    current: list[str] = []
    legacy: list[str] = []  # schema version 1: the year in a year=… directory name
    for name in files:
        (legacy if PurePosixPath(name).parent.name.startswith("year=") else current).append(name)
    parts = [
        ds.dataset(
            files,
            schema=dataset_schema(),
            format="parquet",
            filesystem=filesystem,
            partitioning=ds.partitioning(partitions, flavor="hive"),
            partition_base_dir=base_dir,
        )
        for files, partitions in ((current, PARTITION_SCHEMA), (legacy, LEGACY_PARTITION_SCHEMA))
        if files or partitions is PARTITION_SCHEMA
    ]
    return parts[0] if len(parts) == 1 else ds.dataset(parts)


def latest(
    root: str | Path,
    columns: Sequence[str] | None = None,
    filter: ds.Expression | None = None,
) -> pa.Table:
    """One row per ``key``: its most recently fetched version (a later crawl wins a tie, so a
    re-extraction of the same capture supersedes the row it re-reads)."""
    wanted = list(columns) if columns is not None else dataset_schema().names
    needed = list(dict.fromkeys([*wanted, "key", "fetched_at", "crawl_id"]))
    table = open(root).to_table(columns=needed, filter=filter)
    return latest_of(table).select(wanted)


def latest_of(table: pa.Table) -> pa.Table:
    """Keep each key's newest row of a table holding ``key``, ``fetched_at`` and ``crawl_id``."""
    if table.num_rows == 0:
        return table
    order = [("key", "ascending"), ("fetched_at", "descending"), ("crawl_id", "descending")]
    table = table.sort_by(order)
    keys = table.column("key").combine_chunks()
    first = pc.not_equal(keys.slice(1), keys.slice(0, len(keys) - 1))
    mask = pa.concat_arrays([pa.array([True]), first])
    return table.filter(mask)


def latest_hashes(root: str | Path) -> dict[str, str]:
    """Each key's current content hash: what an incremental crawl compares against."""
    table = latest(root, columns=["key", "content_sha256"])
    keys = table.column("key").to_pylist()
    return dict(zip(keys, table.column("content_sha256").to_pylist(), strict=True))
