"""The numbers of an archive, as one JSON-ready dict: what ``archiver stats --json`` prints, what
``archiver report`` draws and what the archive's own README.md card states.

All three read this one function, so a figure in the report is by construction the figure the
stats give. Item figures are over the latest view (one row per key); crawl figures are over the
crawl manifests and every version.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from archiver import dataset
from archiver.health import FIELD_DUE, FieldCounts, with_filled
from archiver.store.layout import WARC_DIR
from archiver.store.manifest import read_manifests, replaced_files

FIGURES_VERSION = 1
FAILURES_SHOWN = 50  # the newest failures listed in full; the totals count all of them
COMPACTION_PREFIX = "compact-"
UNKNOWN = "unknown"  # the month, kind or date source of an item that has none


def archive_figures(root: Path) -> dict[str, Any]:
    """Everything ``stats --json`` reports about the archive at ``root``."""
    manifests = [manifest for _, manifest in read_manifests(root)]
    crawls = [m for m in manifests if not m["crawl_id"].startswith(COMPACTION_PREFIX)]
    columns = ["key", "lang", "kind", "date_status", "date_source", "date_conflict",
               "fetched_at", "crawl_id", *FIELD_DUE]  # fmt: skip
    with dataset.skipped_files() as damaged:  # left out of every figure, and named
        versions = dataset.read(root, columns, each=with_filled)
    latest = dataset.latest_of(versions)
    revisions = _revisions(versions)
    failures = [
        {"crawl_id": m["crawl_id"], "started_at": m["started_at"], **f}
        for m in crawls
        for f in m["failures"]
    ]
    return {
        "figures_version": FIGURES_VERSION,
        "size": _size(root, versions.num_rows, latest.num_rows, len(crawls)),
        "period": _period(latest),
        "langs": sorted(set(latest.column("lang").to_pylist())),
        "items_per_month": _counts(latest, ["lang", "month"], month=True),
        "kinds": _counts(latest, ["lang", "kind"]),
        "coverage": _coverage(latest),
        "date_status": _counts(latest, ["lang", "date_status"]),
        "date_source": _counts(latest, ["lang", "date_source"]),
        "date_conflict": _counts(latest, ["lang", "date_conflict"]),
        "crawls": [_crawl(m, revisions) for m in crawls],
        "failures_total": len(failures),
        "failures_by_reason": _tally(f["reason"] for f in failures),
        "failures_latest": list(reversed(failures))[:FAILURES_SHOWN],
        "damaged_files": damaged,
    }


def _size(root: Path, rows: int, items: int, crawls: int) -> dict[str, int]:
    replaced = replaced_files(root)
    parts = [p for p in dataset.part_files(root) if str(p.relative_to(root)) not in replaced]
    warcs = sorted((root / WARC_DIR).glob("*.warc.gz"))
    return {
        "rows": rows,
        "items": items,
        "crawls": crawls,
        "parquet_files": len(parts),
        "parquet_bytes": sum(p.stat().st_size for p in parts),
        "warc_files": len(warcs),
        "warc_bytes": sum(p.stat().st_size for p in warcs),
    }


def _period(latest: pa.Table) -> dict[str, Any]:
    dates = latest.column("published_date")
    first, last = pc.min(dates).as_py(), pc.max(dates).as_py()
    return {
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "undated": dates.null_count,
    }


def _tally(values: Any) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _counts(table: pa.Table, names: list[str], *, month: bool = False) -> list[dict[str, Any]]:
    """Rows of ``{name: value, …, "items": n}``, one per combination present, sorted."""
    columns = {
        n: [UNKNOWN if v is None else v for v in table.column(n).to_pylist()]
        for n in names
        if n != "month"
    }
    if month:
        columns["month"] = [
            f"{d:%Y-%m}" if d else UNKNOWN for d in table.column("published_date").to_pylist()
        ]
    counted = Counter(zip(*(columns[n] for n in names), strict=True))
    return [
        {**dict(zip(names, values, strict=True)), "items": n}
        for values, n in sorted(counted.items(), key=lambda kv: [str(v) for v in kv[0]])
    ]


def _coverage(latest: pa.Table) -> list[dict[str, Any]]:
    """Per language, kind and field: how many items are due the field and how many have it
    (a field due only to some kinds, like ``news``, is counted only for those kinds)."""
    counts = FieldCounts.of(latest)  # the health check's rules
    due, filled = counts.due, counts.filled
    return [
        {"lang": lang, "kind": kind, "field": name, "due": n, "filled": filled[(lang, kind, name)],
         "share": round(filled[(lang, kind, name)] / n, 4)}
        for (lang, kind, name), n in sorted(due.items())
    ]  # fmt: skip


def _crawl(manifest: dict[str, Any], revisions: Counter[str]) -> dict[str, Any]:
    """One crawl: rows it added, how many of them revise an item already archived, failures."""
    started, finished = manifest["started_at"], manifest["finished_at"]
    duration = None
    if finished:
        elapsed = datetime.fromisoformat(finished) - datetime.fromisoformat(started)
        duration = round(elapsed.total_seconds(), 1)
    return {
        "crawl_id": manifest["crawl_id"],
        "started_at": started,
        "finished_at": finished,
        "finish_reason": manifest["finish_reason"],
        "duration_seconds": duration,
        "rows": manifest["rows"],
        "revisions": revisions[manifest["crawl_id"]],
        "failures": len(manifest["failures"]),
        "archiver_version": manifest.get("archiver_version"),
    }


def _revisions(versions: pa.Table) -> Counter[str]:
    """Per crawl id, its rows that are not their key's first version."""
    table = versions.select(["key", "fetched_at", "crawl_id"]).sort_by(
        [("key", "ascending"), ("fetched_at", "ascending"), ("crawl_id", "ascending")]
    )
    keys, crawl_ids = table.column("key").to_pylist(), table.column("crawl_id").to_pylist()
    return Counter(c for i, c in enumerate(crawl_ids) if i and keys[i] == keys[i - 1])
