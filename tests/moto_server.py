"""An S3-compatible server on 127.0.0.1 for the tests: moto's, in a child process, and a
proxy before it that can stop one upload in its middle.

The AWS environment variables the archiver reads (dummy keys, the endpoint) are set for the
test process and so for the ``archiver`` children it starts.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

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


class HoldingProxy(ThreadingHTTPServer):
    """An HTTP proxy in front of the S3 server that forwards every request, except the first
    one ``hold`` picks: that one is never forwarded and never answered (``held`` is set), so
    its sender can be killed in the middle of that upload."""

    daemon_threads = True  # the held request's thread must not keep the process alive

    def __init__(self, upstream: str, hold: Callable[[str, str, bytes], bool]) -> None:
        super().__init__(("127.0.0.1", 0), _Forward)
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.hold = hold
        self.held = threading.Event()
        self.held_body = b""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> HoldingProxy:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HoldingProxy
    SKIPPED = frozenset({"transfer-encoding", "content-length", "connection", "expect"})

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests' output is theirs."""

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0], 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _payload(self, body: bytes) -> bytes:
        """The object's bytes: the AWS SDK sends them aws-chunked (size;signature lines)."""
        if "aws-chunked" not in self.headers.get("Content-Encoding", ""):
            return body
        payload, rest = [], io.BytesIO(body)
        while size := int(rest.readline().split(b";")[0] or b"0", 16):
            payload.append(rest.read(size))
            rest.readline()
        return b"".join(payload)

    def forward(self) -> None:
        body = self._body()
        server = self.server
        payload = self._payload(body)
        if not server.held.is_set() and server.hold(self.command, self.path, payload):
            server.held_body = payload
            server.held.set()
            threading.Event().wait()  # never answered: the sender is killed meanwhile
        upstream = http.client.HTTPConnection(*server.upstream, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in self.SKIPPED}
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in self.SKIPPED:
                self.send_header(name, value)
        # A HEAD answer tells the object's size in Content-Length: keep it.
        length = response.getheader("Content-Length") if self.command == "HEAD" else None
        self.send_header("Content-Length", length or str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        upstream.close()

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = forward
