"""The replica's pages served from memory, for the crawl benchmark.

    .venv/bin/python bench/prerendered.py [--items 1500] [--seed 7] [--langs en,ar]

The real site's server runs on its own machine; the replica's server (``archiver.replica``,
a threading stdlib server that renders each page) runs on the two cores the crawl is measured
on, and took ≈0.6 ms of CPU a page there (≈1.9 s of a 3,106-page crawl), which a crawl that
keeps both cores busy pays and a do-nothing crawl, idle on the second core, does not. Here each
answer is ``Replica.route``'s, the same bytes, rendered the first time a path is asked for and
kept whole (status line, headers and body): a crawl run once before the timed rounds leaves
the server little to do but write. Only GET, keep-alive, no faults and no request log: the
benchmark needs none. The base URL is the first line on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
from collections.abc import Iterator
from http.client import responses
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.replica import Replica  # noqa: E402

_END = b"\r\n\r\n"


def wire(site: Replica, target: str) -> bytes:
    """The whole HTTP answer to ``GET target``, as the replica's server would send it."""
    parts = urlsplit(target)
    answer = site.route(parts.path, parts.query)
    head = [
        f"HTTP/1.1 {answer.status} {responses.get(answer.status, '')}",
        f"Content-Type: {answer.content_type}",
        f"Content-Length: {len(answer.body)}",
        *(f"{name}: {value}" for name, value in answer.headers),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + answer.body


class _Connection(asyncio.Protocol):
    def __init__(self, site: Replica, answers: dict[str, bytes]) -> None:
        self.site = site
        self.answers = answers
        self.pending = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        """Answer every whole request received (the crawler sends no request bodies)."""
        assert self.transport is not None
        self.pending += data
        while (end := self.pending.find(_END)) >= 0:
            request, self.pending = self.pending[:end], self.pending[end + len(_END) :]
            target = request.split(b"\r\n", 1)[0].split(b" ")[1].decode("latin-1")
            if target not in self.answers:
                self.answers[target] = wire(self.site, target)
            self.transport.write(self.answers[target])


async def _serve(site: Replica) -> None:
    answers: dict[str, bytes] = {}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(site, answers), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


@contextlib.contextmanager
def prerendered(items: int, seed: int, langs: str) -> Iterator[tuple[str, int]]:
    """This server in a process of its own: its base URL and process id."""
    command = [sys.executable, __file__, "--items", str(items), "--seed", str(seed)]
    command += ["--langs", langs]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            yield process.stdout.readline().strip(), process.pid
        finally:
            process.terminate()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--langs", default="en,ar")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(Replica(args.items, args.seed, tuple(args.langs.split(",")))))


if __name__ == "__main__":
    main()
