"""Adding items to an archive as versions: the one write path of crawls and re-extraction.

Opening takes the archive's lock, removes temporaries of interrupted writes and loads each
key's latest content hash. An item whose hash equals its key's latest is unchanged and writes
nothing; otherwise it is a new row (a new item, or a revision of an archived one).
"""

from __future__ import annotations

import errno
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from archiver.item import ArchiveItem
from archiver.store import lock
from archiver.store.atomic import remove_leftover_temporaries
from archiver.store.content_hash import content_sha256
from archiver.store.manifest import Manifest
from archiver.store.reader import latest_hashes
from archiver.store.schema import to_row
from archiver.store.warc import WarcFile
from archiver.store.writer import PartFile, PartitionedWriter

Outcome = Literal["new", "revised", "unchanged"]


def write_failure(root: Path, error: OSError) -> tuple[str, str]:
    """What a failed write of the archive means for an operator, and what to do about it: a
    full disk is named by the file system the archive is on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        mount = root.resolve()
        while not mount.is_mount():
            mount = mount.parent
        return f"the disk of {root} (the file system at {mount}) is full", "free space there"
    return f"writing {error.filename or root} failed ({error.strerror or error})", "fix that"


# A committed part file and its rows' keys and outcomes.
Commit = tuple[PartFile, list[tuple[str, Outcome]]]
OnCommit = Callable[[PartFile, list[tuple[str, Outcome]]], None]


class VersionWriter:
    """Items written as versions into part files, without the archive's lock or manifest: the
    part of ``ArchiveWriter`` that re-extraction's workers run each in its own process. Each
    committed part file is told (``on_commit``) with its rows' keys and outcomes."""

    def __init__(
        self,
        root: Path,
        crawl_id: str,
        on_commit: OnCommit,
        *,
        batch_rows: int = 200,
        sequence: tuple[int, int] = (1, 1),
    ) -> None:
        self.crawl_id = crawl_id
        self.on_commit = on_commit
        self.writer = PartitionedWriter(
            root, crawl_id, batch_rows=batch_rows, on_commit=self._committed, sequence=sequence
        )
        self._uncommitted: dict[tuple[str, int | None], list[tuple[str, Outcome]]] = {}

    def _committed(self, part: PartFile) -> None:
        self.on_commit(part, self._uncommitted.pop((part.lang, part.year), []))

    def add(self, item: ArchiveItem, previous: str | None) -> tuple[ArchiveItem, Outcome]:
        """Write ``item`` unless its content hash is ``previous`` (its key's latest); returns
        it with its hash and crawl id."""
        record = item.to_record()
        record["content_sha256"] = content_sha256(record)
        record["crawl_id"] = self.crawl_id
        stamped = item.replace(content_sha256=record["content_sha256"], crawl_id=self.crawl_id)
        if previous == record["content_sha256"]:
            return stamped, "unchanged"
        year = item.published_date.year if item.published_date else None
        outcome: Outcome = "new" if previous is None else "revised"
        self._uncommitted.setdefault((item.lang, year), []).append((item.key, outcome))
        self.writer.write(to_row(record), year)
        return stamped, outcome

    def close(self) -> None:
        self.writer.close()


class ArchiveWriter:
    def __init__(
        self,
        root: Path,
        crawl_id: str,
        *,
        batch_rows: int = 200,
        options: dict[str, Any] | None = None,
    ) -> None:
        if batch_rows < 1:
            raise ValueError(f"ARCHIVER_BATCH_ROWS must be at least 1, not {batch_rows}")
        self.root = root
        self.crawl_id = crawl_id
        self.manifest = Manifest(root, crawl_id, options=options or {})
        self.versions = VersionWriter(
            root, crawl_id, lambda part, rows: self.add_parts([(part, rows)]), batch_rows=batch_rows
        )
        # New and revised rows that reached a part file (buffered rows a failed write lost
        # are not in it).
        self.committed: Counter[Outcome] = Counter()
        self.known: dict[str, str] = {}
        # Told the keys of each committed part file's rows (a frontier worker's leases).
        self.committed_keys: Callable[[list[str]], None] | None = None
        self.counts: Counter[str] = Counter()
        self.opened = False  # close and finish touch nothing of an archive never opened

    def open(self, known: Mapping[str, str] | None = None) -> None:
        """Raises ``ArchiveLocked`` when another process writes this archive. ``known``: each
        key's latest content hash, when the caller has read them already (a crawl's
        ``archiver.crawlstate.CrawlState``); else they are read here."""
        lock.acquire(self.root)
        self.opened = True
        if lock.exclusive(self.root):  # a shared holder's fellow workers are writing theirs
            self.counts["temporaries_removed"] += len(remove_leftover_temporaries(self.root))
        self.known = latest_hashes(self.root) if known is None else dict(known)
        self.manifest.save()

    @property
    def rows_committed(self) -> int:
        return sum(self.committed.values())

    def add_parts(self, committed: Sequence[Commit]) -> None:
        """List committed part files, each with its rows' keys and outcomes, in the manifest
        (saved once): the archive's own writes, and those of re-extraction's workers."""
        self.manifest.add_files([part for part, _ in committed])
        for _, rows in committed:
            self.committed.update(outcome for _, outcome in rows)
            if self.committed_keys is not None:
                self.committed_keys([key for key, _ in rows])

    def add(self, item: ArchiveItem) -> tuple[ArchiveItem, Outcome]:
        """Archive ``item`` if it is new content; returns it with its hash and crawl id."""
        stamped, outcome = self.versions.add(item, self.known.get(item.key))
        if stamped.content_sha256 is not None:  # always: versions.add stamps it
            self.known[item.key] = stamped.content_sha256
        return stamped, outcome

    def add_failure(
        self, url: str, reason: str, status: int | None = None, listing_date: str | None = None
    ) -> None:
        self.manifest.add_failure(url, reason, status, listing_date)

    def add_warc_file(self, warc: WarcFile) -> None:
        """List a published WARC file in the manifest (kept to an opened archive's)."""
        if self.opened:
            self.manifest.add_warc_file(warc)

    def close(self) -> None:
        """Write what is buffered and free the archive (the manifest is finished apart)."""
        if self.opened:
            try:
                self.versions.close()
            finally:
                lock.release(self.root)

    def finish(
        self, reason: str, stats: dict[str, Any], health: dict[str, Any] | None = None
    ) -> None:
        if self.opened:
            self.manifest.finish(reason, stats, health)
