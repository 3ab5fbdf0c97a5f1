"""Deduplicate against the archive, write new versions as Parquet, keep the crawl's manifest.

An item whose content hash equals its key's latest archived hash is a re-crawl of unchanged
content and writes nothing; the same key seen twice in one run (two listings, two mirrors) is
written once. Everything countable goes to the crawl stats, and the stats and every failure go
to ``crawls/{crawl_id}.json``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals as scrapy_signals

from archiver import signals
from archiver.dataset import latest_hashes
from archiver.item import ArchiveItem
from archiver.store import lock
from archiver.store.atomic import leftover_temporaries
from archiver.store.content import content_sha256
from archiver.store.manifest import Manifest, crawl_id_for
from archiver.store.schema import to_row
from archiver.store.writer import PartitionedWriter

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class ParquetPipeline:
    def __init__(
        self, crawler: Crawler, out: Path, crawl_id: str, batch_rows: int, options: dict[str, Any]
    ) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.out = out
        self.crawl_id = crawl_id
        self.manifest = Manifest(out, crawl_id, options=options)
        self.writer = PartitionedWriter(
            out, crawl_id, batch_rows=batch_rows, on_commit=self.manifest.add_file
        )
        self.known: dict[str, str] = {}
        crawler.signals.connect(self.record_failure, signal=signals.fetch_failed)
        crawler.signals.connect(self.finish_manifest, signal=scrapy_signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParquetPipeline:
        settings = crawler.settings
        out = Path(settings.get("ARCHIVER_OUT"))
        crawl_id = crawl_id_for(crawler)
        options = {
            name: settings.get(name)
            for name in ("ARCHIVER_BASE_URL", "ARCHIVER_OUT", "DOWNLOAD_DELAY", "USER_AGENT")
        }
        return cls(crawler, out, crawl_id, settings.getint("ARCHIVER_BATCH_ROWS"), options)

    def open_spider(self) -> None:
        lock.acquire(self.out)  # raises ArchiveLocked when another crawl writes here
        for tmp in leftover_temporaries(self.out):
            logger.warning("removing a temporary file left by an interrupted run: %s", tmp)
            tmp.unlink()
            self.stats.inc_value("archive/temporaries_removed")
        self.known = latest_hashes(self.out)
        self.stats.set_value("archive/known_items", len(self.known))
        self.manifest.save()

    def process_item(self, item: ArchiveItem) -> ArchiveItem:
        record = item.to_record()
        record["content_sha256"] = content_sha256(record)
        record["crawl_id"] = self.crawl_id
        if self.known.get(item.key) == record["content_sha256"]:
            self.stats.inc_value("archive/unchanged")
        else:
            if item.key in self.known:
                self.stats.inc_value("archive/revised")
            self.known[item.key] = record["content_sha256"]
            year = item.published_date.year if item.published_date else None
            self.writer.write(to_row(record), year)
            self.stats.inc_value("archive/rows_written")
            self.stats.inc_value(f"archive/rows_written/{item.lang}")
        return item.replace(content_sha256=record["content_sha256"], crawl_id=self.crawl_id)

    def record_failure(self, url: str, reason: str, status: int | None = None) -> None:
        self.manifest.add_failure(url, reason, status)
        self.stats.inc_value("archive/failures")

    def close_spider(self) -> None:
        self.writer.close()
        lock.release(self.out)

    def finish_manifest(self, reason: str) -> None:
        self.manifest.finish(reason, self.stats.get_stats())
