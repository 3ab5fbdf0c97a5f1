"""A one-line progress display for crawls run on a terminal (silent otherwise).

``ARCHIVER_PROGRESS``: ``auto`` (default: only when standard error is a terminal), ``on``,
``off``; ``ARCHIVER_PROGRESS_INTERVAL`` seconds between updates.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


def progress_line(stats: dict[str, Any], elapsed: float) -> str:
    pages = int(stats.get("response_received_count", 0))
    rate = pages / elapsed if elapsed > 0 else 0.0
    return (
        f"{int(stats.get('archive/rows_written', 0))} rows written, "
        f"{int(stats.get('archive/unchanged', 0))} unchanged, {pages} pages fetched "
        f"({rate:.1f}/s), {int(stats.get('archive/failures', 0))} failures, "
        f"{elapsed:.0f} s"
    )


class Progress:
    def __init__(self, stats: StatsCollector, interval: float, stream: TextIO) -> None:
        self.stats = stats
        self.interval = interval
        self.stream = stream
        self.started = time.monotonic()
        self.loop = LoopingCall(self.show)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        mode = crawler.settings.get("ARCHIVER_PROGRESS", "auto")
        if mode == "off" or (mode == "auto" and not sys.stderr.isatty()):
            raise NotConfigured  # off by its setting: intended, so Scrapy logs no warning
        assert crawler.stats is not None
        progress = cls(
            crawler.stats, crawler.settings.getfloat("ARCHIVER_PROGRESS_INTERVAL"), sys.stderr
        )
        crawler.signals.connect(progress.opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.closed, signal=signals.spider_closed)
        return progress

    def show(self) -> None:
        line = progress_line(self.stats.get_stats(), time.monotonic() - self.started)
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()

    def opened(self) -> None:
        self.started = time.monotonic()
        self.loop.start(self.interval, now=False)

    def closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        self.show()
        self.stream.write("\n")
