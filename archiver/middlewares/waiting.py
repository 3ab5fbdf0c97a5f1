"""Waiting inside a coroutine middleware without blocking the reactor."""

from __future__ import annotations

from scrapy.utils.defer import deferred_to_future
from twisted.internet.task import deferLater


async def wait(seconds: float) -> None:
    from twisted.internet import reactor  # the installed one; importing early would pick one

    await deferred_to_future(deferLater(reactor, seconds, lambda: None))
