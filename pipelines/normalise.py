"""Dates and counters: the pure normalisers applied to every item, with stats for each outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archiver import health
from archiver.dates import apply_dates
from archiver.health import FIELD_DUE, is_due, is_filled
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
        self.count_fields(item)
        return item

    def count_fields(self, item: ArchiveItem) -> None:
        """Field coverage per language, for the crawl's health check."""
        for field in FIELD_DUE:
            if not is_due(field, item.kind):
                continue
            self.stats.inc_value(health.due_key(item.lang, field))
            if is_filled(getattr(item, field)):
                self.stats.inc_value(health.filled_key(item.lang, field))
                continue
            examples = self.stats.get_value(health.examples_key(item.lang, field), [])
            if len(examples) < health.EXAMPLES_KEPT:
                self.stats.set_value(health.examples_key(item.lang, field), [*examples, item.url])
