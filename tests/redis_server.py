"""A private redis-server for the frontier tests: its own port on 127.0.0.1, its own temporary
directory, nothing saved (never the system's service)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import redis

START_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def running_redis() -> Iterator[str]:
    """Start redis-server, yield its URL (database 0), stop it on exit."""
    binary = shutil.which("redis-server")
    assert binary is not None, "redis-server is missing: run `make setup` (apt-get installs it)"
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="archiver-redis-") as directory:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", directory,
             "--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{port}/0"
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    redis.Redis.from_url(url).ping()
                    break
                except redis.ConnectionError:
                    assert process.poll() is None and time.monotonic() < deadline, "no redis"
                    time.sleep(0.05)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    with running_redis() as url:
        yield url


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The session's redis-server, emptied for this test."""
    redis.Redis.from_url(redis_server).flushall()
    return redis_server
