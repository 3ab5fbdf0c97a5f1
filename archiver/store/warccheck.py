"""A strict reading of a gzipped WARC file: every member inflated, every digest recomputed.

warcio's reader forgives damage (a member that fails to inflate ends the file or is skipped),
which is right for replay and wrong for proving integrity. Here the gzip members are inflated
one by one by ISA-L (zlib's format and checks, each member's CRC and length, at ≈2.3× zlib's
speed: 0.13 s against 0.29 s for a 28 MB file of 4,143 records); a member that does not inflate
is reported and reading resumes at the next gzip header, so one damaged record hides none of
the others. Each inflated member must then hold exactly one WARC record, as long as its
``Content-Length``, whose digests warcio recomputes with the algorithm each record declares.
Memory stays bounded by the largest record.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from isal import isal_zlib
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"
# Digests every record of ours carries: the block's, and the HTTP payload's.
REQUIRED = {"response": 2, "request": 2}
# ISA-L's inflate error (its stub names an instance, not the class).
INFLATE_ERROR: type[Exception] = isal_zlib.error  # type: ignore[assignment]


@dataclass
class WarcCheck:
    """What a file holds: its sound response records' places, and what is wrong with it."""

    records: int = 0
    responses: set[tuple[int, int]] = field(default_factory=set)  # (offset, length)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Member:
    offset: int
    length: int
    data: bytes | None  # None: the bytes from offset on did not inflate
    error: str = ""


class _Damaged(ValueError):
    pass


def _inflate(handle: BinaryIO, pending: bytes) -> tuple[int, bytes, bytes]:
    """One gzip member from ``pending`` and the handle on: its compressed length, its bytes,
    and what was read past it."""
    inflater = isal_zlib.decompressobj(wbits=31)
    parts = []
    used = 0
    while not inflater.eof:
        if not pending:
            pending = handle.read(CHUNK)
            if not pending:
                raise _Damaged("the gzip member is cut short")
        try:
            parts.append(inflater.decompress(pending))
        except INFLATE_ERROR as error:
            raise _Damaged(f"the gzip member does not inflate ({error})") from None
        used += len(pending) - len(inflater.unused_data)
        pending = inflater.unused_data
    return used, b"".join(parts), pending


def next_header(handle: BinaryIO, start: int) -> int:
    """Where the next gzip header begins, at or after ``start`` (the file's end when none does)."""
    handle.seek(start)
    position = start
    tail = b""
    while chunk := handle.read(CHUNK):
        found = (tail + chunk).find(GZIP_MAGIC)
        if found >= 0:
            return position - len(tail) + found
        position += len(chunk)
        tail = chunk[-(len(GZIP_MAGIC) - 1) :]
    return position


def first_record(handle: BinaryIO, start: int) -> int:
    """Where the first gzip member that inflates to a WARC record begins, at or after
    ``start`` (the file's end when none does): a reader of part of a file starts there."""
    end = handle.seek(0, io.SEEK_END)
    position = start
    while (candidate := next_header(handle, position)) < end:
        handle.seek(candidate)
        try:
            _, data, _ = _inflate(handle, b"")
        except _Damaged:
            data = b""
        if data.startswith(b"WARC/"):
            return candidate
        position = candidate + 1
    return end


def members(handle: BinaryIO, start: int = 0) -> Iterator[Member]:
    """Each gzip member in file order from ``start`` on, and each damaged stretch between them
    as one."""
    offset = start
    handle.seek(start)
    pending = b""
    damaged: Member | None = None
    while pending or (pending := handle.read(CHUNK)):
        try:
            length, data, pending = _inflate(handle, pending)
        except _Damaged as error:
            resume = next_header(handle, offset + 1)
            if damaged is None:
                damaged = Member(offset, 0, None, str(error))
            offset = resume
            handle.seek(resume)
            pending = b""
            continue
        if damaged is not None:
            yield Member(damaged.offset, offset - damaged.offset, None, damaged.error)
            damaged = None
        yield Member(offset, length, data)
        offset += length
    if damaged is not None:
        yield Member(damaged.offset, offset - damaged.offset, None, damaged.error)


def record_problems(data: bytes) -> tuple[str, list[str]]:
    """The type of the one record in ``data`` and what is wrong with it (nothing: sound)."""
    records = ArchiveIterator(io.BytesIO(data), check_digests=True)
    try:
        record = next(records)
        kind = record.rec_type or ""
        while record.raw_stream.read(CHUNK):
            pass
        extra = next(records, None)
    except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, ValueError) as error:
        return "", [f"not a WARC record ({str(error).strip()[:80]})"]
    if record.raw_stream.limit:
        return kind, [f"{kind} record: shorter than its Content-Length"]
    if extra is not None:
        return kind, [f"{kind} record: a second record in its gzip member"]
    problems = list(record.digest_checker.problems)
    declared = sum(
        record.rec_headers.get_header(name) is not None
        for name in ("WARC-Block-Digest", "WARC-Payload-Digest")
    )
    if declared < REQUIRED.get(kind, 1):
        problems.append("a digest is missing")
    return kind, [f"{kind} record: {problem}" for problem in problems]


def check_warc(path: Path) -> WarcCheck:
    """Inflate every member of ``path`` and check every record's digests."""
    check = WarcCheck()
    with path.open("rb") as handle:
        for member in members(handle):
            if member.data is None:
                check.problems.append(
                    f"at byte {member.offset}: {member.error} ({member.length} bytes unreadable)"
                )
                continue
            check.records += 1
            kind, problems = record_problems(member.data)
            check.problems.extend(f"at byte {member.offset}: {p}" for p in problems)
            if kind == "response" and not problems:
                check.responses.add((member.offset, member.length))
    return check
