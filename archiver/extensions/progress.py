"""A one-line progress display on standard error, for crawls and re-extraction (silent off a
terminal unless asked).

A crawl cannot know its total until the listing walk ends, so the line says what is known:
listing pages walked, items queued, pages done, rows written, rate and failures, and an ETA only
once no listing page is left to walk (from then on the queued items are the whole job).

``ARCHIVER_PROGRESS``: ``auto`` (default: only when standard error is a terminal), ``on``,
``off``; ``ARCHIVER_PROGRESS_INTERVAL`` seconds between updates.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from archiver.progress import Line, rate_and_eta, wanted

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request
    from scrapy.statscollectors import StatsCollector

# The stats the extension keeps: listing requests scheduled and ended (an attempt each), and
# item requests queued (a first attempt each: retries and redirects are the same item).
LISTINGS_SCHEDULED = "progress/listings_scheduled"
LISTINGS_ENDED = "progress/listings_ended"
ITEMS_QUEUED = "progress/items_queued"
# The spiders' callbacks for listing pages (the walk) and for item pages.
LISTING_CALLBACKS = frozenset({"parse_listing", "parse_section"})
ITEM_CALLBACKS = frozenset({"parse_item"})


def walk_ended(stats: Mapping[str, Any]) -> bool:
    scheduled = int(stats.get(LISTINGS_SCHEDULED, 0))
    return scheduled > 0 and int(stats.get(LISTINGS_ENDED, 0)) >= scheduled


def progress_line(stats: Mapping[str, Any], elapsed: float) -> str:
    """The crawl's line, from its stats alone (a pure function, so tests give it the stats)."""
    failures = sum(
        int(stats.get(f"archive/{name}", 0))
        for name in ("failures", "failures_again", "robots_forbidden")
    )
    done = int(stats.get("item_scraped_count", 0)) + failures
    queued = int(stats.get(ITEMS_QUEUED, 0))
    ended = walk_ended(stats)
    return (
        f"listing: {int(stats.get('listing/pages', 0))} pages walked"
        f"{' (done)' if ended else ''}; items: {done} of {queued} queued done, "
        f"{int(stats.get('archive/rows_written', 0))} rows written, "
        f"{int(stats.get('archive/unchanged', 0))} unchanged, {failures} failures; "
        + rate_and_eta(done, queued if ended else None, elapsed)
    )


class Progress:
    """The Scrapy extension: counts the walk's requests and shows the line on a timer."""

    def __init__(self, stats: StatsCollector, line: Line) -> None:
        self.stats = stats
        self.line = line
        self.loop = LoopingCall(self.show)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        try:
            on = wanted(crawler.settings.get("ARCHIVER_PROGRESS", "auto"), sys.stderr)
        except ValueError as error:
            raise NotConfigured(f"ARCHIVER_PROGRESS: {error}") from error
        if not on:
            raise NotConfigured  # off by its setting: intended, so Scrapy logs no warning
        assert crawler.stats is not None
        line = Line(sys.stderr, crawler.settings.getfloat("ARCHIVER_PROGRESS_INTERVAL"))
        progress = cls(crawler.stats, line)
        crawler.signals.connect(progress.opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.closed, signal=signals.spider_closed)
        crawler.signals.connect(progress.scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(progress.ended, signal=signals.request_left_downloader)
        crawler.signals.connect(progress.ended, signal=signals.request_dropped)
        return progress

    def scheduled(self, request: Request) -> None:
        callback = getattr(request.callback, "__name__", "")
        if callback in LISTING_CALLBACKS:
            self.stats.inc_value(LISTINGS_SCHEDULED)
        elif callback in ITEM_CALLBACKS and not (
            request.meta.get("retry_times") or request.meta.get("redirect_times")
        ):
            self.stats.inc_value(ITEMS_QUEUED)

    def ended(self, request: Request) -> None:
        if getattr(request.callback, "__name__", "") in LISTING_CALLBACKS:
            self.stats.inc_value(LISTINGS_ENDED)

    def show(self) -> None:
        self.line.show(progress_line(self.stats.get_stats(), self.line.elapsed))

    def opened(self) -> None:
        self.line.started = time.monotonic()
        self.loop.start(self.line.interval, now=False)

    def closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        self.line.end(progress_line(self.stats.get_stats(), self.line.elapsed))
