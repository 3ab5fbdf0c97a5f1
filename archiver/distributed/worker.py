"""A frontier worker's life in the crawl: seed or not, take work, beat, find the end.

A spider middleware, because the spider's start is where a Scrapy crawl is fed: the seeder
passes its spider's start through (the listing walk, whose item requests the scheduler sends
to the shared queue); every worker then keeps feeding its engine with requests taken from the
queue while it has room, and its start ends only when the crawl is over
(``SharedState.finished``). So the engine never idles out early and never waits on its
5-second heartbeat: the loop itself looks every ``ARCHIVER_FRONTIER_POLL`` seconds.

A heartbeat (every third of ``ARCHIVER_FRONTIER_LEASE``) keeps this worker's lease alive and
requeues the leases of dead workers. When the seeder dies before its walk is over, another
worker takes the role over and walks again (the shared duplicate filter keeps what was queued
from being queued twice). A committed part file releases the leases of its rows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from archiver.distributed.scheduler import FrontierScheduler
from archiver.distributed.state import state_for
from archiver.health import FRONTIER_SEEDER
from archiver.middlewares.waiting import wait
from pipelines.parquet import ParquetPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from archiver.distributed.state import SharedState


class FrontierWorker:
    def __init__(self, crawler: Crawler, state: SharedState, poll: float) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.state = state
        self.poll = poll
        self.beating = LoopingCall(self.beat)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierWorker:
        if not crawler.settings.get("ARCHIVER_FRONTIER"):
            raise NotConfigured
        return cls(crawler, state_for(crawler), crawler.settings.getfloat("ARCHIVER_FRONTIER_POLL"))

    @property
    def scheduler(self) -> FrontierScheduler:
        assert self.crawler.engine is not None
        scheduler = self.crawler.engine.scheduler
        assert isinstance(scheduler, FrontierScheduler)
        return scheduler

    def opened(self) -> None:
        pipeline = self.crawler.get_item_pipeline(ParquetPipeline)
        if pipeline is not None:
            pipeline.archive.committed_keys = self.scheduler.release_keys
        self.beating.start(self.state.lease_ms / 3000, now=True)
        self.stats.set_value(FRONTIER_SEEDER, self.state.claim_seeder())

    def closed(self) -> None:
        if self.beating.running:
            self.beating.stop()

    def beat(self) -> None:
        self.state.beat()
        if moved := self.state.requeue_dead():
            self.stats.inc_value("frontier/requeued_from_dead_workers", moved)

    def idle(self) -> bool:
        """Nothing of this worker's own in hand: no request queued, downloading or parsed."""
        engine = self.crawler.engine
        assert engine is not None and engine.scraper.slot is not None
        return (
            not self.scheduler.has_pending_requests()
            and not engine.downloader.active
            and engine.scraper.slot.is_idle()
        )

    def has_room(self) -> bool:
        assert self.crawler.engine is not None
        return not self.crawler.engine.needs_backout() and not self.scheduler.has_pending_requests()

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if self.state.seeding:
            async for request in start:
                yield request
        while True:
            if self.state.seeding and self.idle():
                self.state.walked()  # the walk's last listing page is parsed
                self.state.seeding = False
            elif not self.state.seeding and self.state.claim_seeder():
                self.stats.inc_value("frontier/seeder_takeovers")
                self.stats.set_value(FRONTIER_SEEDER, True)
                assert self.crawler.spider is not None
                async for request in self.crawler.spider.start():
                    yield request
                continue
            if self.has_room() and (request := self.scheduler.take()) is not None:
                yield request
                continue
            idle = self.idle()
            self.state.report(busy=not idle)
            if idle and self.state.finished():
                return
            await wait(self.poll)
