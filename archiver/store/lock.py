"""One writer per archive: an exclusive ``flock`` on ``{archive}/.lock``.

The kernel drops the lock when the holding process dies, so a crashed or killed crawl never
leaves a stale lock behind. Within one process the lock is re-entrant (the crawl command and
the pipeline it starts both take it).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import TextIO

LOCK_NAME = ".lock"
_held: dict[Path, tuple[TextIO, int]] = {}


class ArchiveLocked(RuntimeError):
    """Another process is writing this archive."""


def acquire(root: Path, way_out: str = "wait for it to finish, or use another --out") -> None:
    """Hold ``root``'s lock; ``way_out`` ends the message when another process holds it."""
    path = (root / LOCK_NAME).resolve()
    if path in _held:
        handle, count = _held[path]
        _held[path] = (handle, count + 1)
        return
    root.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise ArchiveLocked(
            f"{root} is being written by another crawl (process {holder}); {way_out}"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    _held[path] = (handle, 1)


def release(root: Path) -> None:
    path = (root / LOCK_NAME).resolve()
    handle, count = _held[path]
    if count > 1:
        _held[path] = (handle, count - 1)
        return
    del _held[path]
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    handle.close()


def holder(root: Path) -> str | None:
    """The process id of whoever holds ``root``'s lock now (None when nobody does).

    A probe with a shared lock on a read-only handle, let go at once: it needs no write access,
    so a copy of an archive on read-only media can be checked too.
    """
    path = (root / LOCK_NAME).resolve()
    if path in _held:
        return None  # this process holds it (a crawl verifying its own archive)
    try:
        handle = path.open(encoding="utf-8")
    except OSError:
        return None  # no lock file: no crawl ever ran here, or none runs
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return handle.read().strip() or "unknown"
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return None
