"""A hostile site on 127.0.0.1 for the scope tests: each path answers as a test tells it to
(redirects anywhere, meta refreshes, links to other hosts, ports and schemes, slow, huge or
lying bodies), and every request it gets is logged with its ``Host`` header.

Paired with ``tests/hostile_dns.py``, which resolves every name to 127.0.0.1: a request that
leaves the scope would reach this server (and be logged) instead of the network.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LISTING_DATE = "2024-11-26T10:15:00+03:00"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    drip_seconds: float = 0.0  # > 0: the body goes out one byte at a time, this far apart
    declared_length: int | None = None  # a Content-Length that lies about the body
    raw: bytes | None = None  # sent as it is instead of a response: no status line, no headers


@dataclass(frozen=True)
class Hit:
    host: str
    path: str


def page(reply_body: str, status: int = 200) -> Reply:
    return Reply(status, {"Content-Type": "text/html; charset=utf-8"}, reply_body.encode())


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location}, b"")


def item_page(title: str, text: str = "A paragraph of the item's own text.") -> Reply:
    return page(
        f"<html><head><title>{html.escape(title)}</title></head><body>"
        f'<div class="itemBody"><div class="itemFullText"><p>{html.escape(text)}</p>'
        "</div></div></body></html>"
    )


def refresh_page(url: str) -> Reply:
    return page(
        f'<html><head><meta http-equiv="refresh" content="0; url={html.escape(url)}">'
        "</head><body>moved</body></html>"
    )


def listing_page(links: list[str], next_href: str | None = None) -> Reply:
    entries = "".join(
        f'<div class="itemContainer"><article><header><h4><a href="{html.escape(href)}">'
        f'Entry {n}</a></h4><ul><li class="itemDate"><time datetime="{LISTING_DATE}">'
        "26 November 2024</time></li></ul></header></article></div>"
        for n, href in enumerate(links)
    )
    pagination = (
        f'<ul><li class="pagination-next"><a class="pagenav" href="{html.escape(next_href)}">'
        "Next</a></li></ul>"
        if next_href
        else ""
    )
    return page(
        "<html><head><title>Latest</title></head><body>"
        f'<div id="itemListPrimary">{entries}</div>{pagination}</body></html>'
    )


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Reply] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hosts(self) -> set[str]:
        with self.lock:
            return {hit.host for hit in self.hits}

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.hits.append(Hit(self.headers.get("Host", ""), self.path))
        reply = self.server.routes.get(self.path, Reply(404, {}, b"not here"))
        if reply.raw is not None:
            self.wfile.write(reply.raw)
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        length = len(reply.body) if reply.declared_length is None else reply.declared_length
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if not reply.drip_seconds:
            self.wfile.write(reply.body)
            return
        try:
            for byte in reply.body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(reply.drip_seconds)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the hits are the log."""


@contextmanager
def serving() -> Iterator[HostileServer]:
    server = HostileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
