"""The crawl's helper process (archiver.coprocess) and the WARC capture that runs in it: answers
in order and bounded, errors carried back, and a ``kill -9`` of the crawl in the middle of a
record kills the capture process with it, so recovery and the next run find the archive whole.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.coprocess import Coprocess, CoprocessDied
from archiver.replica import running
from archiver.store import lock
from archiver.store.verify import verify
from archiver.store.warc import OPEN_SUFFIX
from archiver.store.warcread import read_capture
from tests.run_cli import archiver

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]
ONE_ROW_PARTS = ["-s", "ARCHIVER_BATCH_ROWS=1"]  # rows are committed before the kill


class Counter:
    """A stateful service: what the helper has been sent so far."""

    def __init__(self) -> None:
        self.seen: list[Any] = []

    def __call__(self, request: Any) -> Any:
        if request == "fail":
            raise OSError(errno.ENOSPC, "No space left on device")
        if request == "exit":
            os._exit(3)
        self.seen.append(request)
        return (os.getpid(), list(self.seen))


def test_answers_come_back_in_order_from_one_stateful_helper() -> None:
    helper = Coprocess(Counter(), window=2)

    async def calls() -> list[Any]:
        return list(await asyncio.gather(*(helper.call(n) for n in range(5))))

    try:
        answers = asyncio.run(calls())
        assert [seen for _, seen in answers] == [list(range(n + 1)) for n in range(5)]
        assert {pid for pid, _ in answers} == {helper.pid} and helper.pid != os.getpid()
        assert helper.call_now("last")[1] == [0, 1, 2, 3, 4, "last"]
    finally:
        helper.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, 0)  # ended and reaped by close


def test_a_request_that_cannot_be_sent_fails_alone_and_later_answers_stay_in_order() -> None:
    helper = Coprocess(Counter())

    async def calls() -> list[Any]:
        first = await helper.call("a")
        with pytest.raises(AttributeError):  # a lambda does not pickle
            await helper.call(lambda: None)
        return [first, await asyncio.wait_for(helper.call("b"), 10)]

    try:
        assert [seen for _, seen in asyncio.run(calls())] == [["a"], ["a", "b"]]
    finally:
        helper.close()


def test_a_caller_cancelled_after_its_turn_came_passes_the_turn_on() -> None:
    helper = Coprocess(Counter(), window=1)
    give_turn = helper._next_turn

    async def calls() -> list[Any]:
        first = asyncio.ensure_future(helper.call("first"))
        await asyncio.sleep(0)  # "first" is sent and fills the window
        second = asyncio.ensure_future(helper.call("second"))
        third = asyncio.ensure_future(helper.call("third"))
        await asyncio.sleep(0)  # both wait for a turn

        def give_then_cancel() -> None:  # the race: cancelled once given, before it runs
            give_turn()
            second.cancel()

        helper._next_turn = give_then_cancel  # type: ignore[method-assign]
        answer = await first
        helper._next_turn = give_turn  # type: ignore[method-assign]
        return [answer, await asyncio.wait_for(third, 10)]

    try:
        assert [seen for _, seen in asyncio.run(calls())] == [["first"], ["first", "third"]]
    finally:
        helper.close()


def test_an_error_in_the_helper_is_raised_by_the_call_and_the_helper_goes_on() -> None:
    helper = Coprocess(Counter())
    try:
        with pytest.raises(OSError) as raised:
            helper.call_now("fail")
        assert (raised.value.errno, raised.value.strerror) == (
            errno.ENOSPC,
            "No space left on device",
        )
        assert helper.call_now("next")[1] == ["next"]
    finally:
        helper.close()


def test_a_helper_that_dies_fails_every_pending_and_later_call() -> None:
    helper = Coprocess(Counter())

    async def calls() -> list[Any]:
        return list(
            await asyncio.gather(*(helper.call(r) for r in (1, "exit", 2)), return_exceptions=True)
        )

    try:
        first, died, after = asyncio.run(calls())
        assert first[1] == [1]
        assert isinstance(died, CoprocessDied) and isinstance(after, CoprocessDied)
        with pytest.raises(CoprocessDied):
            helper.call_now(3)
    finally:
        helper.close()


def test_the_helper_holds_no_file_of_its_parent_such_as_the_archives_lock(
    tmp_path: Path,
) -> None:
    lock.acquire(tmp_path)
    helper = Coprocess(Counter())
    try:
        helper.call_now("ready")  # it serves: it has closed what it inherited
        names = {str(fd.readlink()) for fd in Path(f"/proc/{helper.pid}/fd").iterdir()}
        assert str(tmp_path / lock.LOCK_NAME) not in names
        assert len([n for n in names if n.startswith("pipe:")]) == 2
    finally:
        helper.close()
        lock.release(tmp_path)


# A crawl whose capture process stalls in the middle of its eighth exchange, half of it written
# and flushed: it writes its pid to the file named by the first argument, then waits (for the
# kill).
STALL = """
import os, sys, time
from pathlib import Path
from archiver.cli import main
from archiver.store import warc

marker = Path(sys.argv[1])
written = []
real_append = warc.WarcFileWriter._append

def append(self, data):
    if len(written) == 8:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        marker.write_text(str(os.getpid()))
        time.sleep(60)
    written.append(data)
    real_append(self, data)

warc.WarcFileWriter._append = append
sys.exit(main(sys.argv[2:]))
"""


def gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while Path(f"/proc/{pid}").exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_kill_9_in_the_middle_of_a_record_kills_the_capture_and_loses_nothing_committed(
    tmp_path: Path,
) -> None:
    out, marker = tmp_path / "archive", tmp_path / "capture.pid"
    with running(items=12, seed=7, langs=("en",)) as replica:
        args = ["crawl", "--base-url", replica.base_url, "--lang", "en", "--out", str(out)]
        crawl = subprocess.Popen(
            [sys.executable, "-c", STALL, str(marker), *args, *LOCAL, *ONE_ROW_PARTS],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not marker.exists() or not marker.read_text():
            assert crawl.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        capture = int(marker.read_text())
        assert capture != crawl.pid
        while not dataset.part_files(out):  # the rows of the records before are committed
            assert crawl.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        crawl.kill()
        assert crawl.wait(timeout=10) == -9
        assert gone(capture, 5), "the capture process outlived the crawl"
        (open_file,) = (out / "warc").glob(f".*{OPEN_SUFFIX}")
        torn = open_file.stat().st_size
        time.sleep(0.2)
        assert open_file.stat().st_size == torn  # nothing written after the kill
        again = archiver(
            "crawl", "--base-url", replica.base_url, "--lang", "en", "--out", out, *LOCAL
        )
    assert again.returncode == 0, again.stdout + again.stderr
    assert list((out / "warc").glob(".*")) == []  # recovered and published
    report = verify(out)
    assert (report.problems, report.rows) == ([], 12)
    rows = dataset.open(out).to_table().to_pylist()
    assert len({row["crawl_id"] for row in rows}) == 2
    for row in rows:
        capture_bytes = read_capture(out, row["warc_file"], row["warc_offset"]).body
        assert hashlib.sha256(capture_bytes).hexdigest() == row["html_sha256"], row["key"]
