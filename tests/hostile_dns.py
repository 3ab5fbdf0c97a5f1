"""A test-only DNS resolver for crawls: every name is 127.0.0.1, and every name asked for is
appended to the file named by the setting ``HOSTILE_DNS_LOG`` (one a line).

``-s TWISTED_DNS_RESOLVER=tests.hostile_dns.LoopbackResolver -s HOSTILE_DNS_LOG=PATH`` on a
crawl: nothing it does can reach the network, and a test reads which names it tried to look up
(Twisted hands it an IP address too, so a crawl that keeps to 127.0.0.1 logs only that).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from twisted.internet import defer
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer  # type: ignore[import-untyped]


@implementer(IResolverSimple)
class LoopbackResolver:
    def __init__(self, reactor: Any, log: Path) -> None:
        self.reactor = reactor
        self.log = log

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> LoopbackResolver:
        return cls(reactor, Path(crawler.settings["HOSTILE_DNS_LOG"]))

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        with self.log.open("a", encoding="utf-8") as log:
            log.write(name + "\n")
        return defer.succeed("127.0.0.1")


def names_asked(log: Path) -> set[str]:
    return set(log.read_text(encoding="utf-8").split()) if log.exists() else set()
