"""WARC capture: every fetched response, with its request, in gzipped WARC files.

A file is written under a hidden ``.open`` name and renamed when it is rotated or the crawl
ends. Each record's bytes are built here once (headers, SHA-1 digests as warcio writes them) and
compressed as one gzip member of its own by ISA-L at level ``GZIP_LEVEL``: warcio's writer
(zlib at level 9, the payload streamed through twice) took ≈2 ms of a 60 KB page, a quarter of
a crawl's time (docs/benchmarks.md); warcio still reads, checks and recovers the files. Each record
is flushed to the operating system as soon as it is written, so a crawl killed with ``kill -9``
loses at most the record being written; on the next start, ``recover`` cuts a leftover file
back to its last complete record and publishes it, so rows committed before the kill still
find their records.

Each closed file is announced (``on_close``) with its SHA-256 and size, computed as its bytes
are written, for the crawl manifest: ``archiver verify`` checks the files against it and every
record against its own digests.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import responses
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from isal import igzip

from archiver import __version__
from archiver.store.atomic import fsync_dir
from archiver.store.layout import WARC_DIR
from archiver.store.warccheck import members, record_problems
from archiver.store.writer import file_sha256

OPEN_SUFFIX = ".open"
# ISA-L's level 2: ≈70 µs for a 60 KB page, 15% larger than zlib at level 9, which took 1.6 ms.
GZIP_LEVEL = 2
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WarcRef:
    file: str  # relative to the archive root, the published name
    offset: int
    length: int
    fetched_at: datetime  # the record's WARC-Date, to the microsecond: the row's fetched_at


@dataclass(frozen=True)
class WarcFile:
    """A published WARC file as the crawl manifest lists it."""

    path: str  # relative to the archive root
    sha256: str
    bytes: int


def warc_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Exchange:
    """One HTTP exchange as Scrapy saw it (headers as (name, value) text pairs)."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime


def _open_name(final: Path) -> Path:
    return final.with_name(f".{final.name}{OPEN_SUFFIX}")


def _sha1(*parts: bytes) -> str:
    """A WARC digest: SHA-1 in base 32, as warcio writes and checks it."""
    digest = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        digest.update(part)
    return "sha1:" + base64.b32encode(digest.digest()).decode("ascii")


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _http_head(first_line: str, headers: list[tuple[str, str]]) -> bytes:
    """The HTTP message head; latin-1 gives back the header bytes Scrapy received."""
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return f"{first_line}\r\n{lines}\r\n".encode("latin-1")


def record_bytes(fields: list[tuple[str, str]], head: bytes, payload: bytes = b"") -> bytes:
    """One WARC record: the header ``fields``, then its block (``head`` then ``payload``)."""
    fields = [
        *fields,
        ("WARC-Block-Digest", _sha1(head, payload)),
        ("Content-Length", str(len(head) + len(payload))),
    ]
    header = "WARC/1.0\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields)
    return b"".join((header.encode("utf-8"), b"\r\n", head, payload, b"\r\n\r\n"))


def gzip_member(record: bytes) -> bytes:
    """A record as one gzip member of its own: the form WARC readers seek into by offset."""
    return igzip.compress(record, GZIP_LEVEL, mtime=0)


def status_line(status: int, reason: str) -> str:
    """``HTTP/1.1 200 OK``: Scrapy keeps no reason phrase, so the standard one stands in."""
    return f"HTTP/1.1 {status} {reason or responses.get(status, '')}".strip()


