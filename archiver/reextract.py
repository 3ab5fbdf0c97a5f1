"""Re-run today's page objects over the archive's WARC captures, without any network access.

A parser fix thus reaches every page ever fetched. Each item's newest capture is re-read (the
listing pages captured beside it give back the listing dates); what comes out differently
becomes a new version of the item under a new crawl id, with the capture's own fetch time and
WARC pointer. Unchanged items write nothing.

A damaged archive does not stop it: bytes that are no record (a flipped run, junk, a file cut
short) are skipped to the next gzip member, a record whose block is short or fails its digest is
not re-extracted, and a page the page objects fail on is left as it was. Each is a ``Damage``:
counted (``damaged``), named in the run's manifest failures and handed to the caller.
"""

from __future__ import annotations

import io
import multiprocessing
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from multiprocessing.pool import Pool
from pathlib import Path
from typing import BinaryIO

from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from archiver.extraction import extract
from archiver.fetched import stamp_fetch
from archiver.item import ArchiveItem
from archiver.pages import ListingPage
from archiver.report.card import refresh_card
from archiver.store.archive import ArchiveWriter
from archiver.store.layout import WARC_DIR
from archiver.store.manifest import new_crawl_id
from archiver.store.warc import WarcRef
from archiver.store.warccheck import members
from archiver.urls import parse_item_url

CHUNK_MAX = 32  # items a worker takes at a time: few round trips, an even share at the end
_MEMBER_START = b"\x1f\x8b\x08"  # a gzip member's first bytes: each WARC record is one
_SCAN_BYTES = 1 << 20
_WHY_CHARS = 120
# What reading damaged WARC bytes raises: warcio's parse failures, zlib's, a short read, a header
# that is no number or date, and DamagedRecord.
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
)


class DamagedRecord(ValueError):
    """A record whose block is shorter than its Content-Length or fails its digest, or a gzip
    member that is not one record (a row could not point to what it holds)."""


@dataclass(frozen=True)
class Damage:
    """A part of the archive that could not be re-read, and why."""

    url: str  # the capture's URL, or the WARC file when no record could be read
    place: str  # "warc/….warc.gz at offset N"
    reason: str


@dataclass(frozen=True)
class Capture:
    url: str
    status: int
    encoding: str | None
    body: bytes


def _read(record: ArcWarcRecord, *, body: bool = True) -> Capture:
    """The record's capture; without ``body``, its headers only (the body left unread)."""
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else None
    data = record.content_stream().read() if body else b""
    if body:
        missing = record.raw_stream.limit
        if missing:
            raise DamagedRecord(f"the record is cut short: {missing} bytes of its block missing")
        problems = getattr(record, "digest_checker", None)
        if problems is not None and problems.passed is False:
            raise DamagedRecord("; ".join(problems.problems))
    return Capture(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        status=int(http.get_statuscode()) if http is not None else 0,
        encoding=http_content_type_encoding(content_type) if content_type else None,
        body=data,
    )


def _why(error: BaseException) -> str:
    """The error on one line: warcio quotes the damaged bytes it found, binary and all."""
    text = "".join(c if c.isprintable() else "?" for c in str(error))
    cut = text[:_WHY_CHARS] + "…" if len(text) > _WHY_CHARS else text
    return f"{type(error).__name__}: {cut}".rstrip(": ")


def _next_member(handle: BinaryIO, after: int) -> int | None:
    """Where the next gzip member starts past ``after``; None at the end of the file."""
    position = after + 1
    while True:
        handle.seek(position)
        chunk = handle.read(_SCAN_BYTES)
        found = chunk.find(_MEMBER_START)
        if found >= 0:
            return position + found
        if len(chunk) < _SCAN_BYTES:
            return None
        position += len(chunk) - len(_MEMBER_START) + 1


def _forgiving_captures(
    handle: BinaryIO, file: str, damaged: list[Damage], bodies: Callable[[str], bool], start: int
) -> Iterator[tuple[Capture, WarcRef]]:
    """The response records of one WARC file from ``start`` on, read by warcio. At bytes that
    are no record, one ``Damage`` is noted and reading goes on at the next gzip member that is
    a record."""
    resume: int | None = start
    lost = False  # in damaged bytes: the false starts that follow are not noted again
    while resume is not None:
        handle.seek(resume)
        records = ArchiveIterator(handle)
        at = resume
        try:
            for record in records:
                if record.rec_type == "response":
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    stamp = record.rec_headers.get_header("WARC-Date")
                    if stamp is None:  # bytes warcio took for an uncompressed record
                        raise DamagedRecord("a response record without a WARC-Date")
                    # The body before the offset: asking the offset reads to the end.
                    capture = _read(record, body=bodies(url))
                    records.read_to_end(record)
                    date = datetime.fromisoformat(stamp)
                    offset, length = records.get_record_offset(), records.get_record_length()
                    if length <= 0:  # warcio's count within a member of several records
                        raise DamagedRecord("records that share one gzip member")
                    yield capture, WarcRef(file, offset, length, date)
                else:
                    records.read_to_end(record)
                    if records.get_record_length() <= 0:
                        raise DamagedRecord("records that share one gzip member")
                at, lost = records.get_record_offset() + records.get_record_length(), False
            resume = None
        except _DAMAGE as error:
            if not lost:
                damaged.append(Damage(file, f"{file} at offset {at}", _why(error)))
            lost = True
            resume = _next_member(handle, at)


