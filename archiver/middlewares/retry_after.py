"""Honour ``Retry-After`` on 429 and 503 (Scrapy's own retry ignores it).

When such a response names a wait, this middleware waits that long (capped by
``ARCHIVER_RETRY_AFTER_MAX``) before handing the request back for another try, within the same
retry budget as Scrapy's RetryMiddleware (``RETRY_TIMES``). The wait does not hold a download
slot, so other requests go on meanwhile. Responses without the header are left to the ordinary
retry with its back-off.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from archiver.middlewares.backoff import WAITED_AS_ASKED
from archiver.middlewares.waiting import wait

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

RETRY_AFTER_CODES = frozenset({429, 503})


def retry_after_seconds(value: str, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler, cap: float, max_retry_times: int) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.cap = cap
        self.max_retry_times = max_retry_times

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        if not (
            settings.getbool("ARCHIVER_RETRY_AFTER_ENABLED") and settings.getbool("RETRY_ENABLED")
        ):
            raise NotConfigured  # off by its setting: intended, so Scrapy logs no warning
        return cls(
            crawler,
            settings.getfloat("ARCHIVER_RETRY_AFTER_MAX"),
            settings.getint("RETRY_TIMES"),
        )

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        header = response.headers.get("Retry-After")
        if response.status not in RETRY_AFTER_CODES or not header:
            return response
        delay = retry_after_seconds(header.decode("latin-1"), datetime.now(UTC))
        if delay is None:
            self.stats.inc_value("retry_after/unparsable")
            return response
        assert self.crawler.spider is not None
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=f"{response.status} with Retry-After",
            max_retry_times=self.max_retry_times,
        )
        if retry is None:
            return response
        seconds = min(delay, self.cap)
        self.stats.inc_value("retry_after/waits")
        self.stats.max_value("retry_after/max_wait", seconds)
        await wait(seconds)
        retry.meta[WAITED_AS_ASKED] = True  # no back-off on top of the server's own timing
        return retry