def request_head(method: str, url: str, headers: list[tuple[str, str]]) -> bytes:
    """The request as it went on the wire: origin-form target, ``Host`` first (the download
    handler adds it below Scrapy, so the request's own headers lack it)."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if not any(name.lower() == "host" for name, _ in headers):
        headers = [("Host", parts.netloc.rpartition("@")[2]), *headers]
    return _http_head(f"{method} {target} HTTP/1.1", headers)


def exchange_records(exchange: Exchange) -> tuple[bytes, bytes]:
    """The response record and the request record of one exchange, uncompressed."""
    date = warc_date(exchange.fetched_at)
    response_id = _record_id()
    status = status_line(exchange.status, exchange.reason)
    response = record_bytes(
        [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", response_id),
            ("WARC-Date", date),
            ("WARC-Target-URI", exchange.url),
            ("WARC-Payload-Digest", _sha1(exchange.body)),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        _http_head(status, exchange.response_headers),
        exchange.body,
    )
    request = record_bytes(
        [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", _record_id()),
            ("WARC-Date", date),
            ("WARC-Target-URI", exchange.url),
            ("WARC-Concurrent-To", response_id),
            ("WARC-Payload-Digest", _sha1(b"")),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        request_head(exchange.method, exchange.url, exchange.request_headers),
    )
    return response, request


class WarcFileWriter:
    """``info``: the warcinfo fields after ``software`` and ``format`` (operator, robots, …)."""

    def __init__(
        self,
        root: Path,
        crawl_id: str,
        max_bytes: int = 1 << 30,
        *,
        info: list[tuple[str, str]] | None = None,
        on_close: Callable[[WarcFile], None] | None = None,
    ) -> None:
        self.root = root
        self.crawl_id = crawl_id
        self.max_bytes = max_bytes
        self.info = [
            ("software", f"archiver/{__version__}"),
            ("format", "WARC File Format 1.0"),
            *(info or []),
        ]
        self.on_close = on_close
        self._sequence = 0
        self._handle: BinaryIO | None = None
        self._final: Path | None = None
        self._name = ""  # the current file, relative to the archive root (rows name it)
        self._digest = hashlib.sha256()

    def _start_file(self) -> None:
        self._sequence += 1
        self._final = self.root / WARC_DIR / f"{self.crawl_id}-{self._sequence:05d}.warc.gz"
        self._final.parent.mkdir(parents=True, exist_ok=True)
        self._handle = _open_name(self._final).open("wb")
        self._name = str(self._final.relative_to(self.root))
        self._digest = hashlib.sha256()
        info = "".join(f"{name}: {value}\r\n" for name, value in self.info)
        warcinfo = record_bytes(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", _record_id()),
                ("WARC-Filename", self._final.name),
                ("WARC-Date", warc_date(datetime.now(UTC))),
                ("Content-Type", "application/warc-fields"),
            ],
            info.encode("utf-8"),
        )
        self._append(gzip_member(warcinfo))

    def _append(self, data: bytes) -> None:
        assert self._handle is not None
        self._handle.write(data)
        self._digest.update(data)

    def write(self, exchange: Exchange) -> WarcRef:
        if self._handle is None or self._handle.tell() >= self.max_bytes:
            self.close()
            self._start_file()
        assert self._handle is not None and self._final is not None
        response, request = exchange_records(exchange)
        first = gzip_member(response)
        offset = self._handle.tell()
        try:
            self._append(first + gzip_member(request))
            self._handle.flush()
        except OSError:
            self._cut(offset)
            raise
        return WarcRef(self._name, offset, len(first), exchange.fetched_at)

    def close(self) -> None:
        """Finish the current file: fsync it and publish it under its final name."""
        if self._handle is None or self._final is None:
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        size = self._handle.tell()
        self._handle.close()
        self._publish(WarcFile(self._name, self._digest.hexdigest(), size))

    def _cut(self, end: int) -> None:
        """After a failed write (a full disk): the file cut back to its last whole record
        and published, as recovery would after a kill; the next write starts a new file."""
        assert self._handle is not None and self._final is not None
        with contextlib.suppress(OSError):  # its unwritten rest is cut off just below
            self._handle.close()
        path = _open_name(self._final)
        os.truncate(path, end)
        self._publish(WarcFile(self._name, file_sha256(path), end))

    def _publish(self, warc: WarcFile) -> None:
        assert self._final is not None
        _open_name(self._final).replace(self._final)
        fsync_dir(self._final.parent)
        self._handle = self._final = None
        if self.on_close is not None:
            self.on_close(warc)


def published(root: Path, path: Path) -> WarcFile:
    """The manifest entry of a WARC file already on disk (one that recovery published)."""
    return WarcFile(str(path.relative_to(root)), file_sha256(path), path.stat().st_size)


def complete_prefix(path: Path) -> int:
    """Length of the part of a gzipped WARC made of whole, sound records, read as strictly as
    ``archiver verify`` reads them: warcio takes a member torn in its payload for a whole record
    (it inflates what is there), so a record cut by a kill would be kept, and fail verification."""
    end = 0
    with path.open("rb") as handle:
        for member in members(handle):
            problems = [member.error] if member.data is None else record_problems(member.data)[1]
            if problems:
                logger.warning("%s: unreadable after byte %d (%s)", path, end, problems[0])
                break
            end = member.offset + member.length
    return end


def recover(root: Path) -> list[Path]:
    """Publish the files a killed crawl left open, cut to their last complete record."""
    recovered = []
    for path in sorted((root / WARC_DIR).glob(f".*{OPEN_SUFFIX}")):
        end = complete_prefix(path)
        with path.open("rb+") as handle:
            handle.truncate(end)
            os.fsync(handle.fileno())
        final = path.with_name(path.name[1 : -len(OPEN_SUFFIX)])
        path.replace(final)
        recovered.append(final)
    if recovered:
        fsync_dir(root / WARC_DIR)
    return recovered
