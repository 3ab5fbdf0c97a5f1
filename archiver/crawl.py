"""Running a crawl: the one path ``archiver crawl``, ``archiver demo`` and ``scrapy crawl`` share.

Check the inputs (``archiver.preflight``), name the operator's contact in the user agent, take
the archive's lock, crawl, and read the outcome: the finish reason, the rows that reached the
archive, whether every listing walk ran to its end, and the health check's verdict
(``archiver.extensions.health``) give the exit code.

Twisted's reactor runs once per process, so one process runs one crawl; tests and the demo
start crawls through the ``archiver`` command in a subprocess when they need several.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archiver import contact, preflight
from archiver.cli import EXIT_FAILURE, EXIT_HEALTH, EXIT_OK
from archiver.health import LISTING_FAILED, WALKS_CUT, Verdict
from archiver.store import lock

if TYPE_CHECKING:
    from scrapy.crawler import Crawler, CrawlerProcessBase

# What to do when another process writes the archive, for both ways of starting a crawl.
LOCKED_WAY_OUT = (
    "wait for it to finish, or crawl into another archive: "
    "archiver crawl --out DIR, or scrapy crawl … -s ARCHIVER_OUT=DIR"
)
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
    health: Verdict | None  # None: the spider runs without the check (ARCHIVER_HEALTH_ENABLED)
    # A frontier worker's: the worst exit code of all the crawl's workers (None: not a worker).
    crawl_exit_code: int | None = None

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    @property
    def rows_lost(self) -> bool:
        """Rows counted as written that were never committed (a write error)."""
        written = self.stats.get("archive/rows_written", 0)
        return bool(self.stats.get("archive/rows_committed") != written)

    @property
    def walk_incomplete(self) -> bool:
        """A listing page could not be read or a walk was cut: part of the site went unseen,
        whether or not the health check runs to say so."""
        return any(int(self.stats.get(stat, 0)) for stat in (LISTING_FAILED, WALKS_CUT))

    @property
    def exit_code(self) -> int:
        return self.worker_exit_code if self.crawl_exit_code is None else self.crawl_exit_code

    @property
    def worker_exit_code(self) -> int:
        """This process's own outcome (for a crawl on its own, the crawl's)."""
        if self.finish_reason != "finished" or self.rows_lost:
            return EXIT_FAILURE
        if self.walk_incomplete or (self.health is not None and not self.health.passed):
            return EXIT_HEALTH
        return EXIT_OK


def execute(
    process: CrawlerProcessBase, crawler: Crawler, spider_args: Mapping[str, Any]
) -> CrawlResult:
    """Run ``crawler`` in ``process`` to its end and return its outcome.

    Raises ``preflight.Refused`` before anything is written, ``UnreadableManifest`` when the
    archive's history cannot be read, ``ArchiveLocked`` when another crawl writes the archive,
    and what the crawl's start raised (a spider's ``ValueError``
    for a bad argument) once the process has stopped, so that it is reported, not logged as
    an unretrieved task's traceback.
    """
    from archiver.extensions.health import HealthCheck
    from archiver.store.manifest import crawl_id_for, read_manifests

    out = preflight.check_crawl(crawler.settings, spider_args)
    read_manifests(out)  # UnreadableManifest: stop here, not in the middle of the crawl
    contact.name_contact(crawler.settings)
    frontier = bool(crawler.settings.get("ARCHIVER_FRONTIER"))
    state = None
    if frontier:
        from archiver.distributed.state import state_for

        state = state_for(crawler)  # ValueError when Redis cannot be reached
        state.join()  # FrontierBusy (a ValueError) while the last crawl is finishing
    # Frontier workers share the archive; leftovers of dead writers are cleared only alone.
    clean = clean_after_dead_writers if frontier else None  # alone: the writers do it, counted
    lock.acquire(out, LOCKED_WAY_OUT, shared=frontier, when_alone=clean)
    errors: list[BaseException] = []
    try:
        _keep_error(process.crawl(crawler, **spider_args), errors)
        process.start()
    finally:
        lock.release(out)
    if errors:
        raise errors[0]
    assert crawler.stats is not None
    check = crawler.get_extension(HealthCheck)
    result = CrawlResult(
        stats=crawler.stats.get_stats(),
        crawl_id=crawl_id_for(crawler),
        out=out,
        health=check.verdict() if check is not None else None,
    )
    if state is not None:
        timeout = 10 * crawler.settings.getfloat("ARCHIVER_FRONTIER_LEASE")
        code = state.crawl_exit_code(result.worker_exit_code, timeout)
        result = replace(result, crawl_exit_code=code)
    return result


def clean_after_dead_writers(root: Path) -> None:
    """Publish WARC files a killed crawl left open and remove its temporaries: run by a
    frontier worker while it holds the archive alone, since its fellow workers' open files
    are alive (a crawl on its own does the same as it opens its writers)."""
    from archiver.store.atomic import remove_leftover_temporaries
    from archiver.store.warc import recover

    recover(root)
    remove_leftover_temporaries(root)


def _keep_error(started: Any, errors: list[BaseException]) -> None:
    """Collect what a started crawl (an asyncio task or a Deferred) failed with: retrieving it
    here is what keeps asyncio from printing "Task exception was never retrieved"."""
    if isinstance(started, asyncio.Task):

        def done(task: asyncio.Task[None]) -> None:
            if not task.cancelled() and (error := task.exception()) is not None:
                errors.append(error)

        started.add_done_callback(done)
    else:
        started.addErrback(lambda failure: errors.append(failure.value))


def run_crawl(
    spider: str, out: Path, settings: dict[str, Any] | None = None, **spider_args: Any
) -> CrawlResult:
    """Crawl with ``spider`` into the archive at ``out``, with the project settings and
    ``settings`` over them (as ``scrapy crawl -s`` gives them)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "archiver.settings")
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.project import get_project_settings

    project = get_project_settings()
    project.update({"ARCHIVER_OUT": str(out)}, priority="cmdline")
    project.update(settings or {}, priority="cmdline")
    # The archiver command's handlers (archiver/commands/common.py) take Scrapy's log.
    project.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = AsyncCrawlerProcess(project)
    return execute(process, process.create_crawler(spider), spider_args)
