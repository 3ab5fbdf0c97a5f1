"""Dates and counters: the pure normalisers applied to every item, with stats for each outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archiver import health
from archiver.dates import apply_dates
from archiver.item import ArchiveItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class NormalisePipeline:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: ArchiveItem) -> ArchiveItem:
        item = apply_dates(item)
        self.stats.inc_value(f"dates/{item.date_status}/{item.lang}")
        self.stats.inc_value(f"items/kind/{item.kind}/{item.lang}")
        self.stats.inc_value(f"items/layout/{item.layout}")
        for flag in item.page_flags:
            self.stats.inc_value(f"items/flag/{flag}/{item.lang}")
        health.count_item(self.stats, item)  # field coverage, for the crawl's health check
        return item
