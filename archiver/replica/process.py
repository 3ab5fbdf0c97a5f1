"""The replica in a subprocess, for tests, the demo and benchmarks."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

START_TIMEOUT = 30.0


@dataclass(frozen=True)
class ReplicaHandle:
    base_url: str
    items: int
    seed: int
    langs: tuple[str, ...]
    pid: int

    def request_log(self, since: int = 0) -> list[dict[str, Any]]:
        """The server's request log (``/_replica/log``) from entry ``since`` on."""
        url = f"{self.base_url}/_replica/log?since={since}"
        with urllib.request.urlopen(url, timeout=10) as response:
            entries: list[dict[str, Any]] = json.loads(response.read())
        return entries


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
    items: int = 250,
    seed: int = 1,
    langs: Sequence[str] = ("en", "ar"),
    port: int = 0,
    *,
    edition: int = 0,
    faults: str | None = None,
    broken: Sequence[str] = (),
    robots_disallow: Sequence[str] = (),
) -> Iterator[ReplicaHandle]:
    """Start ``python -m archiver.replica`` on 127.0.0.1, yield its handle, stop it on exit.

    ``faults`` is a spec as ``--faults`` takes it, ``broken`` holds ``FIELD:LANG`` pairs."""
    command = [
        sys.executable, "-m", "archiver.replica", "--port", str(port), "--items", str(items),
        "--seed", str(seed), "--langs", ",".join(langs), "--edition", str(edition),
    ]  # fmt: skip
    if faults is not None:
        command += ["--faults", faults]
    for pair in broken:
        command += ["--break", pair]
    for prefix in robots_disallow:
        command += ["--robots-disallow", prefix]
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
