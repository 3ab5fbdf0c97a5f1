"""Two writers can never hold one archive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archiver.store import lock

HOLD = """
import sys, time
from pathlib import Path
from archiver.store import lock
lock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(30)
"""


def test_a_second_process_is_refused_and_a_dead_holder_frees_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(lock.ArchiveLocked, match=f"process {holder.pid}"):
            lock.acquire(tmp_path)
    finally:
        holder.kill()  # like kill -9: no clean-up code runs
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    lock.acquire(tmp_path)
    lock.release(tmp_path)


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    lock.acquire(tmp_path)
    lock.acquire(tmp_path)
    lock.release(tmp_path)
    lock.release(tmp_path)
    lock.acquire(tmp_path)  # fully released above, so this is a fresh hold
    lock.release(tmp_path)


def test_plain_scrapy_on_a_locked_archive_touches_nothing(tmp_path: Path) -> None:
    # A live crawl's WARC file, still open: a second crawl must not "recover" (cut) it.
    live = tmp_path / "warc" / ".c1-00001.warc.gz.open"
    live.parent.mkdir()
    live.write_bytes(b"\x1f\x8b half a record")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        done = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "article",
             "-a", "url=http://127.0.0.1:9/en/index.php/x/5.html",
             "-s", f"ARCHIVER_OUT={tmp_path}", "-s", "LOG_LEVEL=ERROR"],
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert "is being written by another crawl" in done.stderr
    assert live.read_bytes() == b"\x1f\x8b half a record"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "warc"]


HOLD_SHARED = """
import sys, time
from pathlib import Path
from archiver.store import lock
lock.acquire(Path(sys.argv[1]), shared=True, when_alone=lambda root: print("alone", flush=True))
print("held", flush=True)
time.sleep(30)
"""


def test_shared_holders_write_side_by_side_and_keep_an_exclusive_taker_out(
    tmp_path: Path,
) -> None:
    holders = [
        subprocess.Popen(
            [sys.executable, "-c", HOLD_SHARED, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
    ]
    try:
        assert holders[0].stdout is not None
        assert [holders[0].stdout.readline().strip() for _ in range(2)] == ["alone", "held"]
        holders.append(
            subprocess.Popen(
                [sys.executable, "-c", HOLD_SHARED, str(tmp_path)],
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        assert holders[1].stdout is not None
        assert holders[1].stdout.readline().strip() == "held"  # not alone: no clean-up ran
        pids = ", ".join(str(p.pid) for p in sorted(holders, key=lambda p: str(p.pid)))
        with pytest.raises(lock.ArchiveLocked, match=rf"\(processes {pids}\); use another"):
            lock.acquire(tmp_path, "use another")
    finally:
        for holder in holders:
            holder.kill()
            holder.wait()
            assert holder.stdout is not None
            holder.stdout.close()
    lock.acquire(tmp_path)  # the killed holders' pid files are cleared with the lock
    assert lock.exclusive(tmp_path)
    assert not (tmp_path / lock.HOLDERS_NAME).exists()
    lock.release(tmp_path)


def test_a_shared_taker_is_refused_by_an_exclusive_holder(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(lock.ArchiveLocked, match=rf"\(process {holder.pid}\);"):
            lock.acquire(tmp_path, shared=True)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    cleaned: list[Path] = []
    lock.acquire(tmp_path, shared=True, when_alone=cleaned.append)
    assert cleaned == [tmp_path] and not lock.exclusive(tmp_path)
    lock.release(tmp_path)
