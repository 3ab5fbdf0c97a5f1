"""One manifest per crawl run: ``crawls/{crawl_id}.json``.

It says what the run was asked to do, which part files it committed (rows, SHA-256), what it
counted, and every failure with its reason. It is rewritten atomically after each committed file,
so a killed run still leaves a truthful (if unfinished) record.

A compaction (``archiver.store.compact``) keeps the same record, ``crawls/compact-….json``,
and adds which part files each merged file replaces: a replaced file is no longer part of the
archive once the file that replaces it exists, whether or not it has been deleted yet.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archiver import __version__
from archiver.store.atomic import write_json_atomically
from archiver.store.errors import UnreadableManifest
from archiver.store.layout import CRAWLS_DIR, WARC_DIR, crawl_of
from archiver.store.warc import WarcFile
from archiver.store.writer import PartFile
from archiver.urls import parse_item_url

# How Scrapy's RobotsTxtMiddleware words a refusal (the reason of an IgnoreRequest).
ROBOTS_REFUSAL = "Forbidden by robots.txt"


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest at ``path``; ``UnreadableManifest`` naming it when it is damaged."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UnreadableManifest(path, str(error)) from None
    if not isinstance(manifest, dict):
        raise UnreadableManifest(path, "not a JSON object")
    return manifest


def read_manifests(root: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every manifest of the archive at ``root``, oldest first (compactions among them)."""
    return [(path, read_manifest(path)) for path in sorted((root / CRAWLS_DIR).glob("*.json"))]


