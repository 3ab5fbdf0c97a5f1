"""A forked helper process that serves one function's calls for the crawl, in order.

The crawl's reactor runs on one core; work that needs no Scrapy object (compressing, hashing
and writing WARC records; reading item pages with the page objects) can run beside it on the
second. ``Coprocess(serve)`` forks a process
that answers each request with ``serve(request)``, one at a time, in the order sent; the crawl
awaits the answers (``call``) while it goes on with other responses, or waits for one
(``call_now``) at its end. At most ``window`` requests are in flight: a caller past that waits
its turn, so the pipe and the helper's backlog stay bounded.

Forked, not spawned: the helper starts at once with everything already imported, and holds
only its two pipe ends (every other inherited file is closed, the archive's lock included). It
is killed by the kernel when its parent dies (``kill -9`` kills both: nothing is written after
the crawl is gone); Ctrl-C and SIGTERM leave it to its parent, which stops gracefully. An
exception ``serve`` raises is raised by the call; a helper that dies answers every pending
call with ``CoprocessDied``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import fcntl
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

_HEADER = 8  # bytes of each message's length
_PIPE_BYTES = 1 << 20  # the request pipe's buffer (Linux's default 64 KiB holds one page)
_PR_SET_PDEATHSIG = 1


class CoprocessDied(OSError):
    """The helper process ended before answering."""


def _frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "big") + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, _PIPE_BYTES))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _die_with(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux); if the parent is
    already gone, end now. Ctrl-C and a service manager's SIGTERM reach the whole process
    group: the parent stops gracefully and still needs its helper until it closes it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


def _answer(serve: Callable[[Any], Any], request: Any) -> bytes:
    try:
        return _frame((True, serve(request)))
    except Exception as error:  # noqa: BLE001 - any error of serve is the caller's to handle
        try:
            return _frame((False, error))
        except Exception:  # noqa: BLE001 - an error that does not pickle goes back as text
            return _frame((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _serve_forever(serve: Callable[[Any], Any], requests: int, replies: int) -> None:
    """The helper's whole life: answer requests until the parent closes the pipe."""
    while True:
        try:
            size = int.from_bytes(_read_exactly(requests, _HEADER), "big")
            request = pickle.loads(_read_exactly(requests, size))
        except EOFError:
            return
        _write_all(replies, _answer(serve, request))


Settle = Callable[[bool, Any], None]  # given each answer: (True, result) or (False, error)


class Coprocess:
    def __init__(self, serve: Callable[[Any], Any], *, window: int = 16) -> None:
        parent = os.getpid()
        request_read, self._requests = os.pipe()
        self._replies, reply_write = os.pipe()
        with contextlib.suppress(OSError):  # Linux: room for many pages; elsewhere the default
            fcntl.fcntl(self._requests, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        self.pid = os.fork()
        if self.pid == 0:  # the helper
            code = 1
            try:
                _die_with(parent)
                keep = sorted((request_read, reply_write))
                os.closerange(3, keep[0])
                os.closerange(keep[0] + 1, keep[1])
                os.closerange(keep[1] + 1, os.sysconf("SC_OPEN_MAX"))
                _serve_forever(serve, request_read, reply_write)
                code = 0
            finally:
                os._exit(code)
        os.close(request_read)
        os.close(reply_write)
        self._window = window
        self._pending: deque[Settle] = deque()
        self._waiting: deque[asyncio.Future[None]] = deque()  # callers past the window
        self._buffer = bytearray()
        self._reading: asyncio.AbstractEventLoop | None = None
        self._dead = False

    async def call(self, request: Any) -> Any:
        """``serve(request)`` in the helper; the other callers go on meanwhile."""
        loop = asyncio.get_running_loop()
        while len(self._pending) >= self._window and not self._dead:
            turn = loop.create_future()
            self._waiting.append(turn)
            try:
                await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():  # given the turn, then cancelled:
                    self._next_turn()  # it goes to the next caller, or none would wake
                raise
        answer = loop.create_future()

        def settle(ok: bool, value: Any) -> None:
            if answer.cancelled():
                return
            if ok:
                answer.set_result(value)
            else:
                answer.set_exception(value)

        self._send(request, settle)
        if self._reading is not loop and not self._dead:
            self._stop_reading()
            loop.add_reader(self._replies, self._read_some)
            self._reading = loop
        return await answer

    def call_now(self, request: Any) -> Any:
        """``serve(request)`` in the helper, waited for here (the calls sent before it are
        answered first): for the crawl's end, when there is nothing else to do."""
        self._stop_reading()
        answers: list[tuple[bool, Any]] = []
        self._send(request, lambda ok, value: answers.append((ok, value)))
        while not answers and self._read_some():
            pass
        ok, value = answers[0]
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """End the helper (once it has answered what it was sent) and wait for it."""
        self._stop_reading()
        os.close(self._requests)
        while self._read_some():  # answers still on their way are read and given
            pass
        os.close(self._replies)
        os.waitpid(self.pid, 0)

    def _send(self, request: Any, settle: Settle) -> None:
        # Pickled first: a request that cannot be sent raises here, before it holds a place
        # among the pending, so every later answer still reaches its own caller.
        message = _frame(request)
        self._pending.append(settle)
        if self._dead:
            self._died()
            return
        try:
            _write_all(self._requests, message)
        except BrokenPipeError:  # it has ended: the answers it gave before are still read
            self._stop_reading()
            while self._read_some():
                pass

    def _stop_reading(self) -> None:
        if self._reading is not None:
            self._reading.remove_reader(self._replies)
            self._reading = None

    def _read_some(self) -> bool:
        """Read what the helper sent and settle each whole answer; False at its end."""
        if self._dead:
            return False
        chunk = os.read(self._replies, _PIPE_BYTES)
        if not chunk:
            self._died()
            return False
        self._buffer += chunk
        while len(self._buffer) >= _HEADER:
            size = int.from_bytes(self._buffer[:_HEADER], "big")
            if len(self._buffer) < _HEADER + size:
                break
            ok, value = pickle.loads(self._buffer[_HEADER : _HEADER + size])
            del self._buffer[: _HEADER + size]
            self._pending.popleft()(ok, value)
            self._next_turn()
        return True

    def _next_turn(self) -> None:
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():
                turn.set_result(None)
                return

    def _died(self) -> None:
        """The helper is gone: every pending call fails, every waiting caller goes on (to
        fail in turn)."""
        self._dead = True
        self._stop_reading()
        while self._pending:
            self._pending.popleft()(False, CoprocessDied("the helper process has ended"))
        while self._waiting:
            self._next_turn()
