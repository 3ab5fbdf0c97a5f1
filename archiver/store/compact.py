"""Merging small part files per partition (``archiver compact``), with the same rows.

A crawl writes a part file per batch, so a long history leaves many small files. Compaction
merges the small files of each ``lang=…/{year}`` directory into larger ones. Each merge is
recorded in ``crawls/compact-….json`` (a manifest with the merged file and the files it
replaces) *before* the merged file is published by its atomic rename; that rename is the
commit. From then on readers and ``verify`` leave the replaced files out, and they are deleted.
A crash before the rename leaves a record of a file that never appeared (harmless, dropped on
the next run); a crash after it leaves replaced files that nobody reads (deleted on the next
run). Compaction holds the archive's lock, so it never runs beside a crawl.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.dataset import part_files, readable
from archiver.store import lock
from archiver.store.atomic import (
    fsync_dir,
    remove_leftover_temporaries,
    write_atomically,
    write_json_atomically,
)
from archiver.store.layout import CRAWLS_DIR
from archiver.store.manifest import (
    Manifest,
    Replaced,
    new_crawl_id,
    read_manifest,
    replaced_files,
)
from archiver.store.schema import directory_year
from archiver.store.writer import PartFile, file_sha256

SMALL_BYTES = 32 << 20  # a part file smaller than this is worth merging
TARGET_BYTES = 128 << 20  # inputs of one merged file, at most (bounds memory too)


@dataclass(frozen=True)
class Result:
    compact_id: str | None  # None when there was nothing to merge
    written: int
    replaced: int
    rows: int
    leftovers_removed: int  # replaced files an interrupted compaction had not deleted yet


def finish_interrupted(root: Path) -> int:
    """Delete replaced files whose merged file was published; forget merges that never were."""
    done = replaced_files(root)
    removed = 0
    for path in sorted((root / CRAWLS_DIR).glob("compact-*.json")):
        record = read_manifest(path)
        kept = [entry for entry in record["replaced"] if entry["path"] in done]
        for entry in kept:
            if (root / entry["path"]).exists():
                (root / entry["path"]).unlink()
                removed += 1
        if len(kept) < len(record["replaced"]):
            committed = {entry["by"] for entry in kept}
            record["replaced"] = kept
            record["files"] = [f for f in record["files"] if f["path"] in committed]
            record["rows"] = sum(f["rows"] for f in record["files"])
            write_json_atomically(path, record)
    return removed


def groups(root: Path, small_bytes: int, target_bytes: int) -> list[list[Path]]:
    """Runs of small, readable part files of one partition, each up to ``target_bytes``."""
    by_partition: dict[Path, list[Path]] = {}
    for path in part_files(root):
        if path.stat().st_size < small_bytes and readable(path) is None:
            by_partition.setdefault(path.parent, []).append(path)
    found = []
    for files in by_partition.values():
        group: list[Path] = []
        size = 0
        for path in files:
            if group and size + path.stat().st_size > target_bytes:
                found.append(group)
                group, size = [], 0
            group.append(path)
            size += path.stat().st_size
        found.append(group)
    return [group for group in found if len(group) > 1]


def merge(root: Path, manifest: Manifest, files: list[Path], sequence: int) -> int:
    """Merge ``files`` (one partition) into one file, record it, publish it, delete them;
    returns the number of rows."""
    partition = files[0].parent
    relative = str(
        (partition / f"part-{manifest.crawl_id}-{sequence:05d}.parquet").relative_to(root)
    )
    table = pa.concat_tables(pq.ParquetFile(path).read() for path in files)
    lang = partition.parent.name.split("=", 1)[1]
    year = directory_year(partition.name)
    replaced = [Replaced(str(p.relative_to(root)), file_sha256(p), relative) for p in files]

    def write(tmp: Path) -> None:
        pq.write_table(table, tmp, compression="zstd")
        # Recorded before the rename that publishes it: the record always knows the merge.
        part = PartFile(relative, table.num_rows, file_sha256(tmp), lang, year)
        manifest.add_merged(part, replaced)

    write_atomically(root / relative, write)
    delete_replaced(files)
    return int(table.num_rows)


def delete_replaced(files: list[Path]) -> None:
    for path in files:
        path.unlink()
    fsync_dir(files[0].parent)


def compact(
    root: Path, *, small_bytes: int = SMALL_BYTES, target_bytes: int = TARGET_BYTES
) -> Result:
    """Raises ``ArchiveLocked`` when a crawl (or another compaction) writes ``root``."""
    lock.acquire(root)
    try:
        remove_leftover_temporaries(root)
        leftovers = finish_interrupted(root)
        todo = groups(root, small_bytes, target_bytes)
        if not todo:
            return Result(None, 0, 0, 0, leftovers)
        options = {"small_bytes": small_bytes, "target_bytes": target_bytes}
        manifest = Manifest(root, f"compact-{new_crawl_id()}", options=options)
        rows = sum(merge(root, manifest, files, n) for n, files in enumerate(todo, 1))
        replaced = sum(len(files) for files in todo)
        stats = {"files_written": len(todo), "files_replaced": replaced, "rows": rows}
        manifest.finish("finished", stats)
        return Result(manifest.crawl_id, len(todo), replaced, rows, leftovers)
    finally:
        lock.release(root)
