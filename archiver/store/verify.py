"""Integrity check of an archive directory: what ``archiver verify`` and the demo run.

Every part file and WARC file is checked against the SHA-256 and size its crawl manifest lists;
every WARC record is inflated and checked against its own digests (``warccheck``); every row's
WARC pointer must land on a sound response record. A file whose crawl has no manifest is a
problem: nothing vouches for it.

Problems make the archive fail verification; notes are facts worth a look that do not (a file
committed in the instant before its run was killed is complete but missing from the run's
manifest; what an interrupted compaction left, which readers ignore and the next
``archiver compact`` clears). An archive a crawl is writing is not checked at all: its files
are half-written by design, so the report says only that it is running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.dataset import part_files, readable
from archiver.store import lock
from archiver.store.atomic import leftover_temporaries
from archiver.store.errors import UnreadableManifest
from archiver.store.layout import CRAWLS_DIR, WARC_DIR, crawl_of
from archiver.store.manifest import (
    merged_by,
    read_manifest,
    replaced_among,
    warcs_before_listing,
)
from archiver.store.schema import LEGACY_VERSION, SCHEMA_VERSION, file_schema
from archiver.store.warc import OPEN_SUFFIX
from archiver.store.warccheck import check_warc
from archiver.store.writer import file_sha256

_COMPACTION_TEMPORARY = ".part-compact-"


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0
    rows: int = 0
    warc_files: int = 0
    warc_records: int = 0
    running: str | None = None  # the process id of the crawl writing the archive

    @property
    def ok(self) -> bool:
        return not self.problems and self.running is None


@dataclass(frozen=True)
class Listed:
    sha256: str
    bytes: int | None  # None for part files (their manifest entry gives rows, not size)


def _manifests(
    root: Path, report: Report
) -> tuple[dict[str, Listed], set[str], list[dict[str, Any]]]:
    """Every file the manifests list, the crawl ids that have a manifest, and the manifests
    that could be read (a damaged one is a problem, and the check goes on without it)."""
    listed: dict[str, Listed] = {}
    crawls: set[str] = set()
    readable: list[dict[str, Any]] = []
    for path in sorted((root / CRAWLS_DIR).glob("*.json")):
        crawls.add(path.stem)
        try:
            manifest = read_manifest(path)
            for entry in manifest["files"]:
                listed[entry["path"]] = Listed(entry["sha256"], None)
            for entry in manifest.get("warc_files", []):
                listed[entry["path"]] = Listed(entry["sha256"], entry["bytes"])
        except UnreadableManifest as error:
            report.problems.append(error.problem)
        except (KeyError, TypeError) as error:
            report.problems.append(UnreadableManifest(path, f"{error!r} missing or wrong").problem)
        else:
            readable.append(manifest)
    return listed, crawls, readable


def _check_listed(
    relative: str, path: Path, listed: dict[str, Listed], crawls: set[str], report: Report
) -> bool:
    """Whether ``path`` is what its manifest lists (a note when it is complete but unlisted,
    a problem when no manifest of its crawl exists)."""
    entry = listed.get(relative)
    if entry is None:
        crawl = crawl_of(path.name)
        if crawl in crawls:
            report.notes.append(f"{relative}: not listed in its crawl manifest")
        else:
            report.problems.append(
                f"{relative}: its crawl manifest {CRAWLS_DIR}/{crawl}.json is missing"
            )
        return True
    if entry.bytes is not None and path.stat().st_size != entry.bytes:
        report.problems.append(
            f"{relative}: {path.stat().st_size} bytes, its crawl manifest says {entry.bytes}"
        )
        return False
    if file_sha256(path) != entry.sha256:
        report.problems.append(f"{relative}: SHA-256 differs from its crawl manifest")
        return False
    return True


def _check_warc_files(
    root: Path, listed: dict[str, Listed], crawls: set[str], report: Report
) -> dict[str, set[tuple[int, int]]]:
    """Check every published WARC file; returns each one's sound response records."""
    records: dict[str, set[tuple[int, int]]] = {}
    for path in sorted((root / WARC_DIR).glob(f".*{OPEN_SUFFIX}")):
        report.notes.append(
            f"{path.relative_to(root)}: left open by an interrupted crawl; "
            "the next crawl cuts it to its last whole record and publishes it"
        )
    before_listing = set(warcs_before_listing(root))
    for path in sorted((root / WARC_DIR).glob("*.warc.gz")):
        relative = str(path.relative_to(root))
        report.warc_files += 1
        if path not in before_listing:
            _check_listed(relative, path, listed, crawls, report)
        check = check_warc(path)
        report.warc_records += check.records
        report.problems.extend(f"{relative}: {problem}" for problem in check.problems)
        records[relative] = check.responses
    if before_listing:  # one line for them all: an archive older than the listing has many
        report.notes.append(
            f"{len(before_listing)} WARC file(s) of crawls whose manifests predate the listing "
            "of WARC files: their records' digests were checked, not their SHA-256 and size; "
            "the next `archiver crawl` into this archive lists them"
        )
    return records


