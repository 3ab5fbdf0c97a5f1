"""The replica over HTTP on 127.0.0.1: a threading stdlib server around ``Replica.route``."""

from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from archiver.replica.site import Replica, Response

STATS_PATH = "/_replica/stats"


class ReplicaServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replica: Replica, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.replica = replica
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1

    def answer(self, target: str) -> Response:
        parts = urlsplit(target)
        if parts.path == STATS_PATH:
            with self._lock:
                body = json.dumps(dict(self.counts), sort_keys=True).encode()
            return Response(200, "stats", body, "application/json")
        response = self.replica.route(parts.path, parts.query)
        self.count(response.kind)
        return response


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: crawlers reuse connections
    # Headers and body go out in two writes; with Nagle on, each response waits for the
    # client's delayed ACK (≈40 ms).
    disable_nagle_algorithm = True
    server: ReplicaServer

    def _send(self, with_body: bool) -> None:
        response = self.server.answer(self.path)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(response.body)

    def do_GET(self) -> None:
        self._send(with_body=True)

    def do_HEAD(self) -> None:
        self._send(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Requests are counted, not logged: a crawl makes thousands."""


def serve(replica: Replica, port: int = 0) -> None:
    """Serve until interrupted; the base URL is the first line on stdout."""
    server = ReplicaServer(replica, port)
    print(server.base_url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("replica: stopped", file=sys.stderr)
    finally:
        server.server_close()
