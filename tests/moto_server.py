"""An S3-compatible server on 127.0.0.1 for the tests: moto's, in a child process.

The AWS environment variables the archiver reads (dummy keys, the endpoint) are set for the
test process and so for the ``archiver`` children it starts.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pyarrow.fs as pafs
import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"moto's server did not start on port {port}") from None
            time.sleep(0.05)


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """The server's endpoint URL while the block runs, with the AWS variables set."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(port, process)
        with pytest.MonkeyPatch.context() as env:
            for name, value in {
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": endpoint,
                "AWS_EC2_METADATA_DISABLED": "true",
            }.items():
                env.setenv(name, value)
            env.delenv("AWS_ENDPOINT_URL_S3", raising=False)
            env.delenv("AWS_PROFILE", raising=False)
            yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def make_bucket(endpoint: str, name: str) -> None:
    pafs.S3FileSystem(endpoint_override=endpoint, allow_bucket_creation=True).create_dir(name)
