"""Integrity check of an archive directory: what ``archiver verify`` and the demo run.

Problems make the archive fail verification; notes are facts worth a look that do not (a part
file committed in the instant before its run was killed is complete but missing from the
run's manifest; what an interrupted compaction left, which readers ignore and the next
``archiver compact`` clears).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.dataset import part_files, readable
from archiver.store.atomic import leftover_temporaries
from archiver.store.layout import CRAWLS_DIR
from archiver.store.manifest import replaced_files, replacements
from archiver.store.schema import LEGACY_VERSION, SCHEMA_VERSION, file_schema
from archiver.store.writer import file_sha256


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _manifest_hashes(root: Path, report: Report) -> dict[str, str]:
    hashes: dict[str, str] = {}
    for path in sorted((root / CRAWLS_DIR).glob("*.json")):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            for entry in manifest["files"]:
                hashes[entry["path"]] = entry["sha256"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            report.problems.append(f"{path}: unreadable manifest ({error})")
    return hashes


def _check_warc_pointers(root: Path, relative: str, table: pa.Table, report: Report) -> None:
    """Each row's WARC record must lie inside a published WARC file (a torn file that was cut
    back on recovery must still hold every record a committed row points to)."""
    sizes: dict[str, int | None] = {}
    for row in table.select(["key", "warc_file", "warc_offset", "warc_length"]).to_pylist():
        if row["warc_file"] is None:
            continue
        if row["warc_file"] not in sizes:
            warc = root / row["warc_file"]
            sizes[row["warc_file"]] = warc.stat().st_size if warc.is_file() else None
        size = sizes[row["warc_file"]]
        if size is None or row["warc_offset"] + row["warc_length"] > size:
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
    for tmp in leftover_temporaries(root):
        report.problems.append(f"{tmp}: temporary file of an interrupted write")
    expected = _manifest_hashes(root, report)
    replaced = replaced_files(root)
    merged = set(replacements(root).values())
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
        if relative not in expected:
            report.notes.append(f"{relative}: not listed in any crawl manifest")
        elif file_sha256(path) != expected[relative]:
            report.problems.append(f"{relative}: SHA-256 differs from its crawl manifest")
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
        _check_warc_pointers(root, relative, table, report)
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