def _check_warc_pointers(
    relative: str, table: pa.Table, records: dict[str, set[tuple[int, int]]], report: Report
) -> None:
    """Each row's WARC pointer must be a sound response record of a published WARC file (a
    torn file that was cut back on recovery must still hold every record a committed row
    points to)."""
    for row in table.select(["key", "warc_file", "warc_offset", "warc_length"]).to_pylist():
        if row["warc_file"] is None:
            continue
        place = (row["warc_offset"], row["warc_length"])
        if place not in records.get(row["warc_file"], set()):
            report.problems.append(
                f"{relative}: {row['key']} points to a WARC record that is not there "
                f"({row['warc_file']} at {row['warc_offset']})"
            )


VERSION_COLUMNS = ("key", "fetched_at", "crawl_id", "content_sha256")
WARC_COLUMNS = ("warc_file", "warc_offset", "warc_length")


def verify(root: Path) -> Report:
    report = Report()
    if not (root / CRAWLS_DIR).is_dir() and not part_files(root):
        report.problems.append(f"{root}: no crawl manifests and no part files: not an archive")
        return report
    report.running = lock.holder(root)
    if report.running is not None:
        return report
    for tmp in leftover_temporaries(root):
        if tmp.name.startswith(_COMPACTION_TEMPORARY):
            report.notes.append(
                f"{tmp}: temporary file of an interrupted compaction, never read; "
                "the next crawl or `archiver compact` removes it"
            )
        else:
            report.problems.append(f"{tmp}: temporary file of an interrupted write")
    expected, crawls, manifests = _manifests(root, report)
    records = _check_warc_files(root, expected, crawls, report)
    replacements = merged_by(manifests)
    replaced = replaced_among(replacements, lambda relative: (root / relative).exists())
    merged = set(replacements.values())
    wanted_schemas = {str(v): file_schema(v) for v in (SCHEMA_VERSION, LEGACY_VERSION)}
    versions: list[tuple[str, datetime, str, str]] = []  # key, fetched_at, crawl_id, hash
    for path in part_files(root):
        relative = str(path.relative_to(root))
        if relative in replaced:
            report.notes.append(
                f"{relative}: replaced by a compaction that was interrupted before deleting it"
            )
            continue
        report.files += 1
        problem = readable(path)
        if problem is not None:
            report.problems.append(f"{relative}: not a readable Parquet file ({problem})")
            continue
        if not _check_listed(relative, path, expected, crawls, report):
            continue
        try:
            table = pq.read_table(path, columns=[*VERSION_COLUMNS, *WARC_COLUMNS])
        except (OSError, pa.ArrowException) as error:
            report.problems.append(f"{relative}: rows cannot be read ({error})")
            continue
        schema = pq.read_schema(path)
        version = (schema.metadata or {}).get(b"archiver.schema_version", b"").decode()
        if version not in wanted_schemas or not schema.equals(wanted_schemas[version]):
            report.problems.append(
                f"{relative}: schema differs from schema version {SCHEMA_VERSION}"
            )
        report.rows += table.num_rows
        versions.extend(zip(*(table.column(c).to_pylist() for c in VERSION_COLUMNS), strict=True))
        _check_warc_pointers(relative, table, records, report)
    for listed in expected:
        if (root / listed).exists() or listed in replaced:
            continue
        if listed in merged:
            report.notes.append(
                f"{listed}: merged file of an interrupted compaction, never published"
            )
        else:
            report.problems.append(f"{listed}: listed in a crawl manifest but missing")
    duplicated = repeated_versions(versions)
    if duplicated:
        sample = ", ".join(duplicated[:5])
        report.problems.append(
            f"{len(duplicated)} item version(s) stored more than once (e.g. {sample})"
        )
    return report


def repeated_versions(versions: list[tuple[str, datetime, str, str]]) -> list[str]:
    """Keys with a version that repeats the one before it (in fetch order).

    A version is a change: content A, then B, then A again is three honest versions (a
    correction reverted, say), but A twice in a row is a row the writer should never have added.
    """
    repeated: list[str] = []
    previous: tuple[str, str] | None = None
    for key, _, _, digest in sorted(versions):
        if previous == (key, digest) and (not repeated or repeated[-1] != key):
            repeated.append(key)
        previous = (key, digest)
    return repeated