def new_crawl_id(now: datetime | None = None) -> str:
    """Sortable by start time, unique across machines; safe as a file-name part."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def crawl_id_for(crawler: Any) -> str:
    """The crawl id of a Scrapy crawler, shared by every component that writes for it."""
    crawl_id: str | None = getattr(crawler, "archiver_crawl_id", None)
    if crawl_id is None:
        crawl_id = crawler.settings.get("ARCHIVER_CRAWL_ID") or new_crawl_id()
        crawler.archiver_crawl_id = crawl_id
    return crawl_id


@dataclass
class FailedFetch:
    url: str
    reason: str
    status: int | None = None
    listing_date: str | None = None  # an item's listing date, so a later run can retry it whole


@dataclass(frozen=True)
class Replaced:
    path: str  # relative to the archive root, like PartFile.path
    sha256: str
    by: str  # the merged part file holding its rows


@dataclass
class Manifest:
    root: Path
    crawl_id: str
    options: dict[str, Any] = field(default_factory=dict)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    finished_at: str | None = None
    finish_reason: str | None = None
    files: list[PartFile] = field(default_factory=list)
    failures: list[FailedFetch] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    replaced: list[Replaced] = field(default_factory=list)
    # The health check's verdict ({"verdict": "passed"|"failed", "problems": […]}); None
    # when the run was not checked (an unfinished run, a compaction, a spider without it).
    health: dict[str, Any] | None = None
    warc_files: list[WarcFile] = field(default_factory=list)  # closed (or recovered) by the run

    @property
    def path(self) -> Path:
        return self.root / CRAWLS_DIR / f"{self.crawl_id}.json"

    def add_files(self, parts: Sequence[PartFile]) -> None:
        self.files.extend(parts)
        # Atomic but not fsynced: it is rewritten after every commit, and made durable when
        # the run finishes.
        self.save(durable=False)

    def add_warc_file(self, warc: WarcFile) -> None:
        self.warc_files.append(warc)
        self.save()

    def add_merged(self, part: PartFile, replaced: list[Replaced]) -> None:
        """Record a merged file before it is published: it commits when it appears."""
        self.files.append(part)
        self.replaced.extend(replaced)
        self.save()

    def add_failure(
        self, url: str, reason: str, status: int | None = None, listing_date: str | None = None
    ) -> None:
        self.failures.append(FailedFetch(url, reason, status, listing_date))

    def finish(
        self, reason: str, stats: dict[str, Any], health: dict[str, Any] | None = None
    ) -> None:
        self.finished_at = datetime.now(UTC).isoformat()
        self.finish_reason = reason
        self.stats = stats
        self.health = health
        self.save()

    def to_json(self) -> dict[str, Any]:
        return {
            "crawl_id": self.crawl_id,
            "archiver_version": __version__,
            "options": self.options,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "finish_reason": self.finish_reason,
            "files": [asdict(f) for f in self.files],
            "rows": sum(f.rows for f in self.files),
            "failures": [asdict(f) for f in self.failures],
            "stats": self.stats,
            "replaced": [asdict(r) for r in self.replaced],
            "health": self.health,
            "warc_files": [asdict(w) for w in self.warc_files],
        }

    def save(self, *, durable: bool = True) -> None:
        write_json_atomically(self.path, self.to_json(), durable=durable)


def earlier_runs_stats(root: Path, before: str) -> list[dict[str, Any]]:
    """Stats of the runs of ``root`` that started before crawl ``before``, newest first."""
    runs = []
    for path in sorted((root / CRAWLS_DIR).glob("*.json"), reverse=True):
        if path.stem < before:
            runs.append(read_manifest(path).get("stats", {}))
    return runs


def warcs_before_listing(root: Path) -> list[Path]:
    """Closed WARC files that no manifest lists because their crawl's manifest predates the
    listing of WARC files (it has no ``warc_files``): only their records' digests vouch for
    them until a later crawl lists them. Unreadable manifests are left to ``verify``."""
    listed: set[str] = set()
    unlisting: set[str] = set()
    for path in sorted((root / CRAWLS_DIR).glob("*.json")):
        try:
            manifest = read_manifest(path)
            if "warc_files" in manifest:
                listed.update(entry["path"] for entry in manifest["warc_files"])
            else:
                unlisting.add(path.stem)
        except (UnreadableManifest, KeyError, TypeError):
            continue
    return [
        path
        for path in sorted((root / WARC_DIR).glob("*.warc.gz"))
        if crawl_of(path.name) in unlisting and str(path.relative_to(root)) not in listed
    ]


def replacements(root: Path) -> dict[str, str]:
    """Each part file a compaction replaced (path → the merged file's path), committed or not."""
    return merged_by([manifest for _, manifest in read_manifests(root)])


def merged_by(manifests: list[dict[str, Any]]) -> dict[str, str]:
    """``replacements`` from manifests already read."""
    merged: dict[str, str] = {}
    for manifest in manifests:
        for entry in manifest.get("replaced", []):
            merged[entry["path"]] = entry["by"]
    return merged


def replaced_files(root: Path) -> set[str]:
    """Part files whose rows now live in a published merged file: no longer in the archive.

    A merged file may itself have been merged again later (and deleted): follow the chain.
    """
    return replaced_among(replacements(root), lambda relative: (root / relative).exists())


def replaced_among(merged: dict[str, str], exists: Callable[[str], bool]) -> set[str]:
    """``replaced_files`` for any storage: ``exists`` tells whether a file is there."""
    done = set()
    for path, by in merged.items():
        while not exists(by) and by in merged:
            by = merged[by]
        if exists(by):
            done.add(path)
    return done


def unresolved_item_failures(
    manifests: Iterable[Mapping[str, Any]], archived: Container[str]
) -> list[FailedFetch]:
    """Item pages that failed in the runs of ``manifests`` and are still not archived, once
    per item (the latest failure of each).

    An incremental walk stops at the first page of archived items, so an item that failed
    below it would never be listed to it again: it is retried from this list instead. Pages
    robots.txt refused are not retried.
    """
    found: dict[str, FailedFetch] = {}
    for manifest in manifests:
        for entry in manifest.get("failures", []):
            ref = parse_item_url(entry["url"])
            if (
                ref is not None
                and ref.key not in archived
                and ROBOTS_REFUSAL not in entry["reason"]
            ):
                found[ref.key] = FailedFetch(**entry)
    return list(found.values())
