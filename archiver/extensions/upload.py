"""Uploading a crawl into s3:// as it goes: each commit point reaches the object store.

``archiver crawl --out s3://…`` crawls into a local staging directory (ARCHIVER_OUT) and sets
``ARCHIVER_REMOTE`` to the address. After each item, if a WARC file was closed or a part file
committed since the last look, ``archiver.store.remote.Publisher`` uploads what is ready,
manifest last; the command uploads the rest once the crawl has ended. A failed upload is
logged and counted (``remote/upload_errors``) and tried again at the next commit point: what
it left is not counted by readers until a manifest names it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

from archiver.store.layout import CRAWLS_DIR, WARC_DIR
from archiver.store.manifest import crawl_id_for
from archiver.store.remote import Publisher, RemoteArchive, RemoteFailed

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class RemoteUpload:
    def __init__(self, crawler: Crawler, root: Path, url: str) -> None:
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        self.root = root
        self.publisher = Publisher(root, RemoteArchive.parse(url))
        self.manifest = root / CRAWLS_DIR / f"{crawl_id_for(crawler)}.json"
        self.seen: tuple[int, int] = (0, 0)
        crawler.signals.connect(self.look, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RemoteUpload:
        url = crawler.settings.get("ARCHIVER_REMOTE")
        if not url:
            raise NotConfigured  # a local archive: intended, so Scrapy logs no warning
        return cls(crawler, Path(crawler.settings["ARCHIVER_OUT"]), url)

    def _state(self) -> tuple[int, int]:
        """Closed WARC files, and the manifest's change time: what a commit point changes."""
        warcs = self.root / WARC_DIR
        closed = sum(1 for _ in warcs.glob("*.warc.gz")) if warcs.is_dir() else 0
        changed = self.manifest.stat().st_mtime_ns if self.manifest.exists() else 0
        return closed, changed

    def look(self) -> None:
        state = self._state()
        if state == self.seen:
            return
        self.seen = state
        try:
            self.stats.inc_value("remote/objects_written", self.publisher.publish())
        except (OSError, RemoteFailed) as error:
            logger.warning(
                "upload to %s failed, to be tried again: %s", self.publisher.archive.url, error
            )
            self.stats.inc_value("remote/upload_errors")
