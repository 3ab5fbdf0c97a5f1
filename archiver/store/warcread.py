"""Reading a crawl's WARC files back: each response record as a ``Capture`` with its place.

Our writer puts each record in a gzip member of its own (``archiver.store.warc``), so a reader
inflates member by member with ISA-L and splits only the headers it needs; warcio reads the
bodies asked for, and takes over where a member does not inflate, since it still reads the
headers of a record cut short. What cannot be read is a ``Damage``, never an exception: bytes
that are no record (a flipped run, junk, a file cut short) are skipped to the next gzip member,
and a record whose block is short or fails its digest is ``DamagedRecord``.
"""

from __future__ import annotations

import io
import itertools
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from archiver.store.layout import WARC_DIR
from archiver.store.warc import WarcRef
from archiver.store.warccheck import Member, first_record, members, next_header

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


def read_record(record: ArcWarcRecord, *, body: bool = True) -> Capture:
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


def why(error: BaseException) -> str:
    """The error on one line: warcio quotes the damaged bytes it found, binary and all."""
    text = "".join(c if c.isprintable() else "?" for c in str(error))
    cut = text[:_WHY_CHARS] + "…" if len(text) > _WHY_CHARS else text
    return f"{type(error).__name__}: {cut}".rstrip(": ")


def forgiving_captures(
    handle: BinaryIO, file: str, damaged: list[Damage], bodies: Callable[[str], bool], start: int
) -> Iterator[tuple[Capture, WarcRef]]:
    """The response records of one WARC file from ``start`` on, read by warcio. At bytes that
    are no record, one ``Damage`` is noted and reading goes on at the next gzip member that is
    a record."""
    end = handle.seek(0, io.SEEK_END)
    resume = start
    lost = False  # in damaged bytes: the false starts that follow are not noted again
    while resume < end:
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
                    capture = read_record(record, body=bodies(url))
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
            resume = end
        except _DAMAGE as error:
            if not lost:
                damaged.append(Damage(file, f"{file} at offset {at}", why(error)))
            lost = True
            resume = next_header(handle, at + 1)  # the next gzip member (the end when none)


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
    if not (length.isascii() and length.isdigit()) or len(data) != block + int(length) + 4:
        raise DamagedRecord("not one record as long as its Content-Length")
    return fields, block


def _head_only(url: str, head: bytes) -> Capture:
    """A capture without its body, from its HTTP message head (as ``read_record`` gives it)."""
    status, *lines = head.decode("latin-1").split("\r\n")
    version, _, rest = status.partition(" ")
    code = rest.split(" ", 1)[0]
    if not version.startswith("HTTP/") or not (code.isascii() and code.isdigit()):
        raise DamagedRecord(f"no HTTP status line: {status[:40]!r}")
    content_type = None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-type":
            content_type = value.strip()
            break
    encoding = http_content_type_encoding(content_type) if content_type else None
    return Capture(url, int(code), encoding, b"")


def plain_capture(
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
        whole = read_record(next(iter(ArchiveIterator(io.BytesIO(data))))) if bodies(url) else None
    except _DAMAGE as error:
        raise DamagedRecord(why(error)) from error
    if whole is None:
        whole = _head_only(url, data[block : data.find(b"\r\n\r\n", block)])
    return whole, WarcRef(file, offset, length, date)


def _member_capture(
    member: Member, file: str, damaged: list[Damage], bodies: Callable[[str], bool]
) -> tuple[Capture, WarcRef] | None:
    """The response record of a member that inflated; None for a record of another type and
    for a member that is not one record (a ``Damage``)."""
    assert member.data is not None  # the callers hand a member that did not inflate to warcio
    try:
        return plain_capture(member.data, file, member.offset, member.length, bodies)
    except DamagedRecord as error:
        damaged.append(Damage(file, f"{file} at offset {member.offset}", why(error)))
        return None


def file_captures(
    handle: BinaryIO, file: str, damaged: list[Damage], bodies: Callable[[str], bool]
) -> Iterator[tuple[Capture, WarcRef]]:
    """The response records of one WARC file. Each gzip member is inflated by ISA-L and read
    by its headers alone (several times as fast as warcio, which parses every record in
    Python: the index is the part of a re-extraction that no second core shares); a member
    that is not one record is a ``Damage``. From the first member that does not inflate,
    warcio's forgiving reader goes on: it still reads the headers of a record cut short."""
    for member in members(handle):
        if member.data is None:
            yield from forgiving_captures(handle, file, damaged, bodies, member.offset)
            return
        if (found := _member_capture(member, file, damaged, bodies)) is not None:
            yield found


def captures(
    root: Path,
    damaged: list[Damage] | None = None,
    bodies: Callable[[str], bool] = lambda url: True,
) -> Iterator[tuple[Capture, WarcRef]]:
    """Every readable response record of every published WARC file, with its place; what
    could not be read goes into ``damaged``. ``bodies(url)`` says whose body to read."""
    for whole in stretches(root, 1, 0):
        yield from stretch_captures(root, whole, [] if damaged is None else damaged, bodies)


def read_capture(root: Path, file: str, offset: int) -> Capture:
    """The response record at ``offset`` of ``file`` (as rows point to it), its block's length
    and digests checked (``DamagedRecord``)."""
    with (root / file).open("rb") as handle:
        handle.seek(offset)
        return read_record(next(iter(ArchiveIterator(handle, check_digests=True))))


@dataclass(frozen=True)
class Stretch:
    """Part of one WARC file for a reader of its own: the records that begin in [start, end).
    A ``whole`` file is read end to end, warcio taking over where a member does not inflate."""

    file: str  # relative to the archive root
    start: int
    end: int
    whole: bool


@dataclass
class Bounds:
    """Where the reading of a stretch began and ended: stretches of one file must meet."""

    first: int = 0  # where its first record begins
    after: int = 0  # where the first record past it begins (the file's end when none does)
    sound: bool = True  # False: a member did not inflate, so the file must be read whole


def stretches(root: Path, parts: int, smallest: int) -> list[Stretch]:
    """Every published WARC file, each of at least ``smallest`` bytes cut into ``parts``."""
    found = []
    for path in sorted((root / WARC_DIR).glob("*.warc.gz")):
        file, size = str(path.relative_to(root)), path.stat().st_size
        if parts == 1 or size < smallest:
            found.append(Stretch(file, 0, size, whole=True))
            continue
        cuts = [size * n // parts for n in range(parts + 1)]
        found += [Stretch(file, a, b, whole=False) for a, b in itertools.pairwise(cuts)]
    return found


def stretch_captures(
    root: Path,
    stretch: Stretch,
    damaged: list[Damage],
    bodies: Callable[[str], bool],
    bounds: Bounds | None = None,
) -> Iterator[tuple[Capture, WarcRef]]:
    """The response records that begin in ``stretch``; ``bounds`` says where reading began and
    ended, and whether the file must be read whole after all (``Bounds.sound``)."""
    bounds = Bounds() if bounds is None else bounds
    with (root / stretch.file).open("rb") as handle:
        if stretch.whole:
            yield from file_captures(handle, stretch.file, damaged, bodies)
            bounds.first, bounds.after = 0, stretch.end
            return
        bounds.first = first_record(handle, stretch.start)
        bounds.after = handle.seek(0, io.SEEK_END)
        for member in members(handle, bounds.first):
            if member.data is None:
                bounds.sound = False
                return
            if member.offset >= stretch.end:
                bounds.after = member.offset
                return
            if (found := _member_capture(member, stretch.file, damaged, bodies)) is not None:
                yield found
