"""Running a spider in-process with the project settings: the edge the commands share.

Twisted's reactor runs once per process, so one process runs one crawl; tests and the demo
start crawls through the ``archiver`` command in a subprocess when they need several.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archiver.store import lock

# Settings for crawling the local replica: no politeness delays, nothing to throttle.
LOCAL_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ARCHIVER_RETRY_BACKOFF_BASE": 0,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


@dataclass(frozen=True)
class CrawlResult:
    stats: dict[str, Any]
    crawl_id: str
    out: Path
    settings: dict[str, Any]  # the run's ARCHIVER_* settings, as merged from every source

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))


def run_crawl(
    spider: str, out: Path, settings: dict[str, Any] | None = None, **spider_args: Any
) -> CrawlResult:
    """Crawl with ``spider`` into the archive at ``out``; returns the run's stats.

    Raises ``ArchiveLocked`` before anything starts when another crawl writes ``out``.
    """
    lock.acquire(out)
    try:
        return _run(spider, out, settings or {}, spider_args)
    finally:
        lock.release(out)


def _run(
    spider: str, out: Path, settings: dict[str, Any], spider_args: dict[str, Any]
) -> CrawlResult:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "archiver.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from archiver.store.manifest import new_crawl_id

    project = get_project_settings()
    crawl_id = new_crawl_id()
    project.update({"ARCHIVER_OUT": str(out), "ARCHIVER_CRAWL_ID": crawl_id}, priority="cmdline")
    project.update(settings, priority="cmdline")
    # The archiver command's handlers (archiver/commands/common.py) take Scrapy's log.
    project.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(project)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **spider_args)
    process.start()
    assert crawler.stats is not None
    ours = {k: v for k, v in crawler.settings.copy_to_dict().items() if k.startswith("ARCHIVER_")}
    return CrawlResult(crawler.stats.get_stats(), crawl_id, out, ours)
