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