def _plain_record(data: bytes) -> tuple[dict[str, str], int]:
    """The WARC header fields (names in lower case) of the one record ``data`` holds, and where
    its block starts."""
    end = data.find(b"\r\n\r\n")
    if not data.startswith(b"WARC/") or end < 0:
        raise DamagedRecord("no WARC header")
    fields: dict[str, str] = {}
    for line in data[:end].decode("utf-8", "replace").split("\r\n")[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            raise DamagedRecord(f"a header line without a colon: {line!r}")
        fields[name.strip().lower()] = value.strip()
    block = end + 4
    length = fields.get("content-length", "")
    if not length.isdigit() or len(data) != block + int(length) + 4:
        raise DamagedRecord("not one record as long as its Content-Length")
    return fields, block


def _head_only(url: str, head: bytes) -> Capture:
    """A capture without its body, from its HTTP message head (as ``_read`` gives it)."""
    status, *lines = head.decode("latin-1").split("\r\n")
    version, _, rest = status.partition(" ")
    code = rest.split(" ", 1)[0]
    if not version.startswith("HTTP/") or not code.isdigit():
        raise DamagedRecord(f"no HTTP status line: {status[:40]!r}")
    content_type = None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-type":
            content_type = value.strip()
            break
    encoding = http_content_type_encoding(content_type) if content_type else None
    return Capture(url, int(code), encoding, b"")


def _plain_capture(
    data: bytes, file: str, offset: int, length: int, bodies: Callable[[str], bool]
) -> tuple[Capture, WarcRef] | None:
    """A response record's capture and place, read from its inflated member by its headers
    (its body only where ``bodies`` asks); None for a record of another type."""
    fields, block = _plain_record(data)
    if fields.get("warc-type") != "response":
        return None
    url = fields.get("warc-target-uri", "")
    try:
        date = datetime.fromisoformat(fields.get("warc-date", ""))
        whole = _read(next(iter(ArchiveIterator(io.BytesIO(data))))) if bodies(url) else None
    except _DAMAGE as error:
        raise DamagedRecord(_why(error)) from error
    if whole is None:
        whole = _head_only(url, data[block : data.find(b"\r\n\r\n", block)])
    return whole, WarcRef(file, offset, length, date)


def _file_captures(
    handle: BinaryIO, file: str, damaged: list[Damage], bodies: Callable[[str], bool]
) -> Iterator[tuple[Capture, WarcRef]]:
    """The response records of one WARC file. Each gzip member is inflated by ISA-L and read
    by its headers alone (several times as fast as warcio, which parses every record in
    Python: the index is the part of a re-extraction that no second core shares); a member
    that is not one record is a ``Damage``. From the first member that does not inflate,
    warcio's forgiving reader goes on: it still reads the headers of a record cut short."""
    for member in members(handle):
        if member.data is None:
            yield from _forgiving_captures(handle, file, damaged, bodies, member.offset)
            return
        try:
            found = _plain_capture(member.data, file, member.offset, member.length, bodies)
        except DamagedRecord as error:
            damaged.append(Damage(file, f"{file} at offset {member.offset}", _why(error)))
            continue
        if found is not None:
            yield found


def captures(
    root: Path,
    damaged: list[Damage] | None = None,
    bodies: Callable[[str], bool] = lambda url: True,
) -> Iterator[tuple[Capture, WarcRef]]:
    """Every readable response record of every published WARC file, with its place; what
    could not be read goes into ``damaged``. ``bodies(url)`` says whose body to read."""
    for path in sorted((root / WARC_DIR).glob("*.warc.gz")):
        with path.open("rb") as handle:
            file = str(path.relative_to(root))
            yield from _file_captures(handle, file, [] if damaged is None else damaged, bodies)


def read_capture(root: Path, file: str, offset: int) -> Capture:
    """The response record at ``offset`` of ``file`` (as rows point to it), its block's length
    and digests checked (``DamagedRecord``)."""
    with (root / file).open("rb") as handle:
        handle.seek(offset)
        return _read(next(iter(ArchiveIterator(handle, check_digests=True))))


def _index(
    root: Path, counts: Counter[str], damaged: list[Damage]
) -> tuple[dict[str, str], dict[str, tuple[str, WarcRef]]]:
    """The listing date of every listed item, and each item's newest capture (its URL and
    place: item bodies are left unread here, and read one at a time by ``reread``)."""
    listing_dates: dict[str, str] = {}
    newest: dict[str, tuple[str, WarcRef]] = {}
    for capture, ref in captures(root, damaged, lambda url: parse_item_url(url) is None):
        if capture.status != 200:
            counts["captures_not_ok"] += 1
            continue
        item_ref = parse_item_url(capture.url)
        if item_ref is None:
            try:
                entries = ListingPage(capture.body, capture.url).entries()
            # Any error: the boundary of one listing page, as in ``reread``; its items are
            # still re-read, without the dates it lists.
            except Exception as error:  # noqa: BLE001
                place = f"{ref.file} at offset {ref.offset}"
                damaged.append(Damage(capture.url, place, _why(error)))
                continue
            for entry in entries:
                listed = parse_item_url(entry.url)
                if listed is not None and entry.datetime_raw:
                    listing_dates.setdefault(listed.key, entry.datetime_raw)
            counts["listing_pages"] += 1
        elif item_ref.key not in newest or newest[item_ref.key][1].fetched_at < ref.fetched_at:
            newest[item_ref.key] = (capture.url, ref)
    return listing_dates, newest


@dataclass(frozen=True)
class Job:
    """One item to re-read: its newest capture and the date its listing printed."""

    key: str
    url: str
    ref: WarcRef
    listing_date: str | None


def reread(root: Path, job: Job) -> ArchiveItem | Damage:
    """One item re-extracted from its capture (the whole per-record work: runs in a worker);
    a ``Damage`` when the capture cannot be read or the page objects fail on it."""
    try:
        capture = read_capture(root, job.ref.file, job.ref.offset)
        return stamp_fetch(
            extract(capture.body, capture.url, job.listing_date, encoding=capture.encoding),
            url=capture.url,
            status=capture.status,
            body=capture.body,
            fetched_at=job.ref.fetched_at,
            warc=job.ref,
        )
    # Any error: the boundary of one record. It is named and counted; the other records of the
    # archive are still re-read, and the archive keeps this item's earlier row.
    except Exception as error:  # noqa: BLE001
        place = f"{job.ref.file} at offset {job.ref.offset}"
        return Damage(job.url, place, _why(error))


@contextmanager
def _workers(processes: int) -> Iterator[Pool | None]:
    """A pool of ``processes`` workers, or None for one process. Forked, so they start at
    once with the page objects already imported (a fork server took ≈0.8 s to import them,
    longer than the whole index, while the second core waited); forked before the archive is
    opened, so before pyarrow (reading the archive's hashes) starts threads of its own."""
    if processes == 1:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield pool


def _reread_all(
    root: Path, jobs: list[Job], pool: Pool | None, processes: int
) -> Iterator[ArchiveItem | Damage]:
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
    damaged: Callable[[Damage], None] | None = None,
) -> Counter[str]:
    """Re-extract every item's newest capture into ``root``; returns what happened, counted.
    ``progress`` is called after each item with the counts so far and the number of items;
    ``processes`` re-read items on that many cores (the output is the same); ``damaged`` is
    called with each part of the archive that could not be re-read (also counted, ``damaged``,
    and listed in the run's manifest failures).

    Raises ``ArchiveLocked`` before reading anything when a crawl is writing the archive.
    """
    if processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    counts: Counter[str] = Counter()
    archive = ArchiveWriter(root, crawl_id or new_crawl_id(), options={"reextract": True})

    def note(damage: Damage) -> None:
        counts["damaged"] += 1
        archive.add_failure(damage.url, f"unreadable capture ({damage.place}): {damage.reason}")
        if damaged is not None:
            damaged(damage)

    with _workers(processes) as pool:
        archive.open()
        reason = "failed"
        try:
            index_damage: list[Damage] = []
            listing_dates, newest = _index(root, counts, index_damage)
            for damage in index_damage:
                note(damage)
            jobs = [
                Job(key, url, ref, listing_dates.get(key))
                for key, (url, ref) in sorted(newest.items())
            ]
            for result in _reread_all(root, jobs, pool, processes):
                if isinstance(result, Damage):
                    note(result)
                else:
                    _, outcome = archive.add(result)
                    counts[outcome] += 1
                if progress is not None:
                    progress(counts, len(jobs))
            reason = "finished"
        finally:
            archive.close()
            archive.finish(reason, dict(counts))
            refresh_card(root)
    return counts
