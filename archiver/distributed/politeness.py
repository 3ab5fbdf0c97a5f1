"""One request rate per host for all frontier workers together.

Each worker's own ``DOWNLOAD_DELAY`` spaces only its own requests: N workers would hit the
site N times as often. Here every request first takes the host's next free moment from Redis
(``SharedState.reserve``) and waits for it, so the requests of all workers, on all machines,
reach a host at least ``DOWNLOAD_DELAY`` seconds apart. Redis's clock decides, not the
workers' own. ``DOWNLOAD_DELAY = 0`` (a local replica) turns it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from archiver.distributed.state import state_for
from archiver.middlewares.waiting import wait

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request

    from archiver.distributed.state import SharedState


class SharedHostRate:
    def __init__(self, crawler: Crawler, state: SharedState, interval: float) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.state = state
        self.interval = interval

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedHostRate:
        interval = crawler.settings.getfloat("DOWNLOAD_DELAY")
        if not crawler.settings.get("ARCHIVER_FRONTIER") or interval <= 0:
            raise NotConfigured
        return cls(crawler, state_for(crawler), interval)

    async def process_request(self, request: Request) -> None:
        seconds = self.state.reserve(urlsplit(request.url).netloc, self.interval)
        if seconds > 0:
            self.stats.inc_value("frontier/host_rate_waits")
            await wait(seconds)
