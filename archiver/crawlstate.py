"""What a crawl knows of its archive when it starts, read once: ``CrawlState.load(root)``.

- ``hashes``: every archived key and the content hash of its latest version. The spider skips
  the keys in incremental mode; the Parquet pipeline compares each fetched item's hash with its
  key's to tell new, revised and unchanged apart.
- ``sections``: per section, when the last run that walked its whole listing started. A run
  walks a section completely when nothing bounds it (no --since, --until, --category or
  --max-items), no listing page is lost (``COMPLETE_LANGS_STAT`` keeps its sections) and it
  finishes.
- ``settled``: the keys that may end an incremental walk. An incremental crawl stops at a
  listing page whose items are all archived, trusting that everything older was archived
  before. Only a complete walk vouches for that, so an item is settled in its section when it
  has a row written by a run that started no later than the section's last complete walk (runs
  never overlap: one writer per archive). A run killed with ``kill -9`` commits part files in
  no listing order, so its rows alone settle nothing; the next complete run walks past them,
  fetching only what is missing.
- ``failures``: item pages earlier runs failed to fetch that are still not archived
  (``archiver.store.manifest.unresolved_item_failures``), retried first.

One pass over the dataset's key columns and one over the manifests give all four, so the
spider and the pipeline no longer each ask the store (and a frontier worker's spider gets
the same view as its pipeline). ``crawl_state_for`` keeps one per Scrapy crawler.
"""

from __future__ import annotations

from collections.abc import Iterable, KeysView, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from archiver.frontier import COMPLETE_LANGS_STAT
from archiver.store import reader
from archiver.store.manifest import FailedFetch, read_manifests, unresolved_item_failures

# The columns the state is read from: the latest view's and each row's section and run.
COLUMNS = ["key", "lang", "crawl_id", "fetched_at", "content_sha256"]


@dataclass(frozen=True)
class CrawlState:
    hashes: Mapping[str, str] = field(default_factory=dict)  # key → latest content hash
    sections: Mapping[str, datetime] = field(default_factory=dict)  # last complete walk start
    settled: frozenset[str] = frozenset()
    failures: tuple[FailedFetch, ...] = ()  # earlier runs', still unarchived, once per item

    @property
    def keys(self) -> KeysView[str]:
        """The keys held: the latest view's."""
        return self.hashes.keys()

    @classmethod
    def load(cls, root: Path) -> CrawlState:
        manifests = [manifest for _, manifest in read_manifests(root)]
        started = {m["crawl_id"]: datetime.fromisoformat(m["started_at"]) for m in manifests}
        sections = complete_walks(manifests)
        rows = reader.read(root, COLUMNS)
        latest = reader.latest_of(rows)
        hashes = dict(
            zip(
                latest.column("key").to_pylist(),
                latest.column("content_sha256").to_pylist(),
                strict=True,
            )
        )
        return cls(
            hashes=hashes,
            sections=sections,
            settled=settled_keys(rows, started, sections),
            failures=tuple(unresolved_item_failures(manifests, hashes)),
        )


def complete_walks(manifests: Iterable[Mapping[str, Any]]) -> dict[str, datetime]:
    """Per section, the start of the last finished run that walked it completely."""
    horizon: dict[str, datetime] = {}
    for manifest in manifests:
        if manifest["finish_reason"] != "finished":
            continue
        start = datetime.fromisoformat(manifest["started_at"])
        for lang in manifest["stats"].get(COMPLETE_LANGS_STAT, []):
            horizon[lang] = max(start, horizon.get(lang, start))
    return horizon


def settled_keys(
    rows: pa.Table, started: Mapping[str, datetime], sections: Mapping[str, datetime]
) -> frozenset[str]:
    """The keys of ``rows`` (``key``, ``lang``, ``crawl_id``) with a row written by a run that
    started no later than its section's last complete walk (``started``: each run's start)."""
    wanted = None
    for lang, until in sections.items():
        crawls = pa.array(
            [crawl for crawl, start in started.items() if start <= until], pa.string()
        )
        clause = pc.and_(
            pc.equal(rows.column("lang"), lang), pc.is_in(rows.column("crawl_id"), crawls)
        )
        wanted = clause if wanted is None else pc.or_(wanted, clause)
    if wanted is None:
        return frozenset()
    return frozenset(rows.filter(wanted).column("key").to_pylist())


def crawl_state_for(crawler: Any) -> CrawlState:
    """The state of the archive a Scrapy crawler writes (``ARCHIVER_OUT``), loaded on first
    use (the spider's start, or the pipeline's) and then shared by both."""
    state: CrawlState | None = getattr(crawler, "archiver_crawl_state", None)
    if state is None:
        state = CrawlState.load(Path(crawler.settings["ARCHIVER_OUT"]))
        crawler.archiver_crawl_state = state
    return state
