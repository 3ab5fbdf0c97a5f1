"""Reading an archive (researchers: ``from archiver import dataset``): the dataset with its
documented types, and the latest version per item.

``open`` lists the part files itself and keeps only those whose Parquet footer reads, so a
reader never trips over a stray temporary or a damaged file (``archiver verify`` names those).
It also leaves out the files a compaction has replaced, so a compaction interrupted before it
deleted them never shows a row twice, and reads schema version 1's ``lang=…/year=…`` files
beside version 2's ``lang=…/YYYY`` ones as one dataset with one schema.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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


@contextmanager
def skipped_files() -> Iterator[list[str]]:
    """Collect what the readers in the block skip ("PATH: reason", once each) instead of
    warning: for commands that report it themselves. The list is filled when the block ends."""
    skipped: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield skipped
    for warning in caught:
        if issubclass(warning.category, UnreadablePartWarning):
            skipped.append(str(warning.message).removeprefix("skipping "))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    skipped[:] = dict.fromkeys(skipped)


def _skip(path: str | Path, problem: str) -> None:
    one_line = " ".join(problem.split())  # pyarrow's messages may run over several lines
    warnings.warn(f"skipping {path}: {one_line}", UnreadablePartWarning, stacklevel=3)


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
            _skip(path, problem)
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


def batches(
    root: str | Path,
    columns: Sequence[str] | None = None,
    filter: ds.Expression | None = None,
) -> Iterator[pa.RecordBatch]:
    """The rows of the archive, file by file, leaving out what a damaged file cannot give.

    A file whose footer reads may still hold damaged pages, found only when they are read: its
    rows from there on are skipped with an ``UnreadablePartWarning``, so a reader (``stats``,
    ``export``, the next crawl's view of what is archived) sees every sound row and is told
    what it missed, instead of failing on the first damaged page.
    """
    data = open(root)
    children = data.children if isinstance(data, ds.UnionDataset) else [data]
    for listed in (f for child in children for f in child.get_fragments()):
        # Scanned through a fragment of its own, dropped after it: the dataset's fragments
        # keep each file's footer once read, so a scan of every file grew with the files.
        fragment = listed.format.make_fragment(
            listed.path, listed.filesystem, partition_expression=listed.partition_expression
        )
        try:
            yield from fragment.to_batches(schema=data.schema, columns=columns, filter=filter)
        except (OSError, pa.ArrowException) as error:
            _skip(fragment.path, f"{type(error).__name__}: {error}")


def read(
    root: str | Path,
    columns: Sequence[str] | None = None,
    filter: ds.Expression | None = None,
    *,
    each: Callable[[pa.RecordBatch], pa.RecordBatch] | None = None,
) -> pa.Table:
    """``batches`` as one table (its columns in the order asked). ``each`` reduces every batch
    as it is read, so that what is only counted is never held whole (``health.with_filled``)."""
    schema = dataset_schema()
    wanted = pa.schema([schema.field(name) for name in columns or schema.names])
    if each is None:
        return pa.Table.from_batches(list(batches(root, columns, filter)), schema=wanted)
    reduced = [each(batch) for batch in batches(root, columns, filter)]
    if not reduced:
        reduced = [each(pa.RecordBatch.from_pylist([], schema=wanted))]
    return pa.Table.from_batches(reduced)


def latest(
    root: str | Path,
    columns: Sequence[str] | None = None,
    filter: ds.Expression | None = None,
    *,
    each: Callable[[pa.RecordBatch], pa.RecordBatch] | None = None,
) -> pa.Table:
    """One row per ``key``: its most recently fetched version (a later crawl wins a tie, so a
    re-extraction of the same capture supersedes the row it re-reads); ``each`` as ``read``'s."""
    wanted = list(columns) if columns is not None else dataset_schema().names
    needed = list(dict.fromkeys([*wanted, "key", "fetched_at", "crawl_id"]))
    table = latest_of(read(root, needed, filter, each=each))
    return table.drop_columns([name for name in needed if name not in wanted])


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
