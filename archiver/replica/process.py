"""The replica in a subprocess, for tests, the demo and benchmarks."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

START_TIMEOUT = 30.0


@dataclass(frozen=True)
class ReplicaHandle:
    base_url: str
    items: int
    seed: int
    langs: tuple[str, ...]
    pid: int


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The server's first stdout line, or an error if it does not come in time."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    if not lines or not lines[0].startswith("http://"):
        raise RuntimeError(f"replica did not start (exit code {process.poll()})")
    return lines[0].strip()


@contextmanager
def running(
    items: int = 250, seed: int = 1, langs: Sequence[str] = ("en", "ar"), port: int = 0
) -> Iterator[ReplicaHandle]:
    """Start ``python -m archiver.replica`` on 127.0.0.1, yield its handle, stop it on exit."""
    command = [
        sys.executable, "-m", "archiver.replica", "--port", str(port), "--items", str(items),
        "--seed", str(seed), "--langs", ",".join(langs),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        base_url = _first_line(process, START_TIMEOUT)
        yield ReplicaHandle(base_url, items, seed, tuple(langs), process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
