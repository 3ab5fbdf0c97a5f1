"""Back off before each retry: Scrapy's RetryMiddleware re-sends a failed request at once.

A retried request waits ``ARCHIVER_RETRY_BACKOFF_BASE × 2^(n-1)`` seconds before its n-th
retry, at most ``ARCHIVER_RETRY_BACKOFF_MAX``, so a struggling server gets room instead of a
burst; a retry the server timed with ``Retry-After`` has already waited and goes at once.
The wait does not hold a download slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured
from scrapy.http import Request

from archiver.middlewares.waiting import wait

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Request meta flag: this retry already waited as the server asked (Retry-After).
WAITED_AS_ASKED = "archiver_waited_as_asked"


def backoff_seconds(retry: int, base: float, cap: float) -> float:
    """The wait before the ``retry``-th retry (1, 2, …)."""
    return min(cap, base * 2.0 ** (retry - 1))


class RetryBackoffMiddleware:
    def __init__(self, crawler: Crawler, base: float, cap: float) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        settings = crawler.settings
        base = settings.getfloat("ARCHIVER_RETRY_BACKOFF_BASE")
        if base <= 0 or not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured  # off by its setting: intended, so Scrapy logs no warning
        return cls(crawler, base, settings.getfloat("ARCHIVER_RETRY_BACKOFF_MAX"))

    async def process_request(self, request: Request) -> None:
        retry = int(request.meta.get("retry_times", 0))
        if retry == 0 or request.meta.get(WAITED_AS_ASKED):
            return
        seconds = backoff_seconds(retry, self.base, self.cap)
        self.stats.inc_value("retry/backoff_waits")
        self.stats.max_value("retry/backoff_max_wait", seconds)
        await wait(seconds)
