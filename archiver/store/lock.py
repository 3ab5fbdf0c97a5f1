"""Who may write an archive: a ``flock`` on ``{archive}/.lock``, exclusive or shared.

One crawl, ``compact`` and re-extraction hold it exclusively: they must be alone. The workers
of one shared-frontier crawl (``archiver.distributed``) hold it shared: they write side by side,
each under its own crawl id, and only ``compact`` and the like are kept out. The exclusive
holder's pid is written in ``.lock``; each shared holder leaves a file named by its pid in
``.lock.d/``, so a refusal can say which processes hold the archive.

The kernel drops the lock when the holding process dies, so a crashed or killed crawl never
leaves a stale lock behind (a killed shared holder's pid file stays until the next exclusive
holder clears the directory). Within one process the lock is re-entrant (the crawl command and
the pipeline it starts both take it); the outermost hold decides the mode.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

LOCK_NAME = ".lock"
HOLDERS_NAME = ".lock.d"  # one file per shared holder, named PID@HOST
# Seconds a shared taker waits while a fellow worker holds the lock alone to clean up.
JOIN_WAIT = 120.0


@dataclass
class _Hold:
    handle: TextIO
    exclusive: bool
    count: int = 1


_held: dict[Path, _Hold] = {}


class ArchiveLocked(RuntimeError):
    """Another process is writing this archive."""


def _holder_name() -> str:
    return f"{os.getpid()}@{socket.gethostname()}"


def _exclusive_holder(handle: TextIO) -> str:
    """The pid an exclusive holder wrote ("" while a shared holder is about to share)."""
    handle.seek(0)
    return handle.read().strip()


def _holder_names(root: Path, handle: TextIO) -> list[str]:
    """The processes holding ``root`` as the lock file and holder files name them."""
    exclusive = _exclusive_holder(handle)
    names = [exclusive] if exclusive else []
    if not names and (root / HOLDERS_NAME).is_dir():
        names = sorted(p.name for p in (root / HOLDERS_NAME).iterdir())
    here = f"@{socket.gethostname()}"
    return [name.removesuffix(here).replace("@", " on ") for name in names] or ["unknown"]


def _holders(root: Path, handle: TextIO) -> str:
    shown = _holder_names(root, handle)
    return f"process{'es' if len(shown) > 1 else ''} {', '.join(shown)}"


def _try_flock(handle: TextIO, operation: int) -> bool:
    try:
        fcntl.flock(handle.fileno(), operation | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def acquire(
    root: Path,
    way_out: str = "wait for it to finish, or use another --out",
    *,
    shared: bool = False,
    when_alone: Callable[[Path], object] | None = None,
) -> None:
    """Hold ``root``'s lock; ``way_out`` ends the message when another process holds it.

    ``shared``: hold it alongside other shared holders (the workers of one crawl).
    ``when_alone(root)`` runs while no other process holds the lock (before a shared hold
    begins, so no other worker can be writing): clean-up that must not race a live writer.
    """
    path = (root / LOCK_NAME).resolve()
    if path in _held:
        _held[path].count += 1
        return
    root.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    alone = _try_flock(handle, fcntl.LOCK_EX)
    if alone:
        # Every other holder is gone: their pid files are stale.
        shutil.rmtree(root / HOLDERS_NAME, ignore_errors=True)
        handle.seek(0)
        handle.truncate()
        handle.write("" if shared else str(os.getpid()))
        handle.flush()
        if when_alone is not None:
            when_alone(root)
    # From exclusive to shared is a conversion, which Linux does as release-then-take: an
    # exclusive taker may slip in between, and then this worker is refused like any other.
    held = _try_flock(handle, fcntl.LOCK_SH) if shared else alone
    deadline = time.monotonic() + JOIN_WAIT
    while shared and not held and not _exclusive_holder(handle) and time.monotonic() < deadline:
        # A fellow worker holds it alone for a moment (cleaning up before it shares): wait.
        time.sleep(0.05)
        held = _try_flock(handle, fcntl.LOCK_SH)
    if not held:
        holders = _holders(root, handle)
        handle.close()
        raise ArchiveLocked(f"{root} is being written by another crawl ({holders}); {way_out}")
    if shared:
        (root / HOLDERS_NAME).mkdir(exist_ok=True)
        (root / HOLDERS_NAME / _holder_name()).touch()
    _held[path] = _Hold(handle, exclusive=not shared)


def release(root: Path) -> None:
    path = (root / LOCK_NAME).resolve()
    hold = _held[path]
    if hold.count > 1:
        hold.count -= 1
        return
    del _held[path]
    if not hold.exclusive:
        # The directory stays: another worker may be joining; the next exclusive holder
        # removes it.
        (root / HOLDERS_NAME / _holder_name()).unlink(missing_ok=True)
    fcntl.flock(hold.handle.fileno(), fcntl.LOCK_UN)
    hold.handle.close()


def exclusive(root: Path) -> bool:
    """Whether this process holds ``root`` alone (so it may clean up after dead writers)."""
    hold = _held.get((root / LOCK_NAME).resolve())
    return hold is not None and hold.exclusive


def holder(root: Path) -> str | None:
    """The processes that hold ``root``'s lock now, shared or exclusive (None when nobody does).

    A probe with an exclusive lock on a read-only handle, let go at once: it needs no write
    access, so a copy of an archive on read-only media can be checked too.
    """
    path = (root / LOCK_NAME).resolve()
    if path in _held:
        return None  # this process holds it (a crawl verifying its own archive)
    try:
        handle = path.open(encoding="utf-8")
    except OSError:
        return None  # no lock file: no crawl ever ran here, or none runs
    with handle:
        if not _try_flock(handle, fcntl.LOCK_EX):
            return ", ".join(_holder_names(root, handle))
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return None
