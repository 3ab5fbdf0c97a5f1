"""The replica over HTTP on 127.0.0.1: a threading stdlib server around ``Replica.route``.

The server adds what only a connection has: transient faults (``faults.transient``, by the
target and how many times it was asked for), and a log of every request for tests to read.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from archiver.replica.faults import transient
from archiver.replica.site import Replica, Response

STATS_PATH = "/_replica/stats"
LOG_PATH = "/_replica/log"
# Never faulted: the replica's own endpoints and robots.txt (a crawler reads it once).
UNFAULTED = ("/_replica/", "/robots.txt")


class ReplicaServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replica: Replica, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.replica = replica
        self.counts: Counter[str] = Counter()
        self.attempts: Counter[str] = Counter()  # requests so far per target (path?query)
        self.log: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1

    def arrive(self, target: str, host: str) -> tuple[int, dict[str, Any]]:
        """Count a request of ``target`` and log it; its attempt number and log entry."""
        parts = urlsplit(target)
        with self._lock:
            self.attempts[target] += 1
            attempt = self.attempts[target]
            entry: dict[str, Any] = {
                "path": parts.path, "query": parts.query, "host": host, "time": time.time(),
                "attempt": attempt, "status": None, "fault": None,
            }  # fmt: skip
            if not parts.path.startswith("/_replica/"):
                self.log.append(entry)
        return attempt, entry

    def answer(self, target: str) -> Response:
        parts = urlsplit(target)
        if parts.path == STATS_PATH:
            with self._lock:
                body = json.dumps(dict(self.counts), sort_keys=True).encode()
            return Response(200, "stats", body, "application/json")
        if parts.path == LOG_PATH:
            since = int(parse_qs(parts.query).get("since", ["0"])[-1])
            with self._lock:
                body = json.dumps(self.log[since:]).encode()
            return Response(200, "log", body, "application/json")
        response = self.replica.route(parts.path, parts.query)
        self.count(response.kind)
        return response


STATUS_FAULTS = ("500", "503", "429")


def _status_fault(name: str, retry_after: int) -> Response:
    headers = (("Retry-After", str(retry_after)),) if retry_after and name != "500" else ()
    body = f"<html><body><h1>{name}</h1></body></html>\n".encode()
    return Response(int(name), "fault", body, headers=headers)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: crawlers reuse connections
    # Headers and body go out in two writes; with Nagle on, each response waits for the
    # client's delayed ACK (≈40 ms).
    disable_nagle_algorithm = True
    server: ReplicaServer

    def _send(self, with_body: bool) -> None:
        server = self.server
        attempt, entry = server.arrive(self.path, self.headers.get("Host", ""))
        spec = server.replica.faults
        if spec is None or self.path.startswith(UNFAULTED):
            self._respond(server.answer(self.path), entry, with_body)
            return
        fault = transient(spec, self.path, attempt)
        entry["fault"] = fault
        if fault is None:
            self._respond(server.answer(self.path), entry, with_body)
            return
        server.count(f"fault/{fault}")
        if fault == "drop":  # no answer at all: the client sees the connection close
            self.close_connection = True
        elif fault in STATUS_FAULTS:
            self._respond(_status_fault(fault, spec.retry_after), entry, with_body)
        elif fault == "delay":
            time.sleep(spec.delay_seconds)
            self._respond(server.answer(self.path), entry, with_body)
        else:  # truncate: the full length announced, half the bytes sent, then closed
            self._respond(server.answer(self.path), entry, with_body, truncate=True)

    def _respond(
        self, response: Response, entry: dict[str, Any], with_body: bool, truncate: bool = False
    ) -> None:
        entry["status"] = response.status
        body = response.body[: len(response.body) // 2] if truncate else response.body
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            if with_body:
                self.wfile.write(body)
        except ConnectionError:  # the client gave up first (e.g. timed out on a delay)
            self.server.count("client_gone")
            truncate = True
        if truncate:
            self.close_connection = True

    def do_GET(self) -> None:
        self._send(with_body=True)

    def do_HEAD(self) -> None:
        self._send(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Requests go to ``/_replica/log`` and the stats, not to stderr: a crawl makes
        thousands."""


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
