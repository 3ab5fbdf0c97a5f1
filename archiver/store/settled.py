"""Which archived items may end an incremental walk: the *settled* ones.

An incremental crawl stops at a listing page whose items are all archived, trusting that
everything older was archived before. That trust holds only for what a complete walk
vouches for: a run that walked a section's whole listing (no --since, --until, --category or
--max-items, no listing page lost) and finished leaves every item listed then archived. So an
item is settled in its section when it has a row written by a run that started no later than
the last such run (runs never overlap: one writer per archive). A run killed with ``kill -9``
commits part files in no listing order, so its rows alone settle nothing; the next complete
run walks past them, fetching only what is missing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow.dataset as ds

from archiver import dataset
from archiver.frontier import COMPLETE_LANGS_STAT
from archiver.store.manifest import read_manifests


def settled_keys(root: Path) -> set[str]:
    started: dict[str, datetime] = {}
    horizon: dict[str, datetime] = {}  # per section: start of its last complete walk
    for _, manifest in read_manifests(root):
        start = datetime.fromisoformat(manifest["started_at"])
        started[manifest["crawl_id"]] = start
        if manifest["finish_reason"] != "finished":
            continue
        for lang in manifest["stats"].get(COMPLETE_LANGS_STAT, []):
            horizon[lang] = max(start, horizon.get(lang, start))
    wanted: ds.Expression | None = None
    for lang, until in horizon.items():
        crawls = [crawl for crawl, start in started.items() if start <= until]
        clause = (ds.field("lang") == lang) & ds.field("crawl_id").isin(crawls)
        wanted = clause if wanted is None else wanted | clause
    if wanted is None:
        return set()
    table = dataset.read(root, ["key"], wanted)
    return set(table.column("key").to_pylist())
