"""Re-run today's page objects over the archive's WARC captures, without any network access.

A parser fix thus reaches every page ever fetched. Each item's newest capture is re-read (the
listing pages captured beside it give back the listing dates); what comes out differently
becomes a new version of the item under a new crawl id, with the capture's own fetch time and
WARC pointer. Unchanged items write nothing.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from multiprocessing.pool import Pool
from pathlib import Path

from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from archiver.extraction import extract
from archiver.fetched import stamp_fetch
from archiver.item import ArchiveItem
from archiver.pages import ListingPage
from archiver.store.archive import ArchiveWriter
from archiver.store.layout import WARC_DIR
from archiver.store.manifest import new_crawl_id
from archiver.store.warc import WarcRef
from archiver.urls import parse_item_url

CHUNK_MAX = 32  # items a worker takes at a time: few round trips, an even share at the end


@dataclass(frozen=True)
class Capture:
    url: str
    status: int
    encoding: str | None
    body: bytes


def _read(record: ArcWarcRecord) -> Capture:
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else None
    return Capture(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        status=int(http.get_statuscode()) if http is not None else 0,
        encoding=http_content_type_encoding(content_type) if content_type else None,
        body=record.content_stream().read(),
    )


def captures(root: Path) -> Iterator[tuple[Capture, WarcRef]]:
    """Every response record of every published WARC file, with its place."""
    for path in sorted((root / WARC_DIR).glob("*.warc.gz")):
        file = str(path.relative_to(root))
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if record.rec_type != "response":
                    continue
                capture = _read(record)  # before asking the offset: asking reads to the end
                records.read_to_end(record)
                fetched_at = datetime.fromisoformat(record.rec_headers.get_header("WARC-Date"))
                ref = WarcRef(
                    file, records.get_record_offset(), records.get_record_length(), fetched_at
                )
                yield capture, ref


def read_capture(root: Path, file: str, offset: int) -> Capture:
    """The response record at ``offset`` of ``file`` (as rows point to it)."""
    with (root / file).open("rb") as handle:
        handle.seek(offset)
        return _read(next(iter(ArchiveIterator(handle))))


def _index(root: Path, counts: Counter[str]) -> tuple[dict[str, str], dict[str, WarcRef]]:
    """The listing date of every listed item, and each item's newest capture (pointers only:
    bodies are read again one at a time)."""
    listing_dates: dict[str, str] = {}
    newest: dict[str, WarcRef] = {}
    for capture, ref in captures(root):
        if capture.status != 200:
            counts["captures_not_ok"] += 1
            continue
        item_ref = parse_item_url(capture.url)
        if item_ref is None:
            for entry in ListingPage(capture.body, capture.url).entries():
                listed = parse_item_url(entry.url)
                if listed is not None and entry.datetime_raw:
                    listing_dates.setdefault(listed.key, entry.datetime_raw)
            counts["listing_pages"] += 1
        elif item_ref.key not in newest or newest[item_ref.key].fetched_at < ref.fetched_at:
            newest[item_ref.key] = ref
    return listing_dates, newest


@dataclass(frozen=True)
class Job:
    """One item to re-read: its newest capture and the date its listing printed."""

    key: str
    ref: WarcRef
    listing_date: str | None


def reread(root: Path, job: Job) -> ArchiveItem:
    """One item re-extracted from its capture (the whole per-record work: runs in a worker)."""
    capture = read_capture(root, job.ref.file, job.ref.offset)
    return stamp_fetch(
        extract(capture.body, capture.url, job.listing_date, encoding=capture.encoding),
        url=capture.url,
        status=capture.status,
        body=capture.body,
        fetched_at=job.ref.fetched_at,
        warc=job.ref,
    )


@contextmanager
def _workers(processes: int) -> Iterator[Pool | None]:
    """A pool of ``processes`` workers, or None for one process. Started before the archive
    is indexed, so that their start (importing the page objects once, in the fork server)
    overlaps the index instead of following it."""
    if processes == 1:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with context.Pool(processes) as pool:
        yield pool


def _reread_all(
    root: Path, jobs: list[Job], pool: Pool | None, processes: int
) -> Iterator[ArchiveItem]:
    """Every job's item, in the jobs' order with or without workers, so the archive written is
    the same; with workers, they re-read while this process writes."""
    if pool is None:
        return (reread(root, job) for job in jobs)
    chunk = max(1, min(CHUNK_MAX, len(jobs) // (processes * 4)))
    return pool.imap(partial(reread, root), jobs, chunksize=chunk)


def reextract(
    root: Path,
    crawl_id: str | None = None,
    progress: Callable[[Mapping[str, int], int], None] | None = None,
    processes: int = 1,
) -> Counter[str]:
    """Re-extract every item's newest capture into ``root``; returns what happened, counted.
    ``progress`` is called after each item with the counts so far and the number of items;
    ``processes`` re-read items on that many cores (the output is the same).

    Raises ``ArchiveLocked`` before reading anything when a crawl is writing the archive.
    """
    if processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    counts: Counter[str] = Counter()
    archive = ArchiveWriter(root, crawl_id or new_crawl_id(), options={"reextract": True})
    archive.open()
    reason = "failed"
    try:
        with _workers(processes) as pool:
            listing_dates, newest = _index(root, counts)
            jobs = [Job(key, ref, listing_dates.get(key)) for key, ref in sorted(newest.items())]
            for item in _reread_all(root, jobs, pool, processes):
                _, outcome = archive.add(item)
                counts[outcome] += 1
                if progress is not None:
                    progress(counts, len(jobs))
        reason = "finished"
    finally:
        archive.close()
        archive.finish(reason, dict(counts))
    return counts
