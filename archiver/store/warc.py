"""WARC capture: every fetched response, with its request, in gzipped WARC files.

A file is written under a hidden ``.open`` name and renamed when it is rotated or the crawl
ends. Each record is flushed to the operating system as soon as it is written, so a crawl
killed with ``kill -9`` loses at most the record being written; on the next start,
``recover`` cuts a leftover file back to its last complete record and publishes it, so rows
committed before the kill still find their records.
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver import __version__
from archiver.store.atomic import fsync_dir

WARC_DIR = "warc"
OPEN_SUFFIX = ".open"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WarcRef:
    file: str  # relative to the archive root, the published name
    offset: int
    length: int
    fetched_at: datetime  # the record's WARC-Date, to the microsecond: the row's fetched_at


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


class WarcFileWriter:
    def __init__(self, root: Path, crawl_id: str, max_bytes: int = 1 << 30) -> None:
        self.root = root
        self.crawl_id = crawl_id
        self.max_bytes = max_bytes
        self._sequence = 0
        self._handle: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._final: Path | None = None

    def _start_file(self) -> None:
        self._sequence += 1
        self._final = self.root / WARC_DIR / f"{self.crawl_id}-{self._sequence:05d}.warc.gz"
        self._final.parent.mkdir(parents=True, exist_ok=True)
        self._handle = _open_name(self._final).open("wb")
        self._writer = WARCWriter(self._handle, gzip=True)
        info = {"software": f"archiver/{__version__}", "format": "WARC File Format 1.1"}
        self._writer.write_record(self._writer.create_warcinfo_record(self._final.name, info))

    def write(self, exchange: Exchange) -> WarcRef:
        if self._handle is None or self._handle.tell() >= self.max_bytes:
            self.close()
            self._start_file()
        assert self._writer is not None and self._handle is not None and self._final is not None
        date = warc_date(exchange.fetched_at)
        http = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(),
            exchange.response_headers,
            protocol="HTTP/1.1",
        )
        response = self._writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            length=len(exchange.body),  # a known length spares warcio a spooled copy
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        request_http = StatusAndHeaders(
            f"{exchange.method} {exchange.url} HTTP/1.1",
            exchange.request_headers,
            is_http_request=True,
        )
        request = self._writer.create_warc_record(
            exchange.url,
            "request",
            http_headers=request_http,
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        offset = self._handle.tell()
        self._writer.write_record(response)
        length = self._handle.tell() - offset
        self._writer.write_record(request)
        self._handle.flush()
        return WarcRef(str(self._final.relative_to(self.root)), offset, length, exchange.fetched_at)

    def close(self) -> None:
        """Finish the current file: fsync it and publish it under its final name."""
        if self._handle is None or self._final is None:
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        _open_name(self._final).replace(self._final)
        fsync_dir(self._final.parent)
        self._handle = self._writer = self._final = None


def complete_prefix(path: Path) -> int:
    """Length of the part of a gzipped WARC made of whole, readable records."""
    end = 0
    with path.open("rb") as handle:
        try:
            records = ArchiveIterator(handle)
            for record in records:
                record.content_stream().read()
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            logger.warning("%s: unreadable after byte %d (%s)", path, end, error)
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
