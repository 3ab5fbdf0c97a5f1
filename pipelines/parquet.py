"""Write each item into the archive as a version, and keep the crawl's manifest.

A thin Scrapy adapter over ``archiver.store.archive.ArchiveWriter``: unchanged content writes
nothing, the same key seen twice in one run (two listings, two mirrors) is written once, and
the stats and every failure of the run go to ``crawls/{crawl_id}.json``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals as scrapy_signals
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from archiver import signals
from archiver.crawlstate import crawl_state_for
from archiver.extensions.health import HealthCheck
from archiver.item import ArchiveItem
from archiver.report.card import refresh_card
from archiver.store.archive import ArchiveWriter, write_failure
from archiver.store.manifest import ROBOTS_REFUSAL, crawl_id_for
from archiver.store.warc import WarcFile

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

# How a run ends that could no longer write its archive (a full disk, an I/O error).
WRITE_FAILED = "archive_write_failed"

# Settings worth keeping in the manifest: they explain what a run did.
MANIFEST_SETTINGS = (
    "ARCHIVER_OUT",
    "ARCHIVER_REMOTE",
    "DOWNLOAD_DELAY",
    "AUTOTHROTTLE_ENABLED",
    "ROBOTSTXT_OBEY",
    "RETRY_TIMES",
    "USER_AGENT",
)


class ParquetPipeline:
    def __init__(self, crawler: Crawler, archive: ArchiveWriter) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.archive = archive
        self.write_error: str | None = None
        crawler.signals.connect(self.record_failure, signal=signals.fetch_failed)
        crawler.signals.connect(self.record_warc_file, signal=signals.warc_file_closed)
        crawler.signals.connect(self.stop, signal=signals.archive_write_failed)
        crawler.signals.connect(self.record_error, signal=scrapy_signals.spider_error)
        crawler.signals.connect(self.record_error, signal=scrapy_signals.item_error)
        crawler.signals.connect(self.finish_manifest, signal=scrapy_signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParquetPipeline:
        settings = crawler.settings
        archive = ArchiveWriter(
            Path(settings["ARCHIVER_OUT"]),
            crawl_id_for(crawler),
            batch_rows=settings.getint("ARCHIVER_BATCH_ROWS"),
            options={name: settings.get(name) for name in MANIFEST_SETTINGS},
        )
        return cls(crawler, archive)

    def open_spider(self) -> None:
        # What the run was asked to do (base URL, sections, mode, …), from the project's spiders.
        run_options = getattr(self.crawler.spider, "run_options", None)
        if run_options is not None:
            self.archive.manifest.options.update(run_options())
        self.archive.open(crawl_state_for(self.crawler).hashes)
        self.stats.set_value("archive/known_items", len(self.archive.known))
        self.stats.inc_value(
            "archive/temporaries_removed", self.archive.counts["temporaries_removed"]
        )

    def process_item(self, item: ArchiveItem) -> ArchiveItem:
        if self.write_error is not None:  # items still in flight when the write failed
            raise DropItem(f"not archived: {self.write_error}", log_level="DEBUG")
        try:
            stamped, outcome = self.archive.add(item)
        except OSError as error:
            self.stop(error)
            raise DropItem(f"not archived: {self.write_error}", log_level="DEBUG") from None
        if outcome == "unchanged":
            self.stats.inc_value("archive/unchanged")
        else:  # new and revised rows are counted as they are committed (close_spider)
            self.stats.inc_value("archive/rows_written")
            self.stats.inc_value(f"archive/rows_written/{item.lang}")
        return stamped

    def record_failure(
        self,
        url: str,
        reason: str,
        status: int | None = None,
        listing_date: str | None = None,
        retry: bool = False,
    ) -> None:
        self.archive.add_failure(url, reason, status, listing_date)
        # Obeying robots.txt is the crawl working as asked, not an error of the site or of
        # ours; an item that failed before and fails again is not a new error either (else a
        # few deleted items would push every later run over the error rate).
        if ROBOTS_REFUSAL in reason:
            self.stats.inc_value("archive/robots_forbidden")
        elif retry:
            self.stats.inc_value("archive/failures_again")
        else:
            self.stats.inc_value("archive/failures")

    def record_warc_file(self, warc: WarcFile) -> None:
        self.archive.add_warc_file(warc)

    def record_error(self, failure: Failure, response: Response) -> None:
        """A page whose processing raised (a bug of ours): its item is lost for this run, so
        it goes into the failures like any other page that produced none."""
        error = failure.value
        self.record_failure(
            response.url,
            f"error processing the page: {type(error).__name__}: {error}",
            response.status,
        )

    def stop(self, error: OSError) -> None:
        """A write of the archive (Parquet, or WARC in the capture) failed: end the run."""
        if self.write_error is None:
            self.write_failed(error)
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=WRITE_FAILED))

    def write_failed(self, error: OSError) -> None:
        """The archive cannot be written: the run stops, and its summary says what is kept.
        What was committed stays whole (every file is published complete, or not at all)."""
        if self.write_error is not None:
            return
        self.write_error, remedy = write_failure(self.archive.root, error)
        logger.error("%s (%s); the crawl stops", self.write_error, error)
        self.stats.set_value("archive/write_error", self.write_error)
        self.stats.set_value("archive/write_remedy", remedy)

    def close_spider(self) -> None:
        try:
            self.archive.close()
        except OSError as error:  # the buffered rows could not be written
            self.write_failed(error)
        # Counted at commit: less than rows_written means buffered rows never reached disk.
        self.stats.set_value("archive/rows_committed", self.archive.rows_committed)
        for outcome in ("new", "revised"):
            self.stats.set_value(f"archive/{outcome}", self.archive.committed[outcome])

    def finish_manifest(self, reason: str) -> None:
        check = self.crawler.get_extension(HealthCheck)
        health = check.verdict().to_json() if check is not None else None
        self.archive.finish(reason, self.stats.get_stats(), health)
        if self.archive.opened:
            refresh_card(self.archive.root)  # DIR/README.md tells what the archive now holds
