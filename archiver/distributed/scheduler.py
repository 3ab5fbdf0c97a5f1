"""scrapy-redis's scheduler, split in two: item pages shared, everything else this worker's own.

A request for an item page goes to the crawl's Redis queue, once per item key (the shared
duplicate filter counts keys, so a mirror switch or a second seeder's walk cannot queue an item
again). Listing pages stay in this worker's own Scrapy scheduler: the listing walk is the
seeder's. A request this worker took from the queue (``take``) stays here too, with its
retries and redirects: it is leased to this worker until its row is committed.

Compared with scrapy-redis's own ``Scheduler``: ``SCHEDULER_PERSIST`` is always on (the first
worker to close must not flush what the others still crawl), stats are counted without the
``spider=`` argument Scrapy 2.19 deprecates, and requests are taken by ``archiver.distributed.
worker`` (which wakes the engine) rather than polled by the engine's 5-second heartbeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.core.scheduler import Scheduler as LocalScheduler
from scrapy.utils.request import request_from_dict
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from archiver.distributed.state import state_for
from archiver.urls import parse_item_url

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

    from archiver.distributed.state import SharedState

# Request meta flag: taken from the shared queue by this worker (so it is not queued again).
TAKEN = "archiver_taken"


class KeyDupeFilter(RFPDupeFilter):  # type: ignore[misc]
    """Seen means the same item key (``lang/id``), on whatever host or mirror."""

    def request_fingerprint(self, request: Request) -> str:
        ref = parse_item_url(request.url)
        return ref.key if ref is not None else str(super().request_fingerprint(request))


class FrontierScheduler(Scheduler):  # type: ignore[misc]
    def __init__(self, crawler: Crawler, state: SharedState, local: LocalScheduler) -> None:
        super().__init__(
            server=state.server,
            persist=True,
            queue_key=state.queue_key,
            dupefilter=KeyDupeFilter(state.server, state.dupefilter_key),
        )
        self.stats = crawler.stats
        self.state = state
        self.local = local
        self.leased: dict[str, bytes] = {}  # item key → the request as leased

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        return cls(crawler, state_for(crawler), LocalScheduler.from_crawler(crawler))

    def open(self, spider: Spider) -> Any:
        # As scrapy-redis's open, without its deprecated Spider.log call.
        self.spider = spider
        self.queue = PriorityQueue(server=self.server, spider=spider, key=self.queue_key)
        return self.local.open(spider)

    def close(self, reason: str) -> Any:
        super().close(reason)  # persistent: the queue is the crawl's, not this worker's
        return self.local.close(reason)

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get(TAKEN) or parse_item_url(request.url) is None:
            return bool(self.local.enqueue_request(request))
        # Item requests skip Scrapy's filter (dont_filter, for redirect loops); here the key
        # decides, across workers.
        if self.df.request_seen(request):
            self.stats.inc_value("frontier/duplicates")
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        request: Request | None = self.local.next_request()
        return request

    def has_pending_requests(self) -> bool:
        return bool(self.local.has_pending_requests())

    def take(self) -> Request | None:
        """The next item request of the shared queue, leased to this worker."""
        data = self.state.take()
        if data is None:
            return None
        request = request_from_dict(picklecompat.loads(data), spider=self.spider)
        request.meta[TAKEN] = True
        ref = parse_item_url(request.url)
        if ref is not None:
            self.leased[ref.key] = data
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def release_keys(self, keys: list[str]) -> None:
        """Committed rows: their requests need no lease any more."""
        self.state.release([data for key in keys if (data := self.leased.pop(key, None))])
